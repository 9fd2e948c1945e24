namespace AstraBit.SupportBot.Core.Panel;

/// <summary>The panel file is not valid; the message names the file and the field.</summary>
public sealed class PanelContentException : Exception
{
    public PanelContentException()
    {
    }

    public PanelContentException(string message)
        : base(message)
    {
    }

    public PanelContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

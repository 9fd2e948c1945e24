namespace AstraBit.SupportBot.Core.Guide;

/// <summary>The guide file is not valid; the message names the file and the field.</summary>
public sealed class GuideContentException : Exception
{
    public GuideContentException()
    {
    }

    public GuideContentException(string message)
        : base(message)
    {
    }

    public GuideContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

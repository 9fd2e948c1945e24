namespace AstraBit.SupportBot.Core.Errors;

/// <summary>The error catalog file is not valid; the message names the file, the entry and the field.</summary>
public sealed class ErrorCatalogException : Exception
{
    public ErrorCatalogException()
    {
    }

    public ErrorCatalogException(string message)
        : base(message)
    {
    }

    public ErrorCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

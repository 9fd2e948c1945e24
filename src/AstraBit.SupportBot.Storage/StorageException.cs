namespace AstraBit.SupportBot.Storage;

/// <summary>The data file can't be used as it is; the message names the file and what is wrong.</summary>
public sealed class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageException(DataFileReport report)
        : base(report?.Problem ?? throw new ArgumentNullException(nameof(report)))
    {
        Report = report;
    }

    /// <summary>What was found, when the file was refused before or while opening.</summary>
    public DataFileReport? Report { get; }
}

namespace AstraBit.SupportBot.Core.Tickets;

/// <summary>One or more due ticket timers could not be performed; they stay due and are tried again next run.</summary>
public sealed class TicketTimerException : Exception
{
    public TicketTimerException()
    {
    }

    public TicketTimerException(string message)
        : base(message)
    {
    }

    public TicketTimerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

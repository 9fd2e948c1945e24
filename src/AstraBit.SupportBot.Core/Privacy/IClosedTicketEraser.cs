namespace AstraBit.SupportBot.Core.Privacy;

/// <summary>
/// The ticket desk's part of a deletion: it erases the member's details from their closed tickets under the same gate
/// as every ticket change, so a staff reopen or a close step at the same instant can't write the old details back.
/// </summary>
public interface IClosedTicketEraser
{
    /// <summary>
    /// Erases the details (diagnostic cards, later checks, staff notes) of every closed ticket of the member, keeping
    /// each one's number, times, outcome, rating and staff ids. Returns how many closed tickets it went through and
    /// the numbers of the open ones it left whole.
    /// </summary>
    Task<(int ClosedErased, IReadOnlyList<int> OpenKept)> EraseClosedTicketDetailsAsync(ulong memberId, CancellationToken cancellationToken = default);
}

using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Storage;

/// <summary>
/// Every index the stores read through, ensured when the bot opens the data file (<see cref="SupportDatabase.OpenForServing"/>),
/// before it connects to Discord. Ensuring an index that exists is a look at the collection's page; a missing one (the
/// first start of a version that adds it) is built here once, reading its whole collection, and not by whichever
/// store or timer pass happened to be made first after the bot went online (the tickets' <c>closing</c> index was built
/// by the first ticket store made, in the middle of start-up, and left that collection's pages in memory).
/// </summary>
internal static class DataFileIndexes
{
    /// <summary>Ensures every index; true when one was built (its collection read).</summary>
    public static bool Ensure(SupportDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var built = LiteSupportData.EnsureIndexes(database);
        built |= LiteTicketStore.EnsureIndexes(database);
        built |= LiteAuditLog.EnsureIndexes(database);
        return built;
    }
}

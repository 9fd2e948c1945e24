namespace AstraBit.SupportBot.Storage;

/// <summary>Collection and field names in the data file. Renaming one needs a migration.</summary>
internal static class Collections
{
    public const string Meta = "meta";
    public const string Walkthroughs = "walkthroughs";
    public const string CheckHistory = "check_history";

    /// <summary>
    /// Every collection a store reads or writes. The data file is given all of them when it opens
    /// (<see cref="SupportDatabase"/>), since LiteDB fails a read that races the write creating its collection.
    /// A new store's collection belongs here.
    /// </summary>
    public static readonly IReadOnlyList<string> All =
    [
        Meta, Walkthroughs, CheckHistory,
        Tickets.TicketDocuments.Tickets, Tickets.TicketDocuments.Counters, Tickets.TicketDocuments.Audit, Tickets.TicketDocuments.Outbox,
        Languages.LiteMemberLocaleStore.CollectionName, LiteInFlightCheckStore.CollectionName, Stats.StatsDays.Collection,
        MemberHelp.MemberHelpDocuments.Panels, MemberHelp.MemberHelpDocuments.KeyReminders,
    ];

    public const string SchemaDocumentId = "schema";
    public const string VersionField = "version";
    public const string UserIdField = "userId";
    public const string CheckedAtField = "checkedAt";
}

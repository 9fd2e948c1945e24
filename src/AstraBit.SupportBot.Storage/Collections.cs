namespace AstraBit.SupportBot.Storage;

/// <summary>Collection and field names in the data file. Renaming one needs a migration.</summary>
internal static class Collections
{
    public const string Meta = "meta";
    public const string Walkthroughs = "walkthroughs";
    public const string CheckHistory = "check_history";

    public const string SchemaDocumentId = "schema";
    public const string VersionField = "version";
    public const string UserIdField = "userId";
    public const string CheckedAtField = "checkedAt";
}

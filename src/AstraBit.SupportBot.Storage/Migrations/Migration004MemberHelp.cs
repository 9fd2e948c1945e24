using AstraBit.SupportBot.Storage.MemberHelp;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Migrations;

/// <summary>
/// Member help (issue 13): the support panel's location per server, and key-expiry reminders indexed by member.
/// It only adds collections and an index.
/// </summary>
internal sealed class Migration004MemberHelp : IMigration
{
    public int Version => 4;

    public void Apply(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.GetCollection(MemberHelpDocuments.Panels);
        database.GetCollection(MemberHelpDocuments.KeyReminders).EnsureIndex(MemberHelpDocuments.MemberField);
    }
}

using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Core.Reminders;
using LiteDB;

namespace AstraBit.SupportBot.Storage.MemberHelp;

/// <summary>How the support panel's location and key-expiry reminders are written in the data file. Renaming a field needs a migration.</summary>
internal static class MemberHelpDocuments
{
    public const string Panels = "panels";
    public const string KeyReminders = "key_reminders";

    public const string ChannelField = "channelId";
    public const string MessageField = "messageId";
    public const string PostedAtField = "postedAt";

    public const string MemberField = "memberId";
    public const string MaskedKeyField = "maskedKey";
    public const string ExpiresAtField = "expiresAt";
    public const string SiteField = "site";
    public const string CreatedAtField = "createdAt";
    public const string DoneField = "done";

    public static BsonDocument FromPanel(PanelLocation location) => new()
    {
        ["_id"] = BsonDocuments.Snowflake(location.GuildId),
        [ChannelField] = BsonDocuments.Snowflake(location.ChannelId),
        [MessageField] = BsonDocuments.Snowflake(location.MessageId),
        [PostedAtField] = BsonDocuments.Time(location.PostedAt),
    };

    public static PanelLocation ToPanel(BsonDocument document) => new(
        BsonDocuments.Snowflake(document["_id"]),
        BsonDocuments.Snowflake(document[ChannelField]),
        BsonDocuments.Snowflake(document[MessageField]),
        Time(document[PostedAtField]));

    // Exactly the fields the reminder may keep: member, masked key, expiry, site, and its own bookkeeping.
    public static BsonDocument FromReminder(KeyReminder reminder) => new()
    {
        ["_id"] = reminder.Id,
        [MemberField] = BsonDocuments.Snowflake(reminder.MemberId),
        [MaskedKeyField] = reminder.MaskedKey,
        [ExpiresAtField] = BsonDocuments.Time(reminder.ExpiresAt),
        [SiteField] = reminder.Site,
        [CreatedAtField] = BsonDocuments.Time(reminder.CreatedAt),
        [DoneField] = new BsonArray(reminder.Done.Select(d => new BsonValue(d))),
    };

    public static KeyReminder ToReminder(BsonDocument document) => new(
        BsonDocuments.Snowflake(document[MemberField]),
        document[MaskedKeyField].AsString,
        Time(document[ExpiresAtField]),
        document[SiteField].AsString,
        Time(document[CreatedAtField]),
        document[DoneField].AsArray.Select(d => d.AsInt32).ToList());

    private static DateTimeOffset Time(BsonValue value) => new(value.AsInt64, TimeSpan.Zero);
}

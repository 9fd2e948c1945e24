using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Walkthrough;
using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>
/// The data file's layout, written out by hand so that what is on disk is decided here and changed only with a
/// migration. Discord ids are ulong, which BSON lacks: they are stored as the long with the same bits. Times are
/// stored as UTC ticks, exact to the tick and sortable, and come back as UTC.
/// </summary>
internal static class BsonDocuments
{
    public const string PositionField = "position";
    public const string MarksField = "marks";

    private const string Id = "_id";

    public static BsonValue Snowflake(ulong id) => new(unchecked((long)id));

    public static ulong Snowflake(BsonValue value) => unchecked((ulong)value.AsInt64);

    public static BsonDocument FromProgress(WalkthroughProgress progress) => new()
    {
        [Id] = Snowflake(progress.UserId),
        [PositionField] = progress.Position.ToString(),
        ["accountType"] = progress.AccountType.Key(),
        ["region"] = Nullable(progress.RegionKey),
        ["lastCheck"] = progress.LastCheck is { } check ? FromSummary(check) : BsonValue.Null,
        ["delivery"] = new BsonDocument
        {
            ["surface"] = progress.Delivery.Surface == WalkthroughSurface.DirectMessage ? "dm" : "channel",
            ["channelId"] = progress.Delivery.ChannelId is { } channel ? Snowflake(channel) : BsonValue.Null,
            ["messageId"] = progress.Delivery.MessageId is { } message ? Snowflake(message) : BsonValue.Null,
        },
        ["startedAt"] = Time(progress.StartedAt),
        ["updatedAt"] = Time(progress.UpdatedAt),
        ["schema"] = progress.SchemaVersion,
    };

    public static WalkthroughProgress ToProgress(BsonDocument document)
    {
        var delivery = document["delivery"].AsDocument;
        return new WalkthroughProgress(
            Snowflake(document[Id]),
            Enum.Parse<GuidePosition>(document[PositionField].AsString, ignoreCase: false),
            GuidePositions.ParseAccountType(document["accountType"].AsString) ?? AccountType.Unknown,
            NullableString(document["region"]),
            document["lastCheck"].IsDocument ? ToSummary(document["lastCheck"].AsDocument) : null,
            new WalkthroughDelivery(
                delivery["surface"].AsString == "dm" ? WalkthroughSurface.DirectMessage : WalkthroughSurface.ChannelEphemeral,
                delivery["channelId"].IsNull ? null : Snowflake(delivery["channelId"]),
                delivery["messageId"].IsNull ? null : Snowflake(delivery["messageId"])),
            Time(document["startedAt"]),
            Time(document["updatedAt"]))
        {
            SchemaVersion = document["schema"].IsNumber ? document["schema"].AsInt32 : WalkthroughProgress.CurrentSchemaVersion,
        };
    }

    public static BsonDocument FromMarks(WalkthroughMarks marks)
    {
        var reached = new BsonDocument();
        foreach (var (position, at) in marks.Reached.OrderBy(p => p.Key))
        {
            reached[position.ToString()] = Time(at);
        }

        return new BsonDocument
        {
            ["reached"] = reached,
            ["finalCheckPassedAt"] = marks.FinalCheckPassedAt is { } passed ? Time(passed) : BsonValue.Null,
        };
    }

    /// <summary>The walkthrough document's funnel marks; null when it has none. Positions this version doesn't know are skipped.</summary>
    public static WalkthroughMarks? ToMarks(BsonDocument walkthrough)
    {
        if (!walkthrough.TryGetValue(MarksField, out var value) || !value.IsDocument)
        {
            return null;
        }

        var reached = new Dictionary<GuidePosition, DateTimeOffset>();
        foreach (var (name, at) in value["reached"].AsDocument)
        {
            if (Enum.TryParse<GuidePosition>(name, ignoreCase: false, out var position) && at.IsNumber)
            {
                reached[position] = Time(at);
            }
        }

        var passed = value["finalCheckPassedAt"];
        return new WalkthroughMarks(Snowflake(walkthrough[Id]), reached, passed.IsNumber ? Time(passed) : null);
    }

    public static BsonDocument FromHistory(CheckHistoryEntry entry)
    {
        var checks = new BsonDocument();
        foreach (var (id, status) in entry.Checks)
        {
            checks[id] = Lower(status.ToString());
        }

        return new BsonDocument
        {
            [Id] = ObjectId.NewObjectId(),
            [Collections.UserIdField] = Snowflake(entry.UserId),
            [Collections.CheckedAtField] = Time(entry.CheckedAt),
            ["verdict"] = Lower(entry.Verdict.ToString()),
            ["checks"] = checks,
            ["maskedKey"] = entry.MaskedKey,
            ["region"] = Nullable(entry.RegionKey),
            ["host"] = entry.Host,
            ["accountType"] = Nullable(entry.AccountType),
        };
    }

    public static CheckHistoryEntry ToHistory(BsonDocument document)
    {
        var checks = new Dictionary<string, CheckStatus>(StringComparer.Ordinal);
        foreach (var (id, status) in document["checks"].AsDocument)
        {
            checks[id] = Enum.Parse<CheckStatus>(status.AsString, ignoreCase: true);
        }

        return new CheckHistoryEntry(
            Snowflake(document[Collections.UserIdField]),
            Time(document[Collections.CheckedAtField]),
            Enum.Parse<Verdict>(document["verdict"].AsString, ignoreCase: true),
            checks,
            document["maskedKey"].AsString,
            NullableString(document["region"]),
            document["host"].AsString)
        {
            AccountType = NullableString(document["accountType"]),
        };
    }

    public static BsonValue Time(DateTimeOffset time) => new(time.UtcTicks);

    private static BsonDocument FromSummary(CheckSummary summary) => new()
    {
        ["verdict"] = Lower(summary.Verdict.ToString()),
        ["failing"] = new BsonArray(summary.FailingCheckIds.Select(id => new BsonValue(id))),
        ["warnings"] = new BsonArray(summary.WarningCheckIds.Select(id => new BsonValue(id))),
        ["maskedKey"] = summary.MaskedKey,
        ["region"] = Nullable(summary.RegionKey),
        ["checkedAt"] = Time(summary.CheckedAt),
        ["runAt"] = summary.RunAt is { } runAt ? runAt.ToString() : BsonValue.Null,
    };

    private static CheckSummary ToSummary(BsonDocument document) => new(
        Enum.Parse<Verdict>(document["verdict"].AsString, ignoreCase: true),
        document["failing"].AsArray.Select(v => v.AsString).ToList(),
        document["warnings"].AsArray.Select(v => v.AsString).ToList(),
        document["maskedKey"].AsString,
        NullableString(document["region"]),
        Time(document["checkedAt"]),
        document["runAt"].IsString ? Enum.Parse<GuidePosition>(document["runAt"].AsString, ignoreCase: false) : null);

    public static DateTimeOffset Time(BsonValue value) => new(value.AsInt64, TimeSpan.Zero);

    private static BsonValue Nullable(string? text) => text is null ? BsonValue.Null : new BsonValue(text);

    private static string? NullableString(BsonValue value) => value.IsString ? value.AsString : null;

    private static string Lower(string name) => name.ToLowerInvariant();
}

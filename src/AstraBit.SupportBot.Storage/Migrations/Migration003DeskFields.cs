using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage.Tickets;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Migrations;

/// <summary>
/// Version 3, for the staff desk. Tickets gain a per-document "schema" (the first release wrote none: it is 1), an
/// outcome (told for closed tickets from how they were closed: the auto-close and member-left reasons, otherwise staff),
/// the close confirmation, notes and erasure. Walkthroughs gain the funnel marks, filled with what the document knows:
/// the start, the current position, and a passing final check if that was the last check.
/// </summary>
internal sealed class Migration003DeskFields : IMigration
{
    public int Version => 3;

    public void Apply(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var tickets = database.GetCollection(TicketDocuments.Tickets);
        foreach (var document in tickets.FindAll().ToList())
        {
            if (document.TryGetValue(TicketDocuments.SchemaField, out var schema) && schema.IsNumber && schema.AsInt32 >= TicketDocuments.CurrentSchema)
            {
                continue;
            }

            document[TicketDocuments.OutcomeField] = TicketDocuments.OutcomeOfLegacyClose(document) is { } outcome ? outcome.Key() : BsonValue.Null;
            document["closeRequestedAt"] = BsonValue.Null;
            document["closeRequestedBy"] = BsonValue.Null;
            document[TicketDocuments.NotesField] = new BsonArray();
            document["erasedAt"] = BsonValue.Null;
            document[TicketDocuments.SchemaField] = TicketDocuments.CurrentSchema;
            tickets.Update(document);
        }

        var walkthroughs = database.GetCollection(Collections.Walkthroughs);
        foreach (var document in walkthroughs.FindAll().ToList())
        {
            if (document.TryGetValue(BsonDocuments.MarksField, out var existing) && existing.IsDocument)
            {
                continue;
            }

            document[BsonDocuments.MarksField] = BsonDocuments.FromMarks(MarksOf(document));
            document["schema"] = WalkthroughProgress.CurrentSchemaVersion;
            walkthroughs.Update(document);
        }
    }

    private static WalkthroughMarks MarksOf(BsonDocument document)
    {
        var userId = BsonDocuments.Snowflake(document["_id"]);
        var reached = new Dictionary<GuidePosition, DateTimeOffset> { [GuidePosition.BeforeYouBegin] = BsonDocuments.Time(document["startedAt"]) };
        if (Enum.TryParse<GuidePosition>(document[BsonDocuments.PositionField].AsString, ignoreCase: false, out var position))
        {
            reached.TryAdd(position, BsonDocuments.Time(document["updatedAt"]));
        }

        DateTimeOffset? passed = null;
        if (document["lastCheck"] is { IsDocument: true } last
            && last["runAt"].IsString && last["runAt"].AsString == nameof(GuidePosition.FinalCheck)
            && last["verdict"].AsString is "pass" or "warn")
        {
            passed = BsonDocuments.Time(last["checkedAt"]);
        }

        return new WalkthroughMarks(userId, reached, passed);
    }
}

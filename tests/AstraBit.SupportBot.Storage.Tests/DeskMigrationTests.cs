using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage.Tickets;
using AstraBit.SupportBot.Storage.Migrations;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>A data file as the bot before the staff desk wrote it (schema 2, tickets without a schema) opens and migrates.</summary>
public sealed class DeskMigrationTests : IDisposable
{
    private const ulong Member = 123456789012345678;
    private const ulong Staff = 876543210987654321;

    private readonly TempFolder folder = new();

    [Fact]
    public async Task Open_SchemaTwoFile_TicketsGainSchemaAndOutcomeFromHowTheyClosed()
    {
        var path = folder.File("bot.db");
        WriteSchemaTwoFile(path);

        using var database = new SupportDatabase(path);
        var store = new LiteTicketStore(database);

        Assert.Equal(SchemaMigrations.CurrentVersion, database.SchemaVersion);
        Assert.Equal(TicketCloseOutcome.ClosedByStaff, (await store.GetAsync(1))!.Outcome);
        Assert.Equal(TicketCloseOutcome.NoReply, (await store.GetAsync(2))!.Outcome);
        Assert.Equal(TicketCloseOutcome.MemberLeft, (await store.GetAsync(3))!.Outcome);
        var open = (await store.GetAsync(4))!;
        Assert.Equal((null, false, 0), (open.Outcome, open.AwaitingConfirmation, open.Notes.Count));
        Assert.Equal("position-mode", open.Card!.Failing[0].Id);
        Assert.Equal(5, (await store.GetAsync(1))!.Rating);
        Assert.Equal(open.Number, (await store.FindOpenForMemberAsync(Member))!.Number);
    }

    [Fact]
    public async Task Open_SchemaTwoFile_WalkthroughsGainFunnelMarksFromWhatTheyKnow()
    {
        var path = folder.File("bot.db");
        WriteSchemaTwoFile(path);

        using var database = new SupportDatabase(path);
        var data = new LiteSupportData(database);

        var marks = (await data.MarksForMemberAsync(Member))!;
        Assert.Equal(
            [(GuidePosition.BeforeYouBegin, Started), (GuidePosition.Step5, Updated)],
            marks.Reached.OrderBy(r => r.Key).Select(r => (r.Key, r.Value)));
        Assert.Null(marks.FinalCheckPassedAt);
        var finished = (await data.MarksForMemberAsync(42))!;
        Assert.Equal(Updated.AddMinutes(-1), finished.FinalCheckPassedAt);
        Assert.Equal(GuidePosition.Done, (await new LiteWalkthroughStore(database).GetAsync(42))!.Position);
    }

    [Fact]
    public void Open_SchemaTwoFile_MigratesOnceAndReopensUnchanged()
    {
        var path = folder.File("bot.db");
        WriteSchemaTwoFile(path);
        new SupportDatabase(path).Dispose();

        using (var raw = new LiteDatabase(new ConnectionString { Filename = path }))
        {
            Assert.Equal(SchemaMigrations.CurrentVersion, SupportDatabase.ReadSchemaVersion(raw));
            var documents = raw.GetCollection("tickets").FindAll().ToList();
            Assert.Equal(4, documents.Count);
            Assert.All(documents, d => Assert.Equal(2, d["schema"].AsInt32));
            Assert.Equal(["closed-by-staff", "no-reply", "member-left"], documents.Take(3).Select(d => d["outcome"].AsString));
            Assert.All(raw.GetCollection("walkthroughs").FindAll(), d => Assert.True(d["marks"].IsDocument));
        }

        using var again = new SupportDatabase(path);
        Assert.Equal(SchemaMigrations.CurrentVersion, again.SchemaVersion);
    }

    public void Dispose() => folder.Dispose();

    private static readonly DateTimeOffset Started = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Updated = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    // The document shapes the bot wrote at schema 2 (tickets had no "schema" and no outcome; walkthroughs had no marks).
    private static void WriteSchemaTwoFile(string path)
    {
        using var raw = new LiteDatabase(new ConnectionString { Filename = path });
        var walkthroughs = raw.GetCollection("walkthroughs");
        walkthroughs.Insert(Walkthrough((long)Member, "Step5", lastCheck: BsonValue.Null));
        walkthroughs.Insert(Walkthrough(42, "Done", new BsonDocument
        {
            ["verdict"] = "warn",
            ["failing"] = new BsonArray(),
            ["warnings"] = new BsonArray(new BsonValue[] { "balance" }),
            ["maskedKey"] = "…Xy12",
            ["region"] = "eu",
            ["checkedAt"] = Updated.AddMinutes(-1).UtcTicks,
            ["runAt"] = "FinalCheck",
        }));

        var tickets = raw.GetCollection("tickets");
        tickets.Insert(Ticket(1, "closed", closedBy: (long)Staff, reason: "switched to one-way mode", rating: 5));
        tickets.Insert(Ticket(2, "closed", closedBy: null, reason: TicketStateMachine.AutoCloseReason, rating: null));
        tickets.Insert(Ticket(3, "closed", closedBy: null, reason: TicketStateMachine.MemberLeftReason, rating: null));
        tickets.Insert(Ticket(4, "open", closedBy: null, reason: null, rating: null));
        raw.GetCollection("counters").Insert(new BsonDocument { ["_id"] = "ticketNumber", ["value"] = 4 });
        raw.GetCollection("audit", BsonAutoId.Int64).Insert(new BsonDocument
        {
            ["actor"] = (long)Staff,
            ["action"] = "ticket.close",
            ["member"] = (long)Member,
            ["ticket"] = 1,
            ["detail"] = "closed #0001: switched to one-way mode",
            ["at"] = Updated.UtcTicks,
        });
        SupportDatabase.WriteSchemaVersion(raw, 2);
    }

    private static BsonDocument Walkthrough(long id, string position, BsonValue lastCheck) => new()
    {
        ["_id"] = id,
        ["position"] = position,
        ["accountType"] = "unified",
        ["region"] = "eu",
        ["lastCheck"] = lastCheck,
        ["delivery"] = new BsonDocument { ["surface"] = "dm", ["channelId"] = 555L, ["messageId"] = 666L },
        ["startedAt"] = Started.UtcTicks,
        ["updatedAt"] = Updated.UtcTicks,
        ["schema"] = 1,
    };

    private static BsonDocument Ticket(int number, string state, long? closedBy, string? reason, int? rating)
    {
        var closed = state == "closed";
        return new BsonDocument
        {
            ["_id"] = number,
            ["memberId"] = (long)Member,
            ["origin"] = "checkfailed",
            ["state"] = state,
            ["memberState"] = $"{(long)Member}:{(closed ? "closed" : "open")}",
            ["threadId"] = 7000L + number,
            ["openedAt"] = Started.AddHours(number).UtcTicks,
            ["card"] = new BsonDocument
            {
                ["verdict"] = "fail",
                ["failing"] = new BsonArray(new BsonValue[] { new BsonDocument
                {
                    ["id"] = "position-mode",
                    ["status"] = "fail",
                    ["title"] = "Position mode",
                    ["detail"] = "Hedge Mode on BTCUSDT.",
                    ["fix"] = "Switch to One-Way Mode.",
                    ["guideStep"] = 5,
                } }),
                ["warnings"] = new BsonArray(),
                ["accountType"] = "unified",
                ["region"] = "Bybit EU",
                ["maskedKey"] = "…Xy12",
                ["stoppedAt"] = BsonValue.Null,
                ["checkedAt"] = Started.UtcTicks,
            },
            ["laterChecks"] = new BsonArray(),
            ["claimedBy"] = closedBy is { } c ? new BsonValue(c) : BsonValue.Null,
            ["claimedAt"] = BsonValue.Null,
            ["firstStaffReplyAt"] = BsonValue.Null,
            ["lastMemberMessageAt"] = BsonValue.Null,
            ["lastStaffMessageAt"] = BsonValue.Null,
            ["closedAt"] = closed ? new BsonValue(Started.AddHours(number + 1).UtcTicks) : BsonValue.Null,
            ["closedBy"] = closedBy is { } by ? new BsonValue(by) : BsonValue.Null,
            ["closeReason"] = reason is null ? BsonValue.Null : new BsonValue(reason),
            ["reopenedAt"] = BsonValue.Null,
            ["rating"] = rating is { } r ? new BsonValue(r) : BsonValue.Null,
            ["ratedAt"] = BsonValue.Null,
            ["escalatedAt"] = BsonValue.Null,
            ["remindedAt"] = BsonValue.Null,
        };
    }
}

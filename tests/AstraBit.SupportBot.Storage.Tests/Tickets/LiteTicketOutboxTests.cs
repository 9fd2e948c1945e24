using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage.Tickets;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Tests.Tickets;

public sealed class LiteTicketOutboxTests : IDisposable
{
    private const ulong Member = (ulong)long.MaxValue + 77;
    private const ulong Moderator = 555_000_000_000_000_001;

    private readonly TempFolder folder = new();

    private string DataFile => folder.File("bot.db");

    [Fact]
    public async Task RecordCheck_WithWork_HistoryAndPendingTicketSurviveReopenTogether()
    {
        using (var database = new SupportDatabase(DataFile))
        {
            var outbox = new LiteTicketOutbox(database);
            var first = await outbox.RecordCheckAsync(Samples.History(Member, Samples.At), Work(TicketOrigin.CheckFailed, null));
            var second = await outbox.RecordCheckAsync(Samples.History(Member, Samples.At.AddMinutes(1)), Work(TicketOrigin.ModeratorRequest, Moderator));
            Assert.NotNull(first);
            Assert.NotNull(second);
            Assert.True(second.Id > first.Id);
        }

        using var reopened = new SupportDatabase(DataFile);
        var pending = await new LiteTicketOutbox(reopened).PendingAsync();
        var history = await new LiteCheckHistoryStore(reopened).RecentAsync(Member, 10);

        Assert.Equal(2, history.Count);
        Assert.Equal([TicketOrigin.CheckFailed, TicketOrigin.ModeratorRequest], pending.Select(p => p.Origin));
        Assert.All(pending, p => Assert.Equal(Member, p.MemberId));
        Assert.Equal([null, Moderator], pending.Select(p => p.RequestedBy));
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(TicketSamples.Card(CheckIds.Withdrawal)),
            System.Text.Json.JsonSerializer.Serialize(pending[0].Card));
    }

    [Fact]
    public async Task RecordCheck_WithoutWork_OnlyTheHistory()
    {
        using var database = new SupportDatabase(DataFile);
        var outbox = new LiteTicketOutbox(database);

        Assert.Null(await outbox.RecordCheckAsync(Samples.History(Member, Samples.At), work: null));

        Assert.Single(await new LiteCheckHistoryStore(database).RecentAsync(Member, 10));
        Assert.Empty(await outbox.PendingAsync());
    }

    [Fact]
    public async Task RecordCheck_UnmaskedKey_RefusedAndNothingWritten()
    {
        using var database = new SupportDatabase(DataFile);
        var outbox = new LiteTicketOutbox(database);
        var unmasked = Samples.History(Member, Samples.At) with { MaskedKey = "ABCDEFGHIJKLMNOPQR" };

        await Assert.ThrowsAsync<ArgumentException>(() => outbox.RecordCheckAsync(unmasked, Work(TicketOrigin.CheckFailed, null)));

        Assert.Empty(await outbox.PendingAsync());
        Assert.Empty(await new LiteCheckHistoryStore(database).RecentAsync(Member, 10));
    }

    [Fact]
    public async Task Complete_RemovesOnlyThatWork_AndTwiceIsHarmless()
    {
        using var database = new SupportDatabase(DataFile);
        var outbox = new LiteTicketOutbox(database);
        var first = (await outbox.RecordCheckAsync(Samples.History(Member, Samples.At), Work(TicketOrigin.CheckFailed, null)))!;
        var second = (await outbox.RecordCheckAsync(Samples.History(Member, Samples.At), Work(TicketOrigin.CheckFailed, null)))!;

        await outbox.CompleteAsync(first.Id);
        await outbox.CompleteAsync(first.Id);

        Assert.False(await outbox.IsPendingAsync(first.Id));
        Assert.True(await outbox.IsPendingAsync(second.Id));
        Assert.Equal([second.Id], (await outbox.PendingAsync()).Select(p => p.Id));
    }

    [Fact]
    public async Task Ticket_WrittenBeforeBuildStepsWereRecorded_ReadsAsBuilt()
    {
        using (var database = new SupportDatabase(DataFile))
        {
            var store = new LiteTicketStore(database);
            await store.GetOpenOrCreateAsync(Member, n => TicketSamples.Minimal(n, Member) with { ThreadId = 42 });
        }

        // An older bot's document has no "built" field.
        using (var lite = new LiteDatabase(new ConnectionString { Filename = DataFile, Connection = ConnectionType.Direct }))
        {
            var tickets = lite.GetCollection("tickets");
            var document = tickets.FindById(1);
            document.Remove("built");
            tickets.Update(document);
        }

        using var reopened = new SupportDatabase(DataFile);
        var ticket = await new LiteTicketStore(reopened).GetAsync(1);

        Assert.Equal(TicketBuildSteps.All, ticket!.Built);
        Assert.True(ticket.IsBuilt);
    }

    public void Dispose() => folder.Dispose();

    private static PendingTicket Work(TicketOrigin origin, ulong? requestedBy) => new(0, Member, origin, TicketSamples.Card(CheckIds.Withdrawal), requestedBy);
}

using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Storage.Tests.Tickets;

public sealed class LiteTicketStoreTests : IDisposable
{
    private readonly TempFolder folder = new();

    private string DataFile => folder.File("bot.db");

    [Theory]
    [InlineData(1ul)]
    [InlineData((ulong)long.MaxValue + 1)]
    [InlineData(ulong.MaxValue)]
    public async Task Update_EveryField_RoundTripsAcrossReopen(ulong member)
    {
        var full = TicketSamples.Full(1, member);
        using (var database = new SupportDatabase(DataFile))
        {
            var store = new LiteTicketStore(database);
            await store.GetOpenOrCreateAsync(member, n => TicketSamples.Minimal(n, member));
            await store.UpdateAsync(full);
        }

        using var reopened = new SupportDatabase(DataFile);

        TicketSamples.AssertSame(full, await new LiteTicketStore(reopened).GetAsync(1));
    }

    [Fact]
    public async Task Update_CardWithIntakeAnswers_RoundTripsAcrossReopen()
    {
        var intake = new TicketIntake("billing", "Billing and subscription", "Charged twice", ["invoice.png", "bank.jpg"]) { Skipped = ["notes.txt"] };
        var ticket = TicketSamples.Full(1, 7) with { Card = TicketSamples.Card() with { Intake = intake } };
        using (var database = new SupportDatabase(DataFile))
        {
            var store = new LiteTicketStore(database);
            await store.GetOpenOrCreateAsync(7, n => TicketSamples.Minimal(n, 7));
            await store.UpdateAsync(ticket);
        }

        using var reopened = new SupportDatabase(DataFile);
        var read = await new LiteTicketStore(reopened).GetAsync(1);

        TicketSamples.AssertSame(ticket, read);
        Assert.Equal(["notes.txt"], read!.Card!.Intake!.Skipped);
    }

    [Fact]
    public async Task GetOpenOrCreate_Minimal_RoundTripsNulls()
    {
        using var database = new SupportDatabase(DataFile);
        var store = new LiteTicketStore(database);

        var (ticket, created) = await store.GetOpenOrCreateAsync(5, n => TicketSamples.Minimal(n, 5));

        Assert.True(created);
        TicketSamples.AssertSame(TicketSamples.Minimal(1, 5), ticket);
        TicketSamples.AssertSame(ticket, await store.GetAsync(1));
    }

    [Fact]
    public async Task GetOpenOrCreate_MemberHasOpenTicket_ReturnsItWithoutBuilding()
    {
        using var database = new SupportDatabase(DataFile);
        var store = new LiteTicketStore(database);
        await store.GetOpenOrCreateAsync(5, n => TicketSamples.Minimal(n, 5));

        var (ticket, created) = await store.GetOpenOrCreateAsync(5, _ => throw new InvalidOperationException("must not build"));

        Assert.False(created);
        Assert.Equal(1, ticket.Number);
    }

    [Fact]
    public async Task GetOpenOrCreate_AfterCloseAndRestart_NextNumberNeverReused()
    {
        using (var database = new SupportDatabase(DataFile))
        {
            var store = new LiteTicketStore(database);
            var (first, _) = await store.GetOpenOrCreateAsync(5, n => TicketSamples.Minimal(n, 5));
            await store.GetOpenOrCreateAsync(6, n => TicketSamples.Minimal(n, 6));
            await store.UpdateAsync(first with { State = TicketState.Closed, ClosedAt = TicketSamples.At });
        }

        using var reopened = new SupportDatabase(DataFile);
        var (third, created) = await new LiteTicketStore(reopened).GetOpenOrCreateAsync(5, n => TicketSamples.Minimal(n, 5));

        Assert.True(created);
        Assert.Equal(3, third.Number);
    }

    [Fact]
    public async Task GetOpenOrCreate_BuilderFails_NothingStoredNumberNotSpent()
    {
        using var database = new SupportDatabase(DataFile);
        var store = new LiteTicketStore(database);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetOpenOrCreateAsync(5, _ => throw new InvalidOperationException("boom")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetOpenOrCreateAsync(5, n => TicketSamples.Minimal(n + 1, 5)));
        var (ticket, _) = await store.GetOpenOrCreateAsync(5, n => TicketSamples.Minimal(n, 5));

        Assert.Equal(1, ticket.Number);
        Assert.Single(await store.ListOpenAsync());
    }

    [Fact]
    public async Task GetOpenOrCreate_ManyThreadsTwoStores_UniqueSequentialNumbersOnePerMember()
    {
        using var database = new SupportDatabase(DataFile);
        var stores = new[] { new LiteTicketStore(database), new LiteTicketStore(database) };

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
        {
            var member = (ulong)(i % 50);
            return stores[i % 2].GetOpenOrCreateAsync(member, n => TicketSamples.Minimal(n, member));
        })));

        var created = results.Where(r => r.Created).Select(r => r.Ticket).ToList();
        Assert.Equal(50, created.Count);
        Assert.Equal(Enumerable.Range(1, 50), created.Select(t => t.Number).Order());
        Assert.All(results.GroupBy(r => r.Ticket.MemberId), g => Assert.Single(g.Select(r => r.Ticket.Number).Distinct()));
    }

    [Fact]
    public async Task FindByThreadAndOpenForMember_Indexed_FindTheRightTicket()
    {
        using var database = new SupportDatabase(DataFile);
        var store = new LiteTicketStore(database);
        var (a, _) = await store.GetOpenOrCreateAsync(5, n => TicketSamples.Minimal(n, 5));
        var (b, _) = await store.GetOpenOrCreateAsync(ulong.MaxValue, n => TicketSamples.Minimal(n, ulong.MaxValue));
        await store.UpdateAsync(a with { ThreadId = 777 });
        await store.UpdateAsync(b with { ThreadId = ulong.MaxValue - 1, State = TicketState.Claimed, ClaimedBy = 9 });

        Assert.Equal(a.Number, (await store.FindByThreadAsync(777))!.Number);
        Assert.Equal(b.Number, (await store.FindByThreadAsync(ulong.MaxValue - 1))!.Number);
        Assert.Null(await store.FindByThreadAsync(778));
        Assert.Equal(b.Number, (await store.FindOpenForMemberAsync(ulong.MaxValue))!.Number);
        Assert.Null(await store.FindOpenForMemberAsync(6));
    }

    [Fact]
    public async Task FindOpenForMember_OnlyClosed_Null()
    {
        using var database = new SupportDatabase(DataFile);
        var store = new LiteTicketStore(database);
        var (a, _) = await store.GetOpenOrCreateAsync(5, n => TicketSamples.Minimal(n, 5));
        await store.UpdateAsync(a with { State = TicketState.Closed, ClosedAt = TicketSamples.At });

        Assert.Null(await store.FindOpenForMemberAsync(5));
        Assert.Empty(await store.ListOpenAsync());
    }

    [Fact]
    public async Task ListOpenAndActiveSince_Mixed_FilterAndNumberOrder()
    {
        using var database = new SupportDatabase(DataFile);
        var store = new LiteTicketStore(database);
        for (ulong member = 1; member <= 4; member++)
        {
            var m = member;
            await store.GetOpenOrCreateAsync(m, n => TicketSamples.Minimal(n, m) with { OpenedAt = TicketSamples.At.AddDays(n) });
        }

        // #1 opened day 1, closed day 9; #2 opened day 2, closed day 3; #3 claimed; #4 open.
        await store.UpdateAsync((await store.GetAsync(1))! with { State = TicketState.Closed, ClosedAt = TicketSamples.At.AddDays(9) });
        await store.UpdateAsync((await store.GetAsync(2))! with { State = TicketState.Closed, ClosedAt = TicketSamples.At.AddDays(3) });
        await store.UpdateAsync((await store.GetAsync(3))! with { State = TicketState.Claimed, ClaimedBy = 1 });

        Assert.Equal([3, 4], (await store.ListOpenAsync()).Select(t => t.Number));
        Assert.Equal([1, 4], (await store.ListActiveSinceAsync(TicketSamples.At.AddDays(4))).Select(t => t.Number));
        Assert.Equal([1, 2, 3, 4], (await store.ListActiveSinceAsync(TicketSamples.At)).Select(t => t.Number));
    }

    [Fact]
    public async Task Update_UnknownNumber_ThrowsNamingFile()
    {
        using var database = new SupportDatabase(DataFile);
        var store = new LiteTicketStore(database);

        var error = await Assert.ThrowsAsync<StorageException>(() => store.UpdateAsync(TicketSamples.Minimal(9, 1)));

        Assert.Contains("there is no ticket #0009", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(database.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_OnDisposedDatabase_ThrowsInsteadOfEmpty()
    {
        var database = new SupportDatabase(DataFile);
        var store = new LiteTicketStore(database);
        database.Dispose();

        await Assert.ThrowsAnyAsync<Exception>(() => store.ListOpenAsync());
    }

    public void Dispose() => folder.Dispose();
}

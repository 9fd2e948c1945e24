using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Storage.Tests.Tickets;

public sealed class LiteAuditLogTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Write_EveryField_RoundTripsAcrossReopen()
    {
        var entry = new AuditEntry(ulong.MaxValue, AuditActions.TicketClosed, (ulong)long.MaxValue + 1, 42, "closed #0042: fixed · ✓", TicketSamples.At.AddTicks(3));
        var system = new AuditEntry(null, AuditActions.TicketEscalated, null, null, string.Empty, TicketSamples.At.AddTicks(4));
        using (var database = new SupportDatabase(folder.File("bot.db")))
        {
            var log = new LiteAuditLog(database);
            await log.WriteAsync(entry);
            await log.WriteAsync(system);
        }

        using var reopened = new SupportDatabase(folder.File("bot.db"));

        Assert.Equal([system, entry], await new LiteAuditLog(reopened).RecentAsync(10));
    }

    [Fact]
    public async Task Recent_MoreThanAsked_NewestFirstLimited()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var log = new LiteAuditLog(database);
        for (var i = 0; i < 5; i++)
        {
            await log.WriteAsync(new AuditEntry(1, AuditActions.TicketClaimed, 2, i, $"entry {i}", TicketSamples.At.AddMinutes(i)));
        }

        var recent = await log.RecentAsync(3);

        Assert.Equal([4, 3, 2], recent.Select(e => e.TicketNumber!.Value));
        Assert.Empty(await log.RecentAsync(0));
    }

    [Fact]
    public async Task ForMember_Mixed_OnlyThatMemberNewestFirst()
    {
        using var database = new SupportDatabase(folder.File("bot.db"));
        var log = new LiteAuditLog(database);
        await log.WriteAsync(new AuditEntry(1, AuditActions.TicketClaimed, 7, 1, "a", TicketSamples.At));
        await log.WriteAsync(new AuditEntry(1, AuditActions.TicketClaimed, 8, 2, "b", TicketSamples.At.AddMinutes(1)));
        await log.WriteAsync(new AuditEntry(1, AuditActions.TicketClosed, 7, 1, "c", TicketSamples.At.AddMinutes(2)));

        var entries = await log.ForMemberAsync(7);

        Assert.Equal(["c", "a"], entries.Select(e => e.Detail));
        Assert.Single(await log.ForMemberAsync(7, count: 1));
        Assert.Empty(await log.ForMemberAsync(9));
    }

    public void Dispose() => folder.Dispose();
}

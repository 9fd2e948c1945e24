using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage.CrashWriter;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Storage.Tests.Tickets;

/// <summary>
/// Kills a child process that is writing tickets as fast as it can, then reopens the data file: every ticket the child
/// reported as committed must be there and intact, and the file must open and take new tickets with fresh numbers.
/// </summary>
public sealed class TicketCrashTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempFolder folder = new();

    [Fact]
    public async Task Kill_MidWrite_RepeatedOnOneFile_NoConfirmedTicketLostOrDamaged()
    {
        var path = folder.File("crash/bot.db");
        var confirmed = new SortedSet<int>();
        int[] killAfter = [5, 17, 3, 40, 11];

        foreach (var count in killAfter)
        {
            foreach (var number in await CrashWriterProcess.RunAndKillAsync(path, count, Limit))
            {
                Assert.True(confirmed.Add(number), $"number {number} was handed out twice");
            }

            using var database = new SupportDatabase(path);
            var store = new LiteTicketStore(database);
            foreach (var number in confirmed)
            {
                TicketSamples.AssertSame(CrashTickets.Confirmed(number), await store.GetAsync(number));
            }

            // Nothing closes in the writer, so every stored ticket is listed: numbered 1…n without gaps, and the ones
            // killed before they were reported are whole as first written or as updated, never something in between.
            var stored = await store.ListOpenAsync();
            Assert.Equal(Enumerable.Range(1, stored.Count), stored.Select(t => t.Number));
            Assert.Subset(stored.Select(t => t.Number).ToHashSet(), confirmed.ToHashSet());
            foreach (var ticket in stored.Where(t => !confirmed.Contains(t.Number)))
            {
                var expected = ticket.ThreadId is null ? CrashTickets.Opened(ticket.Number) : CrashTickets.Confirmed(ticket.Number);
                TicketSamples.AssertSame(expected, ticket);
            }
        }

        Assert.True(confirmed.Count >= killAfter.Sum());
        using (var database = new SupportDatabase(path))
        {
            var (fresh, created) = await new LiteTicketStore(database).GetOpenOrCreateAsync(1, n => new Ticket(n, 1, TicketOrigin.Command, CrashTickets.Start, null));
            Assert.True(created);
            Assert.True(fresh.Number > confirmed.Max);
        }
    }

    public void Dispose() => folder.Dispose();
}

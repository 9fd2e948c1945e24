using System.Diagnostics;
using System.Globalization;
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
            foreach (var number in await RunAndKillAsync(path, count))
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

    // Waits for this many confirmations from this run (not a ticket number: a ticket written but not yet reported
    // when the previous run was killed takes a number too), then kills the writer.
    private static async Task<IReadOnlyList<int>> RunAndKillAsync(string path, int confirmationsBeforeKill)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "AstraBit.SupportBot.Storage.CrashWriter.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(path);

        using var timeout = new CancellationTokenSource(Limit);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        var numbers = new List<int>();
        try
        {
            while (numbers.Count < confirmationsBeforeKill)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The writer stopped on its own: {await errors}");
                numbers.Add(int.Parse(line, CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
        }

        // Whatever it printed before dying was committed too.
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } rest)
        {
            if (int.TryParse(rest, CultureInfo.InvariantCulture, out var number))
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }
}

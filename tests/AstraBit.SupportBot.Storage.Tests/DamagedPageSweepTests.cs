using System.Security.Cryptography;
using System.Text.Json;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage.MemberHelp;
using AstraBit.SupportBot.Storage.Tests.Tickets;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>
/// One page of a real data file damaged at a time — blanked, overwritten with random bytes, or blanked behind an
/// intact page header — and the bot's start-up check run on it. Each file is either refused with the file byte for
/// byte as it was (no journal, no "rebuild me" flag), or opened and every read the bot's commands make answers
/// exactly as on the undamaged file. The file is written once, by the bot's own stores.
/// </summary>
public sealed class DamagedPageSweepTests : IClassFixture<DamagedPageSweepTests.WrittenFile>, IDisposable
{
    private readonly WrittenFile written;
    private readonly TempFolder folder = new();

    public DamagedPageSweepTests(WrittenFile written) => this.written = written;

    public static TheoryData<string> Damages => new() { "zeroed", "random", "body-zeroed" };

    [Fact]
    public void TheWrittenFile_HasEveryKindOfPage()
    {
        // Enough pages that the sweep meets collection, index, data and empty pages of every store.
        Assert.InRange(written.Pages, 30, 200);
        Assert.Equal(written.Baseline, ReadEverything(written.Path));
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void Start_EachPageDamaged_RefusedUntouchedOrServesAsBefore(string damage)
    {
        var refused = new List<long>();
        var served = new List<long>();
        var random = new Random(20261207);
        // Random bytes fail the same way as zeros; every fourth page is enough to show it.
        var pages = Enumerable.Range(0, (int)written.Pages).Select(p => (long)p).Where(p => damage != "random" || p % 4 == 1).ToList();
        foreach (var page in pages)
        {
            var path = folder.File($"{damage}-{page}.db");
            File.Copy(written.Path, path);
            Damage(path, page, damage, random);
            var before = Hash(path);

            var outcome = Start(path);

            if (outcome is { } problem)
            {
                Assert.True(before == Hash(path), $"page {page} ({damage}): the refused file was changed; refused with: {problem}");
                Assert.False(File.Exists(DataFile.LogPath(path)), $"page {page} ({damage}): a journal was created beside the refused file");
                Assert.StartsWith($"{Path.GetFullPath(path)}: ", problem, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', problem);
                var inspected = SupportDatabase.Inspect(path);
                Assert.False(inspected.IsUsable, $"page {page} ({damage}): doctor passed a file the start refused");
                Assert.True(before == Hash(path), $"page {page} ({damage}): doctor changed the file");
                refused.Add(page);
            }
            else
            {
                Assert.True(written.Baseline == ReadEverything(path), $"page {page} ({damage}): the bot started, but its reads differ from the undamaged file's");
                served.Add(page);
            }

            File.Delete(path);
            File.Delete(DataFile.LogPath(path));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{damage}: {pages.Count} of {written.Pages} pages damaged, {refused.Count} refused untouched, {served.Count} served as before (pages {string.Join(", ", served)})");
        Assert.Equal(pages.Count, refused.Count + served.Count);
        if (damage != "body-zeroed")
        {
            // A whole page blanked or overwritten can't pass for a good one.
            Assert.Empty(served);
        }
    }

    public void Dispose() => folder.Dispose();

    /// <summary>The bot's start-up open; null when it opened, else the one line it refused the file with.</summary>
    private static string? Start(string path)
    {
        try
        {
            new SupportDatabase(path).Dispose();
            return null;
        }
        catch (StorageException refused)
        {
            return refused.Message;
        }
    }

    private static void Damage(string path, long page, string damage, Random random)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var bytes = new byte[DataFile.PageSize];
        switch (damage)
        {
            case "random":
                random.NextBytes(bytes);
                break;
            case "body-zeroed":
                // LiteDB's page header (32 bytes: number, type, links, counts) stays; what it describes is gone.
                stream.Position = page * DataFile.PageSize;
                stream.ReadExactly(bytes.AsSpan(0, 32));
                break;
        }

        stream.Position = page * DataFile.PageSize;
        stream.Write(bytes);
    }

    /// <summary>Every read the bot's commands, timers and outbox make, as JSON: /diagnose, /ticket list|stats|history|view, /privacy, /reminders, the panel, the walkthrough.</summary>
    private static string ReadEverything(string path)
    {
        using var database = new SupportDatabase(path);
        var tickets = new LiteTicketStore(database);
        var data = new LiteSupportData(database);
        var audit = new LiteAuditLog(database);
        var reminders = new LiteKeyReminderStore(database);
        var progress = new LiteWalkthroughStore(database);
        var history = new LiteCheckHistoryStore(database);
        var reads = new List<object?>
        {
            tickets.ListOpenAsync().GetAwaiter().GetResult(),
            tickets.ListActiveSinceAsync(DateTimeOffset.MinValue).GetAwaiter().GetResult(),
            data.LoadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).GetAwaiter().GetResult(),
            audit.RecentAsync(int.MaxValue).GetAwaiter().GetResult(),
            reminders.AllAsync().GetAwaiter().GetResult(),
            new LiteTicketOutbox(database).PendingAsync().GetAwaiter().GetResult(),
            new LitePanelStore(database).GetAsync(WrittenFile.Guild).GetAwaiter().GetResult(),
        };
        for (var number = 1; number <= WrittenFile.Members; number++)
        {
            reads.Add(tickets.GetAsync(number).GetAwaiter().GetResult());
            reads.Add(tickets.FindByThreadAsync(WrittenFile.Thread(number)).GetAwaiter().GetResult());
        }

        foreach (var member in WrittenFile.MemberIds)
        {
            reads.Add(tickets.FindOpenForMemberAsync(member).GetAwaiter().GetResult());
            reads.Add(data.TicketsForMemberAsync(member).GetAwaiter().GetResult());
            reads.Add(data.ChecksForMemberAsync(member).GetAwaiter().GetResult());
            reads.Add(data.MarksForMemberAsync(member).GetAwaiter().GetResult());
            reads.Add(audit.ForMemberAsync(member, int.MaxValue).GetAwaiter().GetResult());
            reads.Add(reminders.ListAsync(member).GetAwaiter().GetResult());
            reads.Add(progress.GetAsync(member).GetAwaiter().GetResult());
            reads.Add(history.RecentAsync(member, int.MaxValue).GetAwaiter().GetResult());
        }

        return JsonSerializer.Serialize(reads);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>A data file as a few weeks of a small server leave it, written once for the whole class by the bot's stores.</summary>
    public sealed class WrittenFile : IDisposable
    {
        public const int Members = 40;
        public const ulong Guild = 1100000000000000003;

        private readonly TempFolder folder = new();

        public WrittenFile()
        {
            Path = folder.File("supportbot.db");
            Write(Path).GetAwaiter().GetResult();
            Pages = new FileInfo(Path).Length / DataFile.PageSize;
            Baseline = ReadEverything(Path);
        }

        public static IEnumerable<ulong> MemberIds => Enumerable.Range(1, Members).Select(i => 300000000000000000UL + (ulong)i);

        public string Path { get; }

        public long Pages { get; }

        public string Baseline { get; }

        public static ulong Thread(int number) => 400000000000000000UL + (ulong)number;

        public void Dispose() => folder.Dispose();

        private static async Task Write(string path)
        {
            using var database = new SupportDatabase(path);
            var tickets = new LiteTicketStore(database);
            var outbox = new LiteTicketOutbox(database);
            var audit = new LiteAuditLog(database);
            var reminders = new LiteKeyReminderStore(database);
            var progress = new LiteWalkthroughStore(database);
            var at = TicketSamples.At;
            var number = 0;
            foreach (var member in MemberIds)
            {
                number++;
                await progress.SaveAsync(Samples.Progress(member));
                for (var check = 0; check < 4; check++)
                {
                    var pending = check == 3 && number % 3 == 0 ? new PendingTicket(0, member, TicketOrigin.CheckFailed, TicketSamples.Card(), null) : null;
                    await outbox.RecordCheckAsync(Samples.History(member, at.AddHours(number).AddMinutes(check)), pending);
                }

                var (ticket, _) = await tickets.GetOpenOrCreateAsync(member, n => TicketSamples.Full(n, member) with { State = TicketState.Open, ClosedAt = null, ThreadId = Thread(n) });
                if (number % 2 == 0)
                {
                    await tickets.UpdateAsync(ticket with { State = TicketState.Closed, ClosedAt = at.AddHours(number + 1) });
                }

                await audit.WriteAsync(new AuditEntry(member + 1, AuditActions.TicketOpened, member, ticket.Number, "opened from a failed check", at.AddHours(number)));
                await audit.WriteAsync(new AuditEntry(member + 2, AuditActions.TicketClaimed, member, ticket.Number, "claimed", at.AddHours(number).AddMinutes(5)));
                await reminders.SaveAsync(new KeyReminder(member, "…Xy12", at.AddDays(30 + number), number % 2 == 0 ? "eu" : "mainnet", at, []));
            }

            // Some members asked to be forgotten: pages freed in the middle of the file.
            foreach (var member in MemberIds.Where((_, i) => i % 5 == 4))
            {
                await progress.DeleteAsync(member);
                await new LiteSupportData(database).DeleteChecksAsync(member);
            }

            await new LitePanelStore(database).SaveAsync(new PanelLocation(Guild, 1200000000000000001, 1500000000000000001, at));
        }
    }
}

using System.Text.Json;
using AstraBit.SupportBot.Cli;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.Tickets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Tests.Cli;

/// <summary>`stats` end to end: a data file scripted through the real stores, read by the real command line.</summary>
public sealed class StatsCommandTests : IDisposable
{
    private const ulong StaffA = 900;
    private const ulong StaffB = 901;

    private readonly string folder = Directory.CreateTempSubdirectory("supportbot-stats-").FullName;

    // Ten days ago, on the minute, so every scripted event sits well inside a 30-day period.
    private readonly DateTimeOffset t0 = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddDays(-10);

    private string DataFile => Path.Combine(folder, "supportbot.db");

    [Fact]
    public async Task Stats_ScriptedData_EveryFigureInTheTable()
    {
        await ScriptAsync();

        var run = await RunAsync("stats", "--data", DataFile);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Support figures for the last 30 days (", run.Output, StringComparison.Ordinal);
        AssertLine(run.Output, "started", "2");
        AssertLine(run.Output, "reached step 1", "2  (100%)");
        AssertLine(run.Output, "reached step 3", "2  (100%)");
        AssertLine(run.Output, "reached step 4", "1  (50%)");
        AssertLine(run.Output, "reached step 6", "1  (50%)");
        AssertLine(run.Output, "reached the final check", "1  (50%)");
        AssertLine(run.Output, "passed the final check", "1  (50%)");
        AssertLine(run.Output, "checks run", "8");
        AssertLine(run.Output, "new members checking", "4");
        AssertLine(run.Output, "  passed first time", "1  (25%)");
        AssertLine(run.Output, "  passed after a fix", "2  (50%)");
        AssertLine(run.Output, "  not passed yet", "1  (25%)");
        AssertLine(run.Output, "rate", "40%  (2 of 5 members with a failing check)");
        AssertLine(run.Output, CheckIds.PositionMode, "2");
        AssertLine(run.Output, CheckIds.Balance, "1");
        AssertLine(run.Output, "resolved — verified", "1");
        AssertLine(run.Output, "resolved", "1");
        AssertLine(run.Output, "resolved — unconfirmed", "0");
        AssertLine(run.Output, "closed by staff", "1");
        AssertLine(run.Output, "closed: no reply", "0");
        AssertLine(run.Output, "median first response", "1 hour");
        AssertLine(run.Output, "median resolution", "2 hours");
        AssertLine(run.Output, "900", "claimed 1, closed 1, average rating 4.0 from 1 rating");
        AssertLine(run.Output, "901", "claimed 1, closed 2, average rating 5.0 from 1 rating");
        Assert.Contains("Times (always open: wall-clock)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_LocaleTurkish_TheTableInTurkish_FiguresTheSame()
    {
        await ScriptAsync();

        var run = await RunAsync("stats", "--data", DataFile, "--locale", "tr");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Son 30 gün için destek rakamları (", run.Output, StringComparison.Ordinal);
        AssertLine(run.Output, "başladı", "2");
        AssertLine(run.Output, "4. adıma ulaştı", "1  (%50)");
        AssertLine(run.Output, "son kontrolü geçti", "1  (%50)");
        AssertLine(run.Output, "  ilk seferde geçti", "1  (%25)");
        AssertLine(run.Output, "oran", "%40  (başarısız kontrolü olan 5 üyeden 2)");
        AssertLine(run.Output, CheckIds.PositionMode, "2");
        AssertLine(run.Output, "ekip tarafından kapatıldı", "1");
        AssertLine(run.Output, "ilk yanıt medyanı", "1 saat");
        AssertLine(run.Output, "900", "üstlenilen 1, kapatılan 1, ortalama puan 1 puan üzerinden 4,0");
        Assert.DoesNotContain("reached step", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_LocaleNotShipped_RefusedNamingTheShippedOnes()
    {
        var run = await RunAsync("stats", "--data", DataFile, "--locale", "ja");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--locale: 'ja' is not a language the bot ships; use one of en-US, es-ES, pt-BR, ru, tr, vi, de, fr.", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_ScriptedDataAsJson_EveryFigure()
    {
        await ScriptAsync();

        var run = await RunAsync("stats", "--data", DataFile, "--json", "--days", "30");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(30, root.GetProperty("period").GetProperty("days").GetInt32());
        var funnel = root.GetProperty("funnel");
        Assert.Equal(2, funnel.GetProperty("started").GetInt32());
        Assert.Equal(
            [2, 2, 2, 1, 1, 1, 1],
            funnel.GetProperty("reached").EnumerateObject().Select(p => p.Value.GetInt32()));
        Assert.Equal(["step1", "step2", "step3", "step4", "step5", "step6", "finalCheck"], funnel.GetProperty("reached").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, funnel.GetProperty("passedFinalCheck").GetInt32());
        var checks = root.GetProperty("checks");
        Assert.Equal((8, 4, 1, 2, 1), (checks.GetProperty("run").GetInt32(), checks.GetProperty("newMembers").GetInt32(), checks.GetProperty("passedFirstTime").GetInt32(), checks.GetProperty("passedAfterFix").GetInt32(), checks.GetProperty("notPassedYet").GetInt32()));
        var self = root.GetProperty("selfService");
        Assert.Equal((5, 2, 0.4), (self.GetProperty("members").GetInt32(), self.GetProperty("selfServed").GetInt32(), self.GetProperty("rate").GetDouble()));
        Assert.Equal(
            [(CheckIds.PositionMode, 2), (CheckIds.Balance, 1)],
            root.GetProperty("ticketsByFirstFailingCheck").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
        Assert.Equal(
            [("resolved-verified", 1), ("resolved", 1), ("resolved-unconfirmed", 0), ("closed-by-staff", 1), ("no-reply", 0), ("member-left", 0)],
            root.GetProperty("outcomes").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
        Assert.Equal(3600, root.GetProperty("medianFirstResponseSeconds").GetDouble());
        Assert.Equal(7200, root.GetProperty("medianResolutionSeconds").GetDouble());
        Assert.False(root.GetProperty("workingTimeOnly").GetBoolean());
        var staff = root.GetProperty("staff").EnumerateArray().ToList();
        Assert.Equal(
            [("900", 1, 1, 4.0, 1), ("901", 1, 2, 5.0, 1)],
            staff.Select(s => (s.GetProperty("staffId").GetString(), s.GetProperty("claimed").GetInt32(), s.GetProperty("closed").GetInt32(), s.GetProperty("averageRating").GetDouble(), s.GetProperty("ratings").GetInt32())));
    }

    // The bot's own executable reads the same file to the same figures: every store query, LiteDB's expression engine
    // and the table, as the shipped (Native AOT) build runs them in CI's second pass.
    [Fact]
    [Trait("Bot", "Process")]
    public async Task Stats_BotExecutable_SameFiguresAsInProcess()
    {
        await ScriptAsync();
        var inProcess = await RunAsync("stats", "--data", DataFile);

        var (exit, output, error) = await Hosting.BotExecutable.RunAsync(folder, environment: null, "stats", "--data", DataFile);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        // The first line names the period's dates, taken from the clock at each run.
        Assert.Equal(inProcess.Output.Split('\n')[1..], output.Split('\n')[1..]);
        Assert.Contains("901", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_NothingInThePeriod_SaysNoneNeverZero()
    {
        await ScriptAsync();

        var run = await RunAsync("stats", "--data", DataFile, "--days", "1");
        var json = await RunAsync("stats", "--data", DataFile, "--days", "1", "--json");

        Assert.Equal(0, run.ExitCode);
        AssertLine(run.Output, "started", "none");
        AssertLine(run.Output, "checks run", "none");
        AssertLine(run.Output, "rate", "none");
        AssertLine(run.Output, "tickets opened", "none");
        AssertLine(run.Output, "tickets closed", "none");
        AssertLine(run.Output, "median first response", "none");
        AssertLine(run.Output, "median resolution", "none");
        AssertLine(run.Output, "staff activity", "none");
        Assert.DoesNotContain(" 0\n", run.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        foreach (var figure in new[] { "funnel", "checks", "selfService", "ticketsByFirstFailingCheck", "outcomes", "medianFirstResponseSeconds", "medianResolutionSeconds", "staff" })
        {
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty(figure).ValueKind);
        }
    }

    [Fact]
    public async Task Stats_NoDataFile_UsageErrorNamingThePath()
    {
        var run = await RunAsync("stats", "--data", Path.Combine(folder, "missing.db"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"No data file at {Path.Combine(folder, "missing.db")}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "missing.db")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4000")]
    public async Task Stats_DaysOutOfRange_UsageError(string days)
    {
        var run = await RunAsync("stats", "--data", DataFile, "--days", days);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--days must be from 1 to 3650.", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void AssertLine(string output, string label, string value) =>
        Assert.Contains($"  {label,-34} {value}\n", output, StringComparison.Ordinal);

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, _ => null, null);
        var code = await SupportBotCommandLine.InvokeAsync(args, console);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private static TicketCard Card(Verdict verdict, params string[] failing) => new(
        verdict,
        failing.Select(id => new TicketCheck(id, CheckStatus.Fail, id, "found", "fix it", null)).ToList(),
        [],
        "unified",
        "bybit.com",
        "…Xy12",
        null,
        null);

    private static CheckHistoryEntry Check(ulong member, DateTimeOffset at, Verdict verdict) => new(
        member,
        at,
        verdict,
        new Dictionary<string, CheckStatus> { [CheckIds.ApiKey] = verdict == Verdict.Fail ? CheckStatus.Fail : CheckStatus.Pass },
        "…Xy12",
        "mainnet",
        "https://api.bybit.com");

    // The scenario, and what it must count over the last 30 days:
    // walkthroughs: members 1 and 2 started in the period (1 to the end, passing the final check; 2 to step 3), 3 started long before.
    // checks: 1 passes first time; 2 fails then passes (no ticket: self-served); 4 fails, opens ticket A, then passes;
    // 5 first checked 40 days ago, fails again now; 6 only an error; 7 fails only. 8 checks run in the period.
    // tickets: A (member 4, position-mode) claimed and answered by 900, confirmed: resolved, 4 stars; B (member 8, balance)
    // closed verified by a passing check with no staff message (self-served), asked by 901, 5 stars; C (member 9,
    // position-mode) claimed by 901, answered after an hour, force-closed; D (member 10) open without a check.
    private async Task ScriptAsync()
    {
        using var database = new SupportDatabase(DataFile);
        var walkthroughs = new LiteWalkthroughStore(database);
        var progress = new WalkthroughProgress(1, GuidePosition.BeforeYouBegin, AccountType.Unified, "mainnet", null, WalkthroughDelivery.DirectMessage(1), t0, t0);
        foreach (var position in new[] { GuidePosition.Step1, GuidePosition.Step2, GuidePosition.Step3, GuidePosition.Step4, GuidePosition.Step5, GuidePosition.Step6, GuidePosition.FinalCheck })
        {
            progress = progress with { Position = position, UpdatedAt = t0.AddMinutes((int)position) };
            await walkthroughs.SaveAsync(progress);
        }

        var passing = new CheckSummary(Verdict.Pass, [], [], "…Xy12", "mainnet", t0.AddMinutes(20), GuidePosition.FinalCheck);
        await walkthroughs.SaveAsync(progress with { LastCheck = passing, Position = GuidePosition.Done, UpdatedAt = t0.AddMinutes(21) });
        var second = progress with { UserId = 2, Position = GuidePosition.BeforeYouBegin, LastCheck = null, StartedAt = t0, UpdatedAt = t0 };
        foreach (var position in new[] { GuidePosition.Step1, GuidePosition.Step2, GuidePosition.Step3 })
        {
            await walkthroughs.SaveAsync(second with { Position = position, UpdatedAt = t0.AddMinutes((int)position) });
        }

        await walkthroughs.SaveAsync(second with { UserId = 3, Position = GuidePosition.Step1, StartedAt = t0.AddDays(-60), UpdatedAt = t0.AddDays(-60) });

        var history = new LiteCheckHistoryStore(database);
        await history.AddAsync(Check(1, t0.AddHours(1), Verdict.Pass));
        await history.AddAsync(Check(2, t0.AddHours(1), Verdict.Fail));
        await history.AddAsync(Check(2, t0.AddHours(3), Verdict.Pass));
        await history.AddAsync(Check(4, t0.AddHours(1), Verdict.Fail));
        await history.AddAsync(Check(4, t0.AddHours(5), Verdict.Pass));
        await history.AddAsync(Check(5, t0.AddDays(-40), Verdict.Fail));
        await history.AddAsync(Check(5, t0.AddHours(1), Verdict.Fail));
        await history.AddAsync(Check(6, t0.AddHours(1), Verdict.Error));
        await history.AddAsync(Check(7, t0.AddHours(1), Verdict.Fail));

        var clock = new FakeTimeProvider(t0.AddHours(1));
        using var tickets = new TicketLedgerDriver(new LiteTicketStore(database), new LiteAuditLog(database), clock, Options.Create(new TicketOptions()));
        var b = (await tickets.OpenOrAppendAsync(8, TicketOrigin.CheckFailed, Card(Verdict.Fail, CheckIds.Balance))).Ticket.Number;
        clock.SetUtcNow(t0.AddHours(1).AddMinutes(10));
        await tickets.RequestCloseAsync(b, StaffB);
        clock.SetUtcNow(t0.AddHours(1).AddMinutes(30));
        Assert.True((await tickets.AddCheckAsync(b, Card(Verdict.Pass))).Ticket!.IsClosed);
        await tickets.RateAsync(b, 8, 5);

        clock.SetUtcNow(t0.AddHours(2));
        var a = (await tickets.OpenOrAppendAsync(4, TicketOrigin.CheckFailed, Card(Verdict.Fail, CheckIds.PositionMode, CheckIds.Balance))).Ticket.Number;
        clock.SetUtcNow(t0.AddHours(2.5));
        await tickets.ClaimAsync(a, StaffA);
        await tickets.RecordMessageAsync(a, StaffA, isStaff: true, t0.AddHours(3));
        clock.SetUtcNow(t0.AddHours(4));
        await tickets.RequestCloseAsync(a, StaffA);
        clock.SetUtcNow(t0.AddHours(5));
        await tickets.ConfirmFixedAsync(a, 4);
        await tickets.RateAsync(a, 4, 4);

        clock.SetUtcNow(t0.AddHours(6));
        var c = (await tickets.OpenOrAppendAsync(9, TicketOrigin.CheckFailed, Card(Verdict.Fail, CheckIds.PositionMode))).Ticket.Number;
        await tickets.OpenOrAppendAsync(10, TicketOrigin.Command, null);
        await tickets.ClaimAsync(c, StaffB);
        await tickets.RecordMessageAsync(c, StaffB, isStaff: true, t0.AddHours(7));
        clock.SetUtcNow(t0.AddHours(8));
        await tickets.CloseAsync(c, StaffB, "duplicate of another ticket");
    }
}

using System.Text;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Storage.Tests.Tickets;

/// <summary>The service over the real data file, closed and reopened between steps as a restart would.</summary>
public sealed class TicketLedgerOnLiteDbTests : IDisposable
{
    private const ulong Member = 123456789012345678;
    private const ulong Staff = 876543210987654321;

    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider clock = new(TicketSamples.At);

    [Fact]
    public async Task Lifecycle_AcrossRestarts_NumbersTimersAndAuditSurvive()
    {
        int number;
        using (var run = Open())
        {
            number = (await run.Service.OpenOrAppendAsync(Member, TicketOrigin.CheckFailed, TicketSamples.Card())).Ticket.Number;
            await run.Service.AttachThreadAsync(number, 5555);
            clock.Advance(TimeSpan.FromMinutes(45));
        }

        using (var run = Open())
        {
            var due = Assert.Single(await run.Service.DueActionsAsync());
            Assert.Equal((TicketActionKind.Escalate, number, (ulong?)5555), (due.Kind, due.Number, due.ThreadId));
            Assert.True((await run.Service.MarkEscalatedAsync(number)).Succeeded);
            Assert.True((await run.Service.ClaimAsync(number, Staff)).Succeeded);
            Assert.True((await run.Service.RecordMessageAsync(number, Staff, true, clock.GetUtcNow())).Succeeded);
            clock.Advance(TimeSpan.FromDays(1));
        }

        using (var run = Open())
        {
            Assert.Equal(TicketActionKind.Remind, Assert.Single(await run.Service.DueActionsAsync()).Kind);
            await run.Service.MarkRemindedAsync(number);
            clock.Advance(TimeSpan.FromDays(2));
        }

        using (var run = Open())
        {
            Assert.Equal(TicketActionKind.AutoClose, Assert.Single(await run.Service.DueActionsAsync()).Kind);
            Assert.True((await run.Service.AutoCloseAsync(number)).Succeeded);
            Assert.True((await run.Service.RateAsync(number, Member, 3)).Succeeded);
        }

        using (var run = Open())
        {
            var ticket = (await run.Service.FindByThreadAsync(5555))!;
            Assert.Equal((TicketState.Closed, 3, TicketStateMachine.AutoCloseReason), (ticket.State, ticket.Rating!.Value, ticket.CloseReason!));
            Assert.Empty(await run.Service.DueActionsAsync());
            var next = await run.Service.OpenOrAppendAsync(Member, TicketOrigin.Command, null);
            Assert.Equal(number + 1, next.Ticket.Number);
            Assert.Equal(
                [AuditActions.TicketClosed, AuditActions.TicketReminded, AuditActions.TicketClaimed, AuditActions.TicketEscalated],
                (await run.Audit.ForMemberAsync(Member)).Select(e => e.Action));
        }
    }

    [Fact]
    public async Task DataFile_AfterTicketWithPastedSecret_HoldsNoSecret()
    {
        const string secret = "Xq7Lr2Vb9Nt4Kp1Zs8Wd3Hf6Jc0Mg5Ry2Ta4";
        const string key = "AbCdEfGhIjKlMnXy12";
        var report = new DiagnosticReport(
            Verdict.Fail,
            "https://api.bybit.com",
            CredentialInput.MaskedKey(key),
            new ReportAccount(ReportAccount.Unified, true),
            [new CheckResult(CheckIds.ApiKey, CheckStatus.Fail, "API key", "Bybit rejected the signature.", "Paste the secret again.", 4)],
            TicketSamples.At,
            10);
        using (var run = Open())
        {
            var number = (await run.Service.OpenOrAppendAsync(Member, TicketOrigin.CheckFailed, TicketCard.FromReport(report, "Bybit"))).Ticket.Number;
            await run.Service.ClaimAsync(number, Staff);
            await run.Service.CloseAsync(number, Staff, $"member pasted {secret} in the thread; told them to make a new key");
        }

        var bytes = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories).SelectMany(File.ReadAllBytes).ToArray();

        Assert.True(Contains(bytes, "Xy12"), "the masked key should be stored, proving the search reads the data");
        Assert.True(Contains(bytes, "[hidden]"), "the scrubbed reason should be stored");
        Assert.False(Contains(bytes, secret), "secret found in the data file");
        Assert.False(Contains(bytes, secret[..12]), "part of the secret found in the data file");
        Assert.False(Contains(bytes, key), "full key found in the data file");
    }

    [Fact]
    public void AddSupportStorage_Registered_ResolvesTicketStoreAndAuditLog()
    {
        var services = new ServiceCollection().AddSupportStorage(folder.File("bot.db"));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<LiteTicketStore>(provider.GetRequiredService<ITicketStore>());
        Assert.IsType<LiteAuditLog>(provider.GetRequiredService<IAuditLog>());
    }

    public void Dispose() => folder.Dispose();

    private static bool Contains(byte[] haystack, string text) =>
        new[] { Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text) }
            .Any(needle => haystack.AsSpan().IndexOf(needle) >= 0);

    private Run Open() => new(folder.File("bot.db"), clock);

    private sealed class Run : IDisposable
    {
        private readonly SupportDatabase database;

        public Run(string path, TimeProvider clock)
        {
            database = new SupportDatabase(path);
            Audit = new LiteAuditLog(database);
            Service = new TicketLedgerDriver(new LiteTicketStore(database), Audit, clock, Options.Create(new TicketOptions()));
        }

        public LiteAuditLog Audit { get; }

        public TicketLedgerDriver Service { get; }

        public void Dispose()
        {
            Service.Dispose();
            database.Dispose();
        }
    }
}

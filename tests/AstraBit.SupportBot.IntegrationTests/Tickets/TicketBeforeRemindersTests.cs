using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.MemberHelp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>
/// A failed check's ticket does not wait for the reminders: the check applies its result to the member's reminders under
/// the reminders' gate, which the due pass holds while it works (on a year's file it once held it for over a minute).
/// </summary>
public sealed class TicketBeforeRemindersTests
{
    [Fact]
    public async Task FailedCheck_WhileTheRemindersGateIsHeld_TheTicketIsOpenedAndTheMemberToldOnceItIsFree()
    {
        var held = new HeldReminderStore();

        // The support clock stands still, so the outbox's periodic pass (which would open a ticket the check left
        // half-done, 30 s later) never runs: only the check itself can open this ticket.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var people = await StartAsync(supportClock: clock, configureHost: host => host.Services.AddSingleton<IKeyReminderStore>(sp =>
        {
            held.Inner = new LiteKeyReminderStore(sp.GetRequiredService<SupportDatabase>());
            return held;
        }));
        await using var bot = people.Bot;
        var account = bot.Bybit.Scenario("withdrawal-enabled");

        // The key has an expiry date, so the check reads the member's reminders under the gate; that read is held.
        var (check, _) = await Diagnose.DiagnoseMember.SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var notice = await people.StaffNoticeAsync();
        Assert.Contains("withdrawal", notice.Text, StringComparison.Ordinal);
        Assert.StartsWith("ticket-0001-alice", people.Thread().Name, StringComparison.Ordinal);
        await held.Entered.WaitAsync(BotHarness.Timeout, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.InteractionId == check && m.Content.Contains("support ticket #", StringComparison.Ordinal));

        held.Release();
        await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == check && m.Content.Contains("support ticket #0001", StringComparison.Ordinal), BotHarness.Timeout);
    }

    /// <summary>The data file's reminders, with every read of one reminder held until <see cref="Release"/>.</summary>
    private sealed class HeldReminderStore : IKeyReminderStore
    {
        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IKeyReminderStore Inner { get; set; } = null!;

        public Task Entered => entered.Task;

        public void Release() => released.TrySetResult();

        public async Task<KeyReminder?> GetAsync(string id, CancellationToken cancellationToken = default)
        {
            entered.TrySetResult();
            await released.Task.WaitAsync(cancellationToken);
            return await Inner.GetAsync(id, cancellationToken);
        }

        public Task<IReadOnlyList<KeyReminder>> ListAsync(ulong memberId, CancellationToken cancellationToken = default) => Inner.ListAsync(memberId, cancellationToken);

        public Task<IReadOnlyList<KeyReminder>> AllAsync(CancellationToken cancellationToken = default) => Inner.AllAsync(cancellationToken);

        public Task<IReadOnlyList<KeyReminder>> ExpiringAsync(DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken = default) => Inner.ExpiringAsync(after, until, cancellationToken);

        public Task SaveAsync(KeyReminder reminder, CancellationToken cancellationToken = default) => Inner.SaveAsync(reminder, cancellationToken);

        public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Inner.DeleteAsync(id, cancellationToken);

        public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => Inner.DeleteExpiredAsync(now, cancellationToken);
    }
}

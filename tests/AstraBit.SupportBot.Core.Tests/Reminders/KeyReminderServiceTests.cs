using AstraBit.SupportBot.Core.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Core.Tests.Reminders;

public sealed class KeyReminderServiceTests
{
    private const ulong Member = 111;
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);
    private readonly MemoryReminderStore store = new();

    private KeyReminderService Service => new(store, time);

    [Fact]
    public async Task Due_ThirtyDaysAhead_FourteenSevenAndOneDayBefore()
    {
        var expires = Start.AddDays(30);
        await Service.SubscribeAsync(Member, "…Xy12", expires, "mainnet");
        var sent = new List<(int Days, DateTimeOffset At)>();

        for (var hour = 0; hour < 31 * 24; hour++)
        {
            foreach (var due in await Service.DueAsync())
            {
                sent.Add((due.DaysBefore, time.GetUtcNow()));
                Assert.True(await Service.MarkSentAsync(due));
            }

            time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal([(14, expires.AddDays(-14)), (7, expires.AddDays(-7)), (1, expires.AddDays(-1))], sent);
        Assert.Empty(store.Items);
    }

    [Fact]
    public async Task Subscribe_TenDaysBefore_FourteenDayReminderSkipped()
    {
        var outcome = await Service.SubscribeAsync(Member, "…Xy12", Start.AddDays(10), "eu");

        Assert.True(outcome.Succeeded);
        Assert.Equal([14], outcome.Reminder!.Done);
        Assert.Equal(Start.AddDays(3), await Service.NextDueAtAsync());
        Assert.Equal(Start.AddDays(3), KeyReminderSchedule.NextDueAt(outcome.Reminder));
    }

    [Theory]
    [InlineData(-1, ReminderRefusal.AlreadyExpired)]
    [InlineData(0, ReminderRefusal.AlreadyExpired)]
    [InlineData(0.5, ReminderRefusal.TooSoon)]
    public async Task Subscribe_ExpiredOrTooSoon_RefusedAndNothingStored(double days, ReminderRefusal refusal)
    {
        var outcome = await Service.SubscribeAsync(Member, "…Xy12", Start.AddDays(days), "mainnet");

        Assert.Equal(refusal, outcome.Refusal);
        Assert.Empty(store.Items);
    }

    [Fact]
    public async Task Subscribe_PastTheCap_RefusedWithTheReason_TheSameKeyAgainStillResets()
    {
        for (var i = 0; i < KeyReminderService.MaxPerMember; i++)
        {
            Assert.True((await Service.SubscribeAsync(Member, "…K" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), Start.AddDays(30), "mainnet")).Succeeded);
        }

        var refused = await Service.SubscribeAsync(Member, "…New1", Start.AddDays(30), "mainnet");
        var again = await Service.SubscribeAsync(Member, "…K000", Start.AddDays(40), "mainnet");
        var otherMember = await Service.SubscribeAsync(Member + 1, "…New1", Start.AddDays(30), "mainnet");

        Assert.Equal(ReminderRefusal.TooMany, refused.Refusal);
        Assert.Null(refused.Reminder);
        Assert.True(again.Succeeded);
        Assert.Equal(Start.AddDays(40), (await store.GetAsync(KeyReminder.IdOf(Member, "mainnet", "…K000")))!.ExpiresAt);
        Assert.True(otherMember.Succeeded);
        Assert.Equal(KeyReminderService.MaxPerMember, (await Service.ListAsync(Member)).Count);
    }

    [Fact]
    public async Task Subscribe_FullKey_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Service.SubscribeAsync(Member, "AbCdEfGhIjKlMnXy12", Start.AddDays(30), "mainnet"));
        Assert.Empty(store.Items);
    }

    [Fact]
    public async Task Due_AfterAnOutagePastTwoStages_OnlyTheLatestSent()
    {
        await Service.SubscribeAsync(Member, "…Xy12", Start.AddDays(30), "mainnet");
        time.Advance(TimeSpan.FromDays(25));

        var due = Assert.Single(await Service.DueAsync());
        Assert.Equal(7, due.DaysBefore);
        await Service.MarkSentAsync(due);

        Assert.Empty(await Service.DueAsync());
        Assert.Equal(Start.AddDays(29), await Service.NextDueAtAsync());
    }

    [Fact]
    public async Task Cancel_OnlyTheMembersOwn()
    {
        var mine = (await Service.SubscribeAsync(Member, "…Xy12", Start.AddDays(30), "mainnet")).Reminder!;
        await Service.SubscribeAsync(Member, "…Ab34", Start.AddDays(60), "eu");

        Assert.False(await Service.CancelAsync(222, mine.Id));
        Assert.True(await Service.CancelAsync(Member, mine.Id));
        Assert.Equal(["…Ab34"], (await Service.ListAsync(Member)).Select(r => r.MaskedKey));
        Assert.Equal(1, await Service.CancelAllAsync(Member));
        Assert.Empty(await Service.ListAsync(Member));
    }

    [Theory]
    [InlineData(ReminderCheckFinding.KeyInvalid)]
    [InlineData(ReminderCheckFinding.KeyExpired)]
    [InlineData(ReminderCheckFinding.NoLongerExpires)]
    public async Task ApplyCheck_KeyGone_EndsItsRemindersOnly(ReminderCheckFinding finding)
    {
        await Service.SubscribeAsync(Member, "…Xy12", Start.AddDays(30), "mainnet");
        await Service.SubscribeAsync(Member, "…Xy12", Start.AddDays(30), "eu");

        Assert.Equal(1, await Service.ApplyCheckAsync(Member, "mainnet", "…Xy12", finding));

        Assert.Equal(["eu"], (await Service.ListAsync(Member)).Select(r => r.Site));
    }

    [Fact]
    public async Task ApplyCheck_ExpiryBroughtForward_RemindersFollow()
    {
        await Service.SubscribeAsync(Member, "…Xy12", Start.AddDays(60), "mainnet");

        // A password change: the key now expires in 7 days.
        await Service.ApplyCheckAsync(Member, "mainnet", "…Xy12", ReminderCheckFinding.Expires, Start.AddDays(5));

        var reminder = Assert.Single(await Service.ListAsync(Member));
        Assert.Equal(Start.AddDays(5), reminder.ExpiresAt);
        Assert.Equal(Start.AddDays(4), await Service.NextDueAtAsync());
    }

    [Fact]
    public async Task Cancel_WhileTheSentReminderIsBeingRecorded_StaysCancelled()
    {
        using var service = new KeyReminderService(store, time);
        await service.SubscribeAsync(Member, "…Xy12", Start.AddDays(10), "mainnet");
        time.Advance(TimeSpan.FromDays(3));
        var due = Assert.Single(await service.DueAsync());

        // The timer has sent the DM and is recording it when the member presses "Stop reminders" under that DM.
        store.HoldSave = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recording = service.MarkSentAsync(due, TestContext.Current.CancellationToken);
        await store.SaveReached.Task.WaitAsync(TestContext.Current.CancellationToken);
        var stopping = service.CancelAsync(Member, due.Reminder.Id, TestContext.Current.CancellationToken);
        store.HoldSave.SetResult();

        Assert.True(await recording);
        Assert.True(await stopping);
        Assert.Empty(store.Items);
    }

    [Fact]
    public async Task Due_ThousandsOfExpiredKeys_RemovedInOneWriteAndTheRestStillDue()
    {
        // A year's file: thousands of reminders whose keys expired while nobody looked, and one still running.
        for (var i = 0; i < 3_000; i++)
        {
            await Service.SubscribeAsync(Member + (ulong)i, "…Old1", Start.AddDays(20), "mainnet");
        }

        time.Advance(TimeSpan.FromDays(25));
        await Service.SubscribeAsync(Member, "…New2", time.GetUtcNow().AddDays(10), "mainnet");
        time.Advance(TimeSpan.FromDays(3));

        var due = Assert.Single(await Service.DueAsync());

        Assert.Equal("…New2", due.Reminder.MaskedKey);
        Assert.Equal(7, due.DaysBefore);
        Assert.Equal(1, store.ExpiredDeletes);
        Assert.Equal(0, store.SingleDeletes);
        Assert.Equal([due.Reminder.Id], store.Items.Keys);
    }

    [Fact]
    public async Task Due_ReadsOnlyTheKeysExpiringWithinTheEarliestStage()
    {
        // A year's file: a thousand running keys that expire in a month or more, one within 14 days.
        for (var i = 0; i < 1_000; i++)
        {
            await Service.SubscribeAsync(Member + 1 + (ulong)i, "…Far1", Start.AddDays(30 + (i % 60)), "mainnet");
        }

        await Service.SubscribeAsync(Member, "…Near", Start.AddDays(20), "mainnet");
        time.Advance(TimeSpan.FromDays(7));

        var due = Assert.Single(await Service.DueAsync());

        Assert.Equal("…Near", due.Reminder.MaskedKey);
        Assert.Equal(14, due.DaysBefore);
        Assert.Equal(1, store.Read);
    }

    private sealed class MemoryReminderStore : IKeyReminderStore
    {
        public Dictionary<string, KeyReminder> Items { get; } = [];

        /// <summary>When set, a save waits for it (after saying so through <see cref="SaveReached"/>).</summary>
        public TaskCompletionSource? HoldSave { get; set; }

        public TaskCompletionSource SaveReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<KeyReminder?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Items.GetValueOrDefault(id));

        public Task<IReadOnlyList<KeyReminder>> ListAsync(ulong memberId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<KeyReminder>>(Items.Values.Where(r => r.MemberId == memberId).OrderBy(r => r.ExpiresAt).ToList());

        /// <summary>How many reminders were read by the lists of many (every one, or a window of expiry).</summary>
        public int Read { get; private set; }

        public Task<IReadOnlyList<KeyReminder>> AllAsync(CancellationToken cancellationToken = default)
        {
            Read += Items.Count;
            return Task.FromResult<IReadOnlyList<KeyReminder>>(Items.Values.ToList());
        }

        public Task<IReadOnlyList<KeyReminder>> ExpiringAsync(DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken = default)
        {
            var found = Items.Values.Where(r => r.ExpiresAt > after && r.ExpiresAt <= until).ToList();
            Read += found.Count;
            return Task.FromResult<IReadOnlyList<KeyReminder>>(found);
        }

        public async Task SaveAsync(KeyReminder reminder, CancellationToken cancellationToken = default)
        {
            if (HoldSave is { } hold)
            {
                SaveReached.TrySetResult();
                await hold.Task.WaitAsync(cancellationToken);
            }

            Items[reminder.Id] = reminder;
        }

        /// <summary>Reminders deleted one at a time (the due pass must not: it deletes expired ones in one write).</summary>
        public int SingleDeletes { get; private set; }

        public int ExpiredDeletes { get; private set; }

        public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
        {
            SingleDeletes++;
            return Task.FromResult(Items.Remove(id));
        }

        public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
        {
            ExpiredDeletes++;
            var expired = Items.Values.Where(r => r.ExpiresAt <= now).Select(r => r.Id).ToList();
            expired.ForEach(id => Items.Remove(id));
            return Task.FromResult(expired.Count);
        }
    }
}

using System.Globalization;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.Time.Testing;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.MemberHelp;

/// <summary>Key-expiry reminders against the real host, on a fake clock: opt in, 14/7/1-day DMs across a restart, stop.</summary>
public sealed class KeyReminderTests
{
    private const ulong Member = 1_600_000_000_000_000_131;

    [Fact]
    public async Task Reminders_OfferedAfterACheck_DmAt14And7And1DaysAcrossARestart_ListedByReminders_StoppedByTheButton()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00", supportClock: clock);
        bot.Discord.Rest.AddMember(Member, [], "rita");
        var account = bot.Bybit.Scenario("healthy-unified");
        var expiresAt = account.ExpiresAt!.Value;
        var masked = "…" + account.ApiKey[^4..];

        var remind = await CheckAndFindOfferAsync(bot, account.ApiKey, account.ApiSecret);
        var subscribed = await bot.Discord.ClickButtonAsync(Member, remind, bot.Discord.Rest.Messages.Last(m => Buttons(m).Any(b => b.CustomId == remind)).Id, bot.SupportChannelId);
        var done = await bot.Discord.Rest.WaitForCallbackAsync(subscribed, BotHarness.Timeout);
        Assert.Equal(Ephemeral, done.Flags & Ephemeral);
        Assert.Contains($"14, 7 and 1 days before your key {masked} expires", done.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);

        var list = await RemindersAsync(bot);
        Assert.Contains(masked, list.Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);

        // 14 days before: a DM with how to replace the key and a Stop button.
        clock.SetUtcNow(expiresAt.AddDays(-14).AddMinutes(1));
        var first = await ReminderDmAsync(bot, "in 14 days");
        Assert.Contains("bound to AstraBit's IP addresses doesn't expire", first.Content, StringComparison.Ordinal);
        Assert.Contains(Buttons(first), b => b.Label == "Stop reminders");

        // A restart: the 14-day one is not sent again, the 7-day one comes on time. (The restart waits until the DM is
        // recorded as sent: a bot stopped between sending and recording sends it again.)
        await RemindersUntilAsync(bot, "next reminder <t:" + expiresAt.AddDays(-7).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ":D>");
        await bot.RestartAsync();
        clock.SetUtcNow(expiresAt.AddDays(-7).AddMinutes(1));
        await ReminderDmAsync(bot, "in 7 days");
        clock.SetUtcNow(expiresAt.AddDays(-1).AddMinutes(1));
        var last = await ReminderDmAsync(bot, "tomorrow");
        Assert.Single(ReminderDms(bot), m => m.Content.Contains("in 14 days", StringComparison.Ordinal));
        Assert.Single(ReminderDms(bot), m => m.Content.Contains("in 7 days", StringComparison.Ordinal));

        // "Stop reminders" under the DM ends them.
        var stop = Buttons(last).Single(b => b.Label == "Stop reminders").CustomId;
        var stopped = await bot.Discord.ClickButtonAsync(Member, stop, last.Id, last.ChannelId, inDm: true);
        Assert.Contains("no more reminders", (await bot.Discord.Rest.WaitForCallbackAsync(stopped, BotHarness.Timeout)).Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("You have no key-expiry reminders", (await RemindersAsync(bot)).Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_EndedByACheckThatFindsTheKeyGone_10003()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00", supportClock: clock);
        bot.Discord.Rest.AddMember(Member, [], "rita");
        var account = bot.Bybit.Scenario("healthy-unified");
        var remind = await CheckAndFindOfferAsync(bot, account.ApiKey, account.ApiSecret);
        var subscribed = await bot.Discord.ClickButtonAsync(Member, remind, bot.Discord.Rest.Messages.Last(m => Buttons(m).Any(b => b.CustomId == remind)).Id, bot.SupportChannelId);
        await bot.Discord.Rest.WaitForCallbackAsync(subscribed, BotHarness.Timeout);
        Assert.Contains(account.ApiKey[^4..], (await RemindersAsync(bot)).Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);

        // The member deleted the key on Bybit; checking it again finds 10003.
        Assert.True(bot.Bybit.Accounts.TryRemove(account.ApiKey, out _));
        var (id, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);
        Assert.Contains("10003", Text(result), StringComparison.Ordinal);
        Assert.DoesNotContain(Buttons(result), b => b.CustomId.StartsWith("rm:", StringComparison.Ordinal));

        Assert.Contains("You have no key-expiry reminders", (await RemindersAsync(bot)).Data!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IpBoundKey_IsNotOfferedReminders()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        var account = bot.Bybit.Scenario("ip-bound");

        var (id, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);

        Assert.Contains("doesn't expire", Text(result), StringComparison.Ordinal);
        Assert.DoesNotContain(Buttons(result), b => b.CustomId.StartsWith("rm:", StringComparison.Ordinal));
    }

    private static async Task<string> CheckAndFindOfferAsync(BotHarness bot, string key, string secret)
    {
        var (id, _) = await SubmitKeyAsync(bot, Member, key, secret);
        var result = await WaitForResultAsync(bot, id);
        return Assert.Single(Buttons(result), b => b.Label == "Remind me before this key expires").CustomId;
    }

    private static async Task<RecordedCallback> RemindersAsync(BotHarness bot)
    {
        var id = await bot.Discord.RunSlashCommandAsync(Member, "reminders", channelId: bot.SupportChannelId);
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);
        Assert.Equal(Ephemeral, callback.Flags & Ephemeral);
        return callback;
    }

    /// <summary>Asks /reminders until it shows <paramref name="expected"/> (bounded by the harness's time limit, each a real interaction).</summary>
    private static async Task RemindersUntilAsync(BotHarness bot, string expected)
    {
        var text = "";
        var asking = System.Diagnostics.Stopwatch.StartNew();
        while (!text.Contains(expected, StringComparison.Ordinal) && asking.Elapsed < BotHarness.Timeout)
        {
            text = (await RemindersAsync(bot)).Data!["content"]!.GetValue<string>();
        }

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    private static Task<EmulatedMessage> ReminderDmAsync(BotHarness bot, string when) =>
        bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && m.Content.Contains("expires " + when, StringComparison.Ordinal), BotHarness.Timeout);

    private static IEnumerable<EmulatedMessage> ReminderDms(BotHarness bot) =>
        bot.Discord.Rest.Messages.Where(m => m.InDirectMessage && m.Content.StartsWith("Your Bybit API key", StringComparison.Ordinal));
}

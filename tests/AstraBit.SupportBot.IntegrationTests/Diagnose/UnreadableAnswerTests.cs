using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.Diagnose;

/// <summary>
/// A Bybit answer holding a value outside its documented domain, checked by a member in Discord: they are told Bybit's
/// answer couldn't be read, and no ticket opens, since the answer says nothing about their key.
/// </summary>
public sealed class UnreadableAnswerTests
{
    private const ulong Member = 1_400_000_000_000_000_301;
    private const ulong Other = 1_400_000_000_000_000_302;

    [Theory]
    [InlineData("healthy-unified", "/v5/user/query-api", "permissions.ContractTrade", "null")]
    [InlineData("healthy-unified", "/v5/user/query-api", "readOnly", "7")]
    [InlineData("healthy-unified", "/v5/position/list", "list[].positionIdx", "7")]
    [InlineData("expiring-soon", "/v5/user/query-api", "expiredAt", "\"9999-12-31T00:00:00Z\"")]
    public async Task Submit_AnswerWithAnOddValue_SaysItCouldNotBeReadAndOpensNoTicket(string scenario, string path, string field, string json)
    {
        await using var bot = await BotHarness.StartAsync(s => s["Diagnostics:Cooldown"] = "00:00:00");
        var account = bot.Bybit.Scenario(scenario);
        bot.Bybit.Faults.FieldOverrides[(path, field)] = json;

        var (id, _) = await SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        var result = await WaitForResultAsync(bot, id);

        Assert.Contains("couldn't be read", Text(result), StringComparison.Ordinal);

        // Then a key that really fails, from another member: theirs is the first and only ticket.
        bot.Bybit.Faults.FieldOverrides.Clear();
        var failing = bot.Bybit.Scenario("withdrawal-enabled");
        var (otherId, _) = await SubmitKeyAsync(bot, Other, failing.ApiKey, failing.ApiSecret);
        await WaitForResultAsync(bot, otherId);
        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("New ticket #0001", StringComparison.Ordinal), BotHarness.Timeout);
        var thread = Assert.Single(bot.Discord.Rest.Threads, t => t.ParentId == bot.SupportChannelId);
        Assert.Contains(Other, thread.Members);
        Assert.DoesNotContain(Member, thread.Members);
    }
}

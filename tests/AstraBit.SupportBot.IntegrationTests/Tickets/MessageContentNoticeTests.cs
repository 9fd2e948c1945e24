using AstraBit.SupportBot.Discord;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

public sealed class MessageContentNoticeTests
{
    /// <summary>Intents without Message Content: staff hear once, without a ping, that transcripts will hold only the bot's messages.</summary>
    [Fact]
    public async Task WithoutMessageContentIntent_StaffToldOnceThatTranscriptsHoldOnlyTheBotsMessages()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Discord:Intents"] = new DiscordClientOptions().Intents & ~(1 << 15));

        var notice = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Content.Contains("Message Content", StringComparison.Ordinal), BotHarness.Timeout);

        Assert.Contains("transcripts will hold only the bot's own messages", notice.Content, StringComparison.Ordinal);
        Assert.Contains("Discord:Intents", notice.Content, StringComparison.Ordinal);
        Assert.Empty(notice.AllowedMentions!["parse"]!.AsArray());
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId);
    }

    /// <summary>The staff channel is read by the whole team, so the heads-up is in Support:StaffLocale.</summary>
    [Fact]
    public async Task WithoutMessageContentIntent_StaffLocaleFrench_ToldInFrench()
    {
        await using var bot = await BotHarness.StartAsync(s =>
        {
            s["Discord:Intents"] = new DiscordClientOptions().Intents & ~(1 << 15);
            s["Support:StaffLocale"] = "fr";
        });

        var notice = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Content.Contains("Message Content", StringComparison.Ordinal), BotHarness.Timeout);

        Assert.StartsWith("À noter : le bot fonctionne sans l'intent **Message Content** de Discord", notice.Content, StringComparison.Ordinal);
        Assert.Contains("`Discord:Intents`", notice.Content, StringComparison.Ordinal);
    }
}

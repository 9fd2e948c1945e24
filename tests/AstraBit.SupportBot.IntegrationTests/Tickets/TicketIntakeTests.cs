using AstraBit.SupportBot.Emulators.Discord;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>
/// `/ticket open` asks first (PRODUCT.md §6): the intake form's topic, description and screenshots land on the ticket's
/// card and in its thread, and the staff notice pings the role the topic names (Tickets:Topics).
/// </summary>
public sealed class TicketIntakeTests
{
    private const string BillingRole = "1300000000000000555";

    [Fact]
    public async Task IntakeForm_TopicDescriptionAndScreenshot_OpenATicketWhoseCardCarriesThemAndWhoseNoticePingsTheTopicsRole()
    {
        var people = await StartAsync(tweak: s =>
        {
            s["Tickets:Topics:0:Key"] = "connection";
            s["Tickets:Topics:1:Key"] = "billing";
            s["Tickets:Topics:1:RoleId"] = BillingRole;
            s["Tickets:Topics:2:Key"] = "refunds";
            s["Tickets:Topics:2:Label"] = "Refunds";
        });
        await using var bot = people.Bot;
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7 };

        var (opened, form) = await people.TicketCommandAsync(Member, "open");
        var topic = form.Data!["components"]!.AsArray().Select(c => c!["component"]!).Single(c => (string?)c["custom_id"] == "topic");
        Assert.Equal(["Connecting Bybit to AstraBit", "Billing and subscription", "Refunds"], topic["options"]!.AsArray().Select(o => (string)o!["label"]!));
        Assert.Contains(form.Data["components"]!.AsArray(), c => (int)c!["component"]!["type"]! == 19 && (int)c["component"]!["max_values"]! == 3);
        var submitted = await new DiscordMember(bot.Discord, Member).SubmitFormAsync(opened,
        [
            ModalAnswer.Chosen("topic", "billing"),
            ModalAnswer.Typed("description", "I was charged twice this month."),
            ModalAnswer.Uploaded("screenshots", new MemberFile("invoice.png", png, "image/png"), new MemberFile("notes.txt", "x"u8.ToArray())),
        ]);
        Assert.Contains("ticket #0001 is open", await people.DeferredAnswerAsync(submitted), StringComparison.Ordinal);

        var notice = await people.StaffNoticeAsync();
        Assert.StartsWith($"<@&{BillingRole}>", notice.Text, StringComparison.Ordinal);
        Assert.Equal([BillingRole], notice.AllowedMentions!["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Contains("What the member wrote in the form", notice.Text, StringComparison.Ordinal);
        Assert.Equal("Billing and subscription", CardField(notice, "Topic"));
        Assert.Equal("I was charged twice this month.", CardField(notice, "Description"));
        Assert.StartsWith("invoice.png", CardField(notice, "Screenshots"), StringComparison.Ordinal);
        Assert.Contains("notes.txt: not attached", CardField(notice, "Screenshots"), StringComparison.Ordinal);

        var thread = people.Thread();
        var card = people.MessagesIn(thread.Id)[0];
        Assert.Equal("Billing and subscription", CardField(card, "Topic"));
        Assert.Contains("No key check yet", card.Text, StringComparison.Ordinal);
        var shots = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Attachments.Count > 0, BotHarness.Timeout);
        Assert.Equal(png, Assert.Single(shots.Attachments).Content);
        Assert.Empty(shots.AllowedMentions!["parse"]!.AsArray());
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task IntakeForm_TopicWithoutARole_NoticePingsNobody()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;

        await people.OpenTicketAsync(Member, topic: "strategies", description: "My grid bot stopped");

        var notice = await people.StaffNoticeAsync();
        Assert.DoesNotContain("<@&", notice.Text, StringComparison.Ordinal);
        Assert.Empty(notice.AllowedMentions!["roles"]?.AsArray() ?? []);
        Assert.Equal("Strategies and bots", CardField(notice, "Topic"));
        Assert.Equal("none attached", CardField(notice, "Screenshots"));
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task IntakeForm_ConnectionTopicWithARememberedKey_RunsTheCheckFirstAndTheCardIsItsDiagnosis()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var account = bot.Bybit.Scenario("healthy-unified");
        var (checkedId, _) = await Diagnose.DiagnoseMember.SubmitKeyAsync(bot, Member, account.ApiKey, account.ApiSecret);
        await Diagnose.DiagnoseMember.WaitForResultAsync(bot, checkedId);
        var before = bot.Bybit.Requests.Count;

        await people.OpenTicketAsync(Member, topic: "connection", description: "AstraBit says my key is wrong");

        var notice = await people.StaffNoticeAsync();
        Assert.True(bot.Bybit.Requests.Count > before, "the remembered key was checked again");
        var card = people.MessagesIn(people.Thread().Id)[0];
        Assert.DoesNotContain("No key check yet", card.Text, StringComparison.Ordinal);
        Assert.Equal("…" + account.ApiKey[^4..], CardField(card, "API key"));
        Assert.Equal("Connecting Bybit to AstraBit", CardField(card, "Topic"));
        Assert.Equal("AstraBit says my key is wrong", CardField(notice, "Description"));
        await bot.StopAsync();
        people.AssertSecretNowhere(account.ApiSecret);
        await people.DeleteDataAsync();
    }
}

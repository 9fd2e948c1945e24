using System.Text;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.Time.Testing;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Desk;

/// <summary>The staff desk in Discord: working hours, a member's history in pages, and /privacy.</summary>
public sealed class StaffDeskTests
{
    private const ulong Moderator = 1_500_000_000_000_000_401;

    [Fact]
    public async Task TicketOpenedOnSaturday_TellsMondaysEta_AndEscalatesOnlyInWorkingTime()
    {
        // Saturday 28 November 2026, 12:00 UTC; staff work Monday to Friday 09:00-18:00 UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var people = await StartAsync(clock, s =>
        {
            s["Tickets:EscalateAfter"] = "00:30:00";
            s["Tickets:WorkingHours:TimeZone"] = "UTC";
            foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
            {
                s[$"Tickets:WorkingHours:{day}"] = "09:00-18:00";
            }

            s["Tickets:WorkingHours:Saturday"] = "";
            s["Tickets:WorkingHours:Sunday"] = "";
        });
        await using var bot = people.Bot;
        await people.FailDiagnoseAsync(bot.Bybit.Scenario("withdrawal-enabled"));
        await people.StaffNoticeAsync();
        var thread = people.Thread();

        var away = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("away right now", StringComparison.Ordinal), BotHarness.Timeout);
        // Monday 09:00 UTC as Discord timestamps, which each member's client shows in their own language and time zone.
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Contains($"<t:{monday}:R> (<t:{monday}:F>)", away.Content, StringComparison.Ordinal);

        // Sunday 23:00: a day and a half of waiting, none of it working time; no escalation.
        clock.Advance(TimeSpan.FromHours(35));
        var list = await people.ListUntilAsync("(less than a minute in working hours)");
        Assert.Contains("waiting for staff for 1 day", list, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Rest.Messages, m => m.ChannelId == bot.StaffChannelId && m.Content.Contains("nobody has claimed it", StringComparison.Ordinal));

        // Monday 09:31: thirty working minutes have passed, so the support role is pinged again.
        clock.Advance(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(31));
        var escalation = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Content.Contains("nobody has claimed it", StringComparison.Ordinal), BotHarness.Timeout);
        Assert.Contains("#0001", escalation.Content, StringComparison.Ordinal);
        await people.ListUntilAsync("(31 minutes in working hours)");
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task History_StaffAndModerators_PagesThroughTicketsChecksAndAudit_ExportsAFile()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        bot.Discord.Rest.AddMember(Moderator, [BotHarness.ModeratorRoleId], "mo.derator");
        var account = bot.Bybit.Scenario("withdrawal-enabled");
        for (var i = 0; i < 10; i++)
        {
            await people.FailDiagnoseAsync(account);
        }

        await people.StaffNoticeAsync();
        await people.StaffInThreadAsync("claim", people.Thread().Id);

        // A moderator asks; the view is private and has 1 ticket, 10 checks and the claim, ten to a page.
        var (_, first) = await people.TicketCommandAsync(Moderator, "history", null, SlashOption.User("member", Member));
        Assert.Equal(ChannelMessage, first.Type);
        Assert.Equal(Ephemeral, first.Flags & Ephemeral);
        var text = Answer(first);
        Assert.Contains("1 ticket · 10 checks · 1 audit entry", text, StringComparison.Ordinal);
        Assert.Contains("Check ❌ fail · key …" + account.ApiKey[^4..] + " · failing: withdrawal", text, StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiSecret, first.Data!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Page 1 of 2, newest first", Footer(first.Data!));
        var buttons = ButtonsOf(first.Data!);
        Assert.Equal(["Previous", "Next", "Export as a file"], buttons.Select(b => b.Label));
        Assert.True(buttons[0].Disabled);
        Assert.False(buttons[1].Disabled);

        // Next and Previous go through the router and edit the view in place.
        var view = bot.Discord.Rest.Messages.Single(m => m.InteractionId == first.InteractionId);
        var (_, next) = await people.ClickAsync(Staff, buttons[1].CustomId, view);
        Assert.Equal(UpdateMessage, next.Type);
        Assert.Equal("Page 2 of 2, newest first", Footer(next.Data!));
        Assert.True(ButtonsOf(next.Data!)[1].Disabled);
        Assert.Contains("Ticket #0001 · claimed", Answer(next), StringComparison.Ordinal);
        var (_, back) = await people.ClickAsync(Staff, ButtonsOf(next.Data!)[0].CustomId, view);
        Assert.Equal("Page 1 of 2, newest first", Footer(back.Data!));

        // Anyone else is refused, by command and by button.
        var (_, refused) = await people.TicketCommandAsync(Outsider, "history", null, SlashOption.User("member", Member));
        Assert.Contains("Only moderators and the support team can see a member's history", Answer(refused), StringComparison.Ordinal);
        var (_, refusedClick) = await people.ClickAsync(Outsider, buttons[1].CustomId, view);
        Assert.Contains("Only moderators and the support team can see a member's history", Answer(refusedClick), StringComparison.Ordinal);

        // The export is a private JSON file of what is kept, never the secret.
        var (exportId, _) = await people.ClickAsync(Staff, buttons[2].CustomId, view);
        var export = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == exportId && m.Attachments.Count == 1, BotHarness.Timeout);
        Assert.True(export.IsEphemeral);
        var json = Encoding.UTF8.GetString(export.Attachments[0].Content);
        Assert.EndsWith(".json", export.Attachments[0].FileName, StringComparison.Ordinal);
        Assert.Contains(Id(Member), json, StringComparison.Ordinal);
        Assert.Contains("…" + account.ApiKey[^4..], json, StringComparison.Ordinal);
        Assert.DoesNotContain(account.ApiSecret, json, StringComparison.Ordinal);
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task Privacy_Delete_KeepsTheOpenTicketAndTheAuditLog()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        var account = bot.Bybit.Scenario("withdrawal-enabled");

        // A closed ticket (#0001) and an open one (#0002), both from failed checks.
        await people.FailDiagnoseAsync(account);
        await people.StaffNoticeAsync();
        var closedThread = people.Thread();
        await people.StaffInThreadAsync("close", closedThread.Id, SlashOption.String("reason", "Explained"), SlashOption.Boolean("force", true));
        await people.FailDiagnoseAsync(account);
        await people.StaffNoticeAsync(2);
        var openThread = people.Thread(2);

        var privacyId = await bot.Discord.RunSlashCommandAsync(Member, "privacy");
        var overview = await bot.Discord.Rest.WaitForCallbackAsync(privacyId, BotHarness.Timeout);
        Assert.Equal(Ephemeral, overview.Flags & Ephemeral);
        Assert.Contains("Key checks: 2", Answer(overview), StringComparison.Ordinal);
        Assert.Contains("Tickets: 2 (1 open)", Answer(overview), StringComparison.Ordinal);
        var message = bot.Discord.Rest.Messages.Single(m => m.InteractionId == privacyId);

        // Delete asks first; confirming deletes.
        var (_, confirm) = await people.ClickAsync(Member, "pv:delete", message);
        Assert.Equal(UpdateMessage, confirm.Type);
        Assert.Contains("Delete your data?", Answer(confirm), StringComparison.Ordinal);
        Assert.Equal(["pv:confirm", "pv:cancel"], ButtonsOf(confirm.Data!).Select(b => b.CustomId));
        await people.ClickAsync(Member, "pv:confirm", message);
        var result = (await bot.Discord.Rest.WaitForMessageAsync(m => m.Id == message.Id && m.Content.StartsWith("Deleted:", StringComparison.Ordinal), BotHarness.Timeout)).Content;
        Assert.Contains("2 key checks", result, StringComparison.Ordinal);
        Assert.Contains("the details of 1 closed ticket.", result, StringComparison.Ordinal);
        Assert.Contains("Kept: your open ticket #0002", result, StringComparison.Ordinal);

        // The open ticket is whole, the closed one lost its card, the audit log is intact and records the deletion.
        Assert.Contains("`withdrawal`", Answer((await people.TicketCommandAsync(Staff, "view", openThread.Id)).Callback), StringComparison.Ordinal);
        var closedView = Answer((await people.TicketCommandAsync(Staff, "view", closedThread.Id)).Callback);
        Assert.DoesNotContain("`withdrawal`", closedView, StringComparison.Ordinal);
        Assert.Contains("closed by staff", closedView, StringComparison.Ordinal);
        var audit = await people.AuditUntilAsync("deleted the member's data on request");
        Assert.Contains("closed #0001: Explained", audit, StringComparison.Ordinal);
        var again = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.RunSlashCommandAsync(Member, "privacy"), BotHarness.Timeout);
        Assert.Contains("Key checks: none", Answer(again), StringComparison.Ordinal);
        Assert.Contains("Tickets: 2 (1 open)", Answer(again), StringComparison.Ordinal);
        await people.DeleteDataAsync();
    }

    private static string Footer(JsonObject data) => data["embeds"]![0]!["footer"]!["text"]!.GetValue<string>();

    private static List<(string CustomId, string Label, bool Disabled)> ButtonsOf(JsonObject data) =>
        [.. data["components"]!.AsArray().SelectMany(row => row!["components"]!.AsArray())
            .Select(b => (b!["custom_id"]!.GetValue<string>(), b["label"]!.GetValue<string>(), b["disabled"]?.GetValue<bool>() == true))];
}

using System.Text.RegularExpressions;
using AstraBit.SupportBot.Emulators.Bybit;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// The README's 60-second tour in a real Chromium: a member walks the guide (a Components V2 page: "Check it now" beside
/// the step's text, the site as a select) to a passing check, a Hedge Mode key fails
/// at step 5 and a ticket thread opens with the card, staff claim, write and close it, the transcript reaches the log
/// channel and the member rates the ticket. Each stage is saved as a screenshot under TestResults/sandbox.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class TourTests(SandboxFixture fixture)
{
    private static readonly BybitAccountScenario Healthy = BybitScenarios.Find("healthy-unified", DateTimeOffset.UtcNow)!;
    private static readonly BybitAccountScenario Hedge = BybitScenarios.Find("hedge-mode", DateTimeOffset.UtcNow)!;

    [Fact]
    public async Task Tour_MemberFailsOnHedgeMode_StaffClaimsClosesAndMemberRates()
    {
        var page = await fixture.OpenAsync();

        // The member asks for the guide in #general; the answer only they see points at their DMs.
        await page.ActAsAsync("Member");
        await page.OpenChannelAsync("#general");
        await page.SendAsync("/connect-bybit");
        await Expect(page.Message("I've sent you the guide in a DM")).ToContainTextAsync("Only you can see this");
        await page.ScreenshotAsync("01-connect-bybit");

        // The guide, one message edited in place, to step 5 and a passing check there.
        await page.OpenChannelAsync("Direct messages");
        await page.ClickAsync("Let's start");
        await Expect(page.Message("Step 1 of 6")).ToBeVisibleAsync();
        for (var step = 2; step <= 5; step++)
        {
            await page.ClickAsync("Next");
            await Expect(page.Message($"Step {step} of 6")).ToBeVisibleAsync();
        }

        // The page is a Components V2 container named by its header: the step's text in a section with "Check it now"
        // beside it, the site as a select below. Choosing the site redraws the same page with the choice shown.
        var guide = page.Message("Step 5 of 6");
        var stepFive = guide.GetByRole(AriaRole.Group, new() { Name = "Part 2 of 3 · Step 5 of 6", Exact = true }).First;
        var section = stepFive.GetByRole(AriaRole.Group).Filter(new() { HasText = "One-Way Mode" });
        await Expect(section).ToContainTextAsync("Hedge Mode");
        var site = guide.GetByRole(AriaRole.Combobox, new() { Name = "Where is your Bybit account?" });
        await site.ClickAsync();
        await guide.GetByRole(AriaRole.Option, new() { Name = "bybit.com" }).First.ClickAsync();
        await Expect(page.Message("Step 5 of 6").GetByRole(AriaRole.Combobox, new() { Name = "Where is your Bybit account?" })).ToContainTextAsync("bybit.com");

        await section.GetByRole(AriaRole.Button, new() { Name = "Check my position mode", Exact = true }).ClickAsync();
        await SubmitKeyAsync(page, Healthy);
        await Expect(page.Message("Step 5 of 6")).ToContainTextAsync("Everything this step checks is right");
        await page.ScreenshotAsync("02-step-5-passes");

        // A Hedge Mode key fails at step 5, and a private ticket thread opens with the diagnosis card.
        await page.ClickAsync("Forget my key");
        await Expect(page.Message("wiped your key")).ToBeVisibleAsync();
        await page.ClickAsync("Check my position mode");
        await SubmitKeyAsync(page, Hedge);
        await Expect(page.Message("Step 5 of 6")).ToContainTextAsync("❌ One-Way position mode");
        await Expect(page.Message("Step 5 of 6")).ToContainTextAsync("private support ticket #");
        await page.ScreenshotAsync("03-step-5-fails-hedge-mode");
        var thread = page.Thread("alicetrader");
        await thread.ClickAsync();
        await Expect(page.Message("Diagnosis · ticket #")).ToContainTextAsync("position-mode");
        await page.ScreenshotAsync("04-ticket-thread-with-card");

        // Support staff see the notice, claim the ticket in its thread, write to the member and close it.
        await page.ActAsAsync("Support staff");
        await page.OpenChannelAsync("staff");
        await Expect(page.Message("New ticket #", "alice.trader")).ToBeVisibleAsync();
        await thread.ClickAsync();
        await page.ClickAsync("Claim");
        await Expect(page.Message("has claimed ticket #")).ToContainTextAsync("sam.support");
        await page.SendAsync("Hi Alice, switch BTCUSDT and ETHUSDT to One-Way Mode in the Position Mode settings, then run the check again.");
        await Expect(page.Message("switch BTCUSDT and ETHUSDT to One-Way Mode")).ToContainTextAsync("sam.support");
        await page.SendAsync("/ticket close reason:Switched to One-Way Mode force:true");
        await Expect(page.Message("was closed by")).ToContainTextAsync("Switched to One-Way Mode");
        await page.ScreenshotAsync("05-staff-claims-writes-closes");

        // The transcript lands in the log channel, and the file opens.
        await page.OpenChannelAsync("support-log");
        var transcript = page.Message("closed", "alice.trader", "Switched to One-Way Mode").GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"ticket-\d{4}\.html") });
        await Expect(transcript).ToBeVisibleAsync();
        var href = await transcript.GetAttributeAsync("href") ?? throw new InvalidOperationException("The transcript link has no address.");
        var file = await page.Page.APIRequest.GetAsync(new Uri(fixture.Sandbox.PageUrl, href).ToString());
        Assert.Contains("switch BTCUSDT and ETHUSDT to One-Way Mode", await file.TextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("06-transcript-in-log-channel");

        // The member rates the ticket from their DMs; the log channel (staff only) records it.
        await page.ActAsAsync("Member");
        await page.OpenChannelAsync("Direct messages");
        await page.ClickAsync("★★★★★");
        await Expect(page.Message("You rated ticket #")).ToContainTextAsync("5/5");
        await page.ScreenshotAsync("07-member-rates");
        await page.ActAsAsync("Support staff");
        await page.OpenChannelAsync("support-log");
        await Expect(page.Message("alice.trader", "rated ticket #")).ToContainTextAsync("5/5");
        await page.ActAsAsync("Member");

        // The member fixes the account (the Bybit panel's live switches) and checks again: step 5 passes.
        var bybit = page.Page.GetByRole(AriaRole.Region, new() { Name = "Bybit account" });
        await bybit.GetByRole(AriaRole.Combobox, new() { Name = "Account" }).SelectOptionAsync("hedge-mode");
        await bybit.GetByRole(AriaRole.Switch, new() { Name = "Hedge Mode on BTCUSDT" }).UncheckAsync();
        await bybit.GetByRole(AriaRole.Switch, new() { Name = "Hedge Mode on ETHUSDT" }).UncheckAsync();
        await Expect(bybit.GetByRole(AriaRole.Switch, new() { Name = "Hedge Mode on ETHUSDT" })).Not.ToBeCheckedAsync();
        await page.OpenChannelAsync("Direct messages");
        await page.ClickAsync("Check my position mode");
        await Expect(page.Message("Step 5 of 6")).ToContainTextAsync("Everything this step checks is right");
        await page.ScreenshotAsync("08-switch-fixed-step-5-passes");
    }

    [Fact]
    public async Task AdvanceTime_UnclaimedTicket_StaffAreRemindedAtOnce()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Member (DMs closed)");
        await page.OpenChannelAsync("#general");
        await page.OpenTicketAsync(fixture.HasOpenTicket("bobnodms"));
        await Expect(page.Thread("bobnodms")).ToBeVisibleAsync();

        await page.ActAsAsync("Support staff");
        await page.OpenChannelAsync("staff");
        await Expect(page.Message("New ticket #", "bob.nodms")).ToBeVisibleAsync();
        await Expect(page.Message("nobody has claimed it yet", "bob.nodms")).ToHaveCountAsync(0);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Advance time by 1 hour" }).ClickAsync();

        await Expect(page.Message("nobody has claimed it yet", "bob.nodms")).ToBeVisibleAsync();
        // The ping names the support role the bot is configured with (the sandbox's guild has it), highlighted.
        await Expect(page.Message("nobody has claimed it yet", "bob.nodms")).ToContainTextAsync("@Support ⏰ Ticket #");
        await page.ScreenshotAsync("10-clock-escalation");
    }

    private static async Task SubmitKeyAsync(SandboxPageDriver page, BybitAccountScenario account)
    {
        var form = page.Form("Check your Bybit API key");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "API key" }).FillAsync(account.ApiKey);
        await form.GetByRole(AriaRole.Textbox, new() { Name = "API secret" }).FillAsync(account.ApiSecret);
        await form.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
    }
}

using AstraBit.SupportBot.Emulators.Bybit;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// The ticket's Components V2 diagnosis card in the browser: the page draws its container (a group named by the card's
/// title), a section per failing check with "Run the check again" beside it as a button named by its label, and that
/// button does what the member's button does: the key form opens and the new check lands in the thread.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ComponentsV2CardTests(SandboxFixture fixture)
{
    private static readonly BybitAccountScenario Hedge = BybitScenarios.Find("hedge-mode", DateTimeOffset.UtcNow)!;
    private static readonly BybitAccountScenario Healthy = BybitScenarios.Find("healthy-unified", DateTimeOffset.UtcNow)!;

    [Fact]
    public async Task FailedCheck_CardInTheThread_RendersContainerAndSections_AndRunTheCheckAgainOpensTheKeyForm()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Member (DMs closed)");
        await page.OpenChannelAsync("#general");

        // The sandbox is shared: the tour turns this account's Hedge Mode off to show a fix. Put it back on.
        var bybit = page.Page.GetByRole(AriaRole.Region, new() { Name = "Bybit account" });
        await bybit.GetByRole(AriaRole.Combobox, new() { Name = "Account" }).SelectOptionAsync("hedge-mode");
        await bybit.GetByRole(AriaRole.Switch, new() { Name = "Hedge Mode on BTCUSDT" }).CheckAsync();
        await Expect(bybit.GetByRole(AriaRole.Switch, new() { Name = "Hedge Mode on BTCUSDT" })).ToBeCheckedAsync();

        await page.SendAsync("/diagnose");
        await SubmitKeyAsync(page, Hedge);
        await Expect(page.Message("private support ticket #")).ToBeVisibleAsync();
        await page.Thread("bobnodms").ClickAsync();

        // The card: a container named by its title, holding a section for the failing check with its button beside it.
        var card = page.Message("position-mode", "Run the check again");
        var container = card.GetByRole(AriaRole.Group, new() { NameRegex = new System.Text.RegularExpressions.Regex("ticket #\\d{4}") });
        await Expect(container).ToBeVisibleAsync();
        var section = container.GetByRole(AriaRole.Group).Filter(new() { HasText = "position-mode" });
        await Expect(section).ToContainTextAsync("One-Way");
        await Expect(card).ToContainTextAsync("…" + Hedge.ApiKey[^4..]);
        Assert.DoesNotContain(Hedge.ApiSecret, await card.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("14-components-v2-card");

        var before = await page.Messages.Filter(new() { HasText = "ran the key check again" }).CountAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "Run the check again", Exact = true }).ClickAsync();
        await SubmitKeyAsync(page, Healthy);

        await Expect(page.Messages.Filter(new() { HasText = "ran the key check again" })).ToHaveCountAsync(before + 1);
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

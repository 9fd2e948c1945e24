using System.Globalization;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// Messages look as Discord's client draws them: mentions name the person, role or channel (a channel is a link),
/// timestamps are dates and "in 2 hours" against the bot's clock, markdown is formatted, an interaction's reply says
/// who used which command and a deferred reply isn't "(edited)", and user apps sit in the Apps menu on the person.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class RenderingTests(SandboxFixture fixture)
{
    [Fact]
    public async Task MemberMessage_MentionsTimestampAndMarkdown_Rendered()
    {
        var page = await fixture.OpenAsync();
        var sandbox = fixture.Sandbox;
        var alice = SandboxPeople.Find("member").UserId;
        var inTwoHours = sandbox.Clock.GetUtcNow().AddHours(2).ToUnixTimeSeconds();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Rendering check <@{alice}>: read <#{sandbox.Channels.Support}> before <t:{inTwoHours}:R>, **bold** _leaning_ ~~gone~~ ||hidden||, see [the docs](https://example.com/docs)");
        await page.ActAsAsync("Moderator");
        await page.OpenChannelAsync("#general");

        await page.SendAsync(text);

        var message = page.Message("Rendering check");
        await Expect(message).ToContainTextAsync("Rendering check @alice.trader: read #support before in 2 hours, bold leaning gone hidden, see the docs");
        await Expect(message.GetByRole(AriaRole.Link, new() { Name = "#support" })).ToBeVisibleAsync();
        await Expect(message.GetByRole(AriaRole.Link, new() { Name = "the docs" })).ToHaveAttributeAsync("href", "https://example.com/docs");
        await Expect(message.GetByRole(AriaRole.Button, new() { Name = "Spoiler, select to reveal" })).ToBeVisibleAsync();
        await Expect(message.Locator("strong", new() { HasText = "bold" })).ToBeVisibleAsync();
        await Expect(message.Locator("em", new() { HasText = "leaning" })).ToBeVisibleAsync();
        await Expect(message.Locator("time")).ToHaveTextAsync("in 2 hours");
        await page.ScreenshotAsync("24-mentions-and-timestamp");

        await message.GetByRole(AriaRole.Link, new() { Name = "#support" }).ClickAsync();
        await Expect(page.Channel("support")).ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task DeferredReply_ShowsUsedCommand_AndIsNotEdited()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Member");
        await page.OpenChannelAsync("#general");

        await page.SendAsync("/connect-bybit");

        var reply = page.Message("I've sent you the guide in a DM");
        await Expect(reply).ToContainTextAsync("alice.trader used /connect-bybit");
        await Expect(reply).Not.ToContainTextAsync("(edited)");
        Assert.Contains(fixture.Sandbox.Discord.Rest.Callbacks, c => c.Type == 5);
    }

    [Fact]
    public async Task UserApp_UnderTheAppsMenuOnThePerson_NotOnEveryMessage()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Member");
        await page.OpenChannelAsync("#general");
        await page.SendAsync("Apps menu check: my check keeps failing.");
        await page.ActAsAsync("Moderator");
        await page.OpenChannelAsync("#general");
        var message = page.Message("Apps menu check");
        await Expect(message.GetByRole(AriaRole.Button, new() { Name = "Ask to run Bybit check" })).ToHaveCountAsync(0);

        await message.GetByRole(AriaRole.Button, new() { Name = "alice.trader" }).ClickAsync();
        var menu = page.Page.GetByRole(AriaRole.Menu, new() { Name = "Apps for alice.trader" });
        await menu.GetByRole(AriaRole.Menuitem, new() { Name = "Ask to run Bybit check" }).ClickAsync();

        await Expect(page.Message("used Ask to run Bybit check")).ToContainTextAsync("mia.mod used Ask to run Bybit check");
    }

    [Fact]
    public async Task MessageBox_TakesDiscordsLimitOf2000Characters()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Member");
        await page.OpenChannelAsync("#general");

        await page.MessageBox.FillAsync(new string('x', 2500));

        await Expect(page.MessageBox).ToHaveValueAsync(new string('x', 2000));
        var refused = await Assert.ThrowsAsync<DiscordRefusedException>(() =>
            new DiscordMember(fixture.Sandbox.Discord, SandboxPeople.Find("member").UserId).SayAsync(fixture.Sandbox.Channels.General, new string('y', 2001)));
        Assert.Equal(50035, refused.Code);
    }
}

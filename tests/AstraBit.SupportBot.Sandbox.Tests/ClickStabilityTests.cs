using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// The page redraws on every event from the sandbox. The "Acting as" and channel buttons must survive a redraw that
/// does not change them: a button replaced between a click's mousedown and mouseup never gets the click, so a person
/// switch or a channel opened while messages arrive was lost (seen in CI: a /connect-bybit meant for the member with
/// closed DMs went out as the member).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ClickStabilityTests(SandboxFixture fixture)
{
    [Fact]
    public async Task MessagesArriving_KeepThePersonAndChannelButtons_SoAClickInBetweenLands()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Member");
        await page.OpenChannelAsync("#general");
        var person = await page.Page.GetByRole(AriaRole.Group, new() { Name = "Acting as" })
            .GetByRole(AriaRole.Button, new() { Name = "Moderator", Exact = true }).ElementHandleAsync();
        var channel = await page.Channel("support").ElementHandleAsync();

        var line = $"A line while someone reaches for a button {Guid.NewGuid():N}.";
        await page.SendAsync(line);
        await Expect(page.Messages.Filter(new() { HasText = line })).ToHaveCountAsync(1);
        await page.SendAsync("/bybit-error code:10003");
        await Expect(page.Message("Bybit doesn't recognise this API key")).ToBeVisibleAsync();

        Assert.True(await person.EvaluateAsync<bool>("n => n.isConnected"), "the page rebuilt the Acting as buttons for a message");
        Assert.True(await channel.EvaluateAsync<bool>("n => n.isConnected"), "the page rebuilt the channel buttons for a message");
        await person.ClickAsync();
        await Expect(page.Page.GetByRole(AriaRole.Group, new() { Name = "Acting as" })
            .GetByRole(AriaRole.Button, new() { Name = "Moderator", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
    }
}

using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// The page lays out as Discord's client: on a laptop screen the people, the channels, the channel's name and the
/// message box stay put; only the message list scrolls, and it stays at the newest message unless the reader scrolled up.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class LayoutTests(SandboxFixture fixture)
{
    [Fact]
    public async Task ThirtyMessages_At1280x720_MessageBoxAndNewestMessageStayInView()
    {
        var page = await fixture.OpenAsync(1280, 720);
        await page.ActAsAsync("Moderator");
        await page.OpenChannelAsync("#general");

        for (var i = 1; i <= 30; i++)
        {
            await page.SendAsync($"Layout line {i} of 30: a member writing in the channel.");
        }

        await Expect(page.Message("Layout line 30 of 30")).ToBeInViewportAsync();
        await Expect(page.MessageBox).ToBeInViewportAsync();
        await Expect(page.Channel("#general")).ToBeInViewportAsync();
        await Expect(page.Page.GetByRole(AriaRole.Group, new() { Name = "Acting as" })).ToBeInViewportAsync();
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "#general" })).ToBeInViewportAsync();
        await Expect(page.Message("Layout line 1 of 30")).Not.ToBeInViewportAsync();
        await page.ScreenshotAsync("20-layout-30-messages");
    }

    [Fact]
    public async Task ReaderScrolledUp_NewMessageArrives_ListStaysWhereTheReaderIs()
    {
        var page = await fixture.OpenAsync(1280, 720);
        await page.ActAsAsync("Support staff");
        await page.OpenChannelAsync("#general");
        for (var i = 1; i <= 20; i++)
        {
            await page.SendAsync($"Scroll line {i} of 20.");
        }

        await Expect(page.Message("Scroll line 20 of 20.")).ToBeInViewportAsync();
        // The reader scrolls back to an earlier line.
        await page.Message("Scroll line 3 of 20.").ScrollIntoViewIfNeededAsync();
        await Expect(page.Message("Scroll line 3 of 20.")).ToBeInViewportAsync();
        await Expect(page.Message("Scroll line 20 of 20.")).Not.ToBeInViewportAsync();

        var sandbox = fixture.Sandbox;
        await new DiscordMember(sandbox.Discord, SandboxPeople.Find("member").UserId).SayAsync(sandbox.Channels.General, "Someone else writes while staff read back.");
        sandbox.Changed();

        await Expect(page.Message("Someone else writes while staff read back.")).ToHaveCountAsync(1);
        await Expect(page.Message("Scroll line 3 of 20.")).ToBeInViewportAsync();
        await Expect(page.Message("Someone else writes while staff read back.")).Not.ToBeInViewportAsync();
    }
}

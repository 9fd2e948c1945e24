using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// The sandbox's guild is set up as the bot's set-up guide asks, and the emulator applies its roles and overwrites as
/// Discord does: a member doesn't see #staff or #support-log (diagnosis cards, transcripts), staff do; nobody without
/// Manage Threads writes in a closed (locked) ticket; and the page's own endpoints are refused with Discord's codes.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class PermissionTests(SandboxFixture fixture)
{
    [Fact]
    public async Task Member_StaffAndLogChannels_HiddenAndRefused()
    {
        var page = await fixture.OpenAsync();

        await page.ActAsAsync("Member");
        await Expect(page.Channel("#general")).ToBeVisibleAsync();
        await Expect(page.Channel("support")).ToBeVisibleAsync();
        await Expect(page.Channel("staff")).ToHaveCountAsync(0);
        await Expect(page.Channel("support-log")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("21-member-channels");

        var refused = await page.Page.APIRequest.PostAsync(new Uri(fixture.Sandbox.PageUrl, "/api/command").ToString(), new()
        {
            DataObject = new { person = "member", channelId = Id(fixture.Sandbox.Channels.Staff), text = "Can I read this?" },
        });
        Assert.Equal(403, refused.Status);
        Assert.Contains("Missing Access (50001)", await refused.TextAsync(), StringComparison.Ordinal);

        await page.ActAsAsync("Support staff");
        await Expect(page.Channel("staff")).ToBeVisibleAsync();
        await Expect(page.Channel("support-log")).ToBeVisibleAsync();
        await page.ActAsAsync("Moderator");
        await Expect(page.Channel("staff")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ClosedTicket_Member_CannotWriteInTheLockedThread()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Member (DMs closed)");
        await page.OpenChannelAsync("#general");
        await page.OpenTicketAsync(fixture.HasOpenTicket("bobnodms"));
        // The member's open ticket (a new one, or the one an earlier test left open), by its exact name.
        var rest = fixture.Sandbox.Discord.Rest;
        var thread = await OpenThreadOfAsync("bobnodms");
        await page.Channel(thread.Name!).ClickAsync();
        await Expect(page.MessageBox).ToBeEnabledAsync();

        await page.ActAsAsync("Support staff");
        await page.Channel(thread.Name!).ClickAsync();
        await page.SendAsync("/ticket close reason:Permission test force:true");
        await Expect(page.Message("was closed by")).ToContainTextAsync("Permission test");

        await page.ActAsAsync("Member (DMs closed)");
        await page.Channel(thread.Name!).ClickAsync();
        await Expect(page.MessageBox).ToBeDisabledAsync();
        await Expect(page.MessageBox).ToHaveAttributeAsync("placeholder", "This thread is locked.");
        await page.ScreenshotAsync("22-member-closed-ticket-locked");

        Assert.True(thread.Locked);
        var refused = await page.Page.APIRequest.PostAsync(new Uri(fixture.Sandbox.PageUrl, "/api/command").ToString(), new()
        {
            DataObject = new { person = "member-dms-closed", channelId = Id(thread.Id), text = "Still there?" },
        });
        Assert.Equal(403, refused.Status);
        Assert.Contains("Thread is locked (160005)", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Sandbox.Discord.Rest.Messages, m => m.ChannelId == thread.Id && m.Content == "Still there?");
    }

    private async Task<Emulators.Discord.EmulatedChannel> OpenThreadOfAsync(string memberName)
    {
        var rest = fixture.Sandbox.Discord.Rest;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var change = rest.NextChange;
            if (rest.Threads.Where(t => t.Name?.Contains(memberName, StringComparison.Ordinal) == true && !t.Locked).MaxBy(t => t.Id) is { } open)
            {
                return open;
            }

            await change.WaitAsync(timeout.Token);
        }
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}

using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// A support lead edits the guide while the sandbox runs: a valid edit is on the page at once, an invalid one shows
/// its error and the bot keeps the last good wording.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ContentReloadTests(SandboxFixture fixture)
{
    private const string Intro = "Let's connect your Bybit account to AstraBit.";

    [Fact]
    public async Task GuideEdit_WhileRunning_NewWordingOnThePage()
    {
        var page = await fixture.OpenAsync();
        var original = await File.ReadAllTextAsync(GuideFile);
        try
        {
            await EditGuideAsync(page, original.Replace(Intro, "Welcome to the edited sandbox guide.", StringComparison.Ordinal), expectReload: true);

            await page.ActAsAsync("Member (DMs closed)");
            await page.OpenChannelAsync("#general");
            await page.SendAsync("/connect-bybit");
            await Expect(page.Message("Before you begin")).ToContainTextAsync("Welcome to the edited sandbox guide.");
            await page.ScreenshotAsync("11-guide-edit-reloaded");
        }
        finally
        {
            await EditGuideAsync(page, original, expectReload: true);
        }
    }

    [Fact]
    public async Task GuideEdit_Invalid_ErrorShownAndOldWordingStays()
    {
        var page = await fixture.OpenAsync();
        var original = await File.ReadAllTextAsync(GuideFile);
        try
        {
            var broken = original.Replace("\"title\": \"Before you begin\"", "\"title\": \"\"", StringComparison.Ordinal)
                .Replace(Intro, "This wording must not reach members.", StringComparison.Ordinal);
            await File.WriteAllTextAsync(GuideFile, broken);
            var alert = page.Page.GetByRole(Microsoft.Playwright.AriaRole.Alert).Filter(new() { HasText = "guide.json" });
            await Expect(alert).ToContainTextAsync("the bot keeps the last good content");
            await page.ScreenshotAsync("12-guide-edit-invalid");

            await page.ActAsAsync("Moderator");
            await page.OpenChannelAsync("#general");
            await page.SendAsync("/connect-bybit");
            await page.OpenChannelAsync("Direct messages");
            await Expect(page.Message("Before you begin")).ToContainTextAsync(Intro);
            await Expect(page.Messages.Filter(new() { HasText = "This wording must not reach members." })).ToHaveCountAsync(0);
        }
        finally
        {
            await File.WriteAllTextAsync(GuideFile, original);
            await Expect(page.Page.GetByRole(Microsoft.Playwright.AriaRole.Alert).Filter(new() { HasText = "guide.json" })).ToHaveCountAsync(0);
        }
    }

    private string GuideFile => Path.Combine(fixture.ContentFolder, "guide.json");

    private async Task EditGuideAsync(SandboxPageDriver page, string content, bool expectReload)
    {
        var before = fixture.Sandbox.Content.Reloads;
        await File.WriteAllTextAsync(GuideFile, content);
        if (expectReload)
        {
            await Expect(page.Page.GetByRole(Microsoft.Playwright.AriaRole.Status).Filter(new() { HasText = $"Edit {before + 1} loaded at" })).ToBeVisibleAsync();
            await Expect(page.Page.GetByText("Bot: running")).ToBeVisibleAsync();
        }
    }
}

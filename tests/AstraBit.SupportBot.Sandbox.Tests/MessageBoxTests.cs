using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>The message box suggests the commands and options the bot registered, and works from the keyboard alone.</summary>
[Collection(SandboxCollection.Name)]
public sealed class MessageBoxTests(SandboxFixture fixture)
{
    [Fact]
    public async Task Typing_Slash_SuggestsRegisteredCommandsAndOptions()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Member");
        await page.OpenChannelAsync("#general");
        var suggestions = page.Page.GetByRole(AriaRole.Listbox, new() { Name = "Commands" });

        await page.MessageBox.PressSequentiallyAsync("/byb");
        await Expect(suggestions.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(suggestions.GetByRole(AriaRole.Option)).ToContainTextAsync("/bybit-error");
        await page.MessageBox.PressAsync("Tab");
        await Expect(page.MessageBox).ToHaveValueAsync("/bybit-error ");
        await Expect(suggestions.GetByRole(AriaRole.Option)).ToContainTextAsync("code:");
        await page.MessageBox.PressAsync("Tab");
        await Expect(page.MessageBox).ToHaveValueAsync("/bybit-error code:");
        await page.MessageBox.PressSequentiallyAsync("10010");
        await page.MessageBox.PressAsync("Enter");

        await Expect(page.Message("The key only works from other IP addresses")).ToContainTextAsync("Only you can see this");
        await page.ScreenshotAsync("13-bybit-error-from-suggestions");
    }
}

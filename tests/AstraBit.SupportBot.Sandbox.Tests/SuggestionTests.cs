using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// Typing an option shows what Discord's client would: the bot's own autocomplete answer (an autocomplete interaction
/// through the emulator) for /answer name: and /bybit-error code:, the guild's members for a member option; a name
/// that is nobody's is refused naming who exists.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class SuggestionTests(SandboxFixture fixture)
{
    [Fact]
    public async Task AnswerName_StaffTyping_BotSuggestsSavedAnswers()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Support staff");
        await page.OpenChannelAsync("#general");
        var autocompleted = fixture.Sandbox.Discord.Rest.Callbacks.Count(c => c.Type == 8);

        await page.MessageBox.PressSequentiallyAsync("/answer name:hedge");

        var choices = page.Page.GetByRole(AriaRole.Listbox, new() { Name = "Choices for name:" });
        await Expect(choices.GetByRole(AriaRole.Option, new() { Name = "Hedge Mode with open positions" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("23-answer-autocomplete");
        Assert.True(fixture.Sandbox.Discord.Rest.Callbacks.Count(c => c.Type == 8) > autocompleted);
        await page.MessageBox.PressAsync("Tab");
        await Expect(page.MessageBox).ToHaveValueAsync("/answer name:hedge-mode-open-positions ");
    }

    [Fact]
    public async Task BybitErrorCode_MemberTyping_BotSuggestsCodesAndThePickIsExplained()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Member");
        await page.OpenChannelAsync("#general");

        await page.MessageBox.PressSequentiallyAsync("/bybit-error code:1000");

        var choices = page.Page.GetByRole(AriaRole.Listbox, new() { Name = "Choices for code:" });
        await Expect(choices.GetByRole(AriaRole.Option).First).ToContainTextAsync("1000");
        await page.MessageBox.PressAsync("ArrowDown");
        await page.MessageBox.PressAsync("Enter");
        await Expect(page.MessageBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^/bybit-error code:1000\\d "));
        await page.MessageBox.PressAsync("Enter");
        await Expect(page.MessageBox).ToHaveValueAsync("");
        await Expect(page.Messages.Last).ToContainTextAsync("Only you can see this");
    }

    [Fact]
    public async Task MemberOption_Typing_GuildMembersSuggested_UnknownNameRefusedNamingMembers()
    {
        var page = await fixture.OpenAsync();
        await page.ActAsAsync("Moderator");
        await page.OpenChannelAsync("#general");

        await page.MessageBox.PressSequentiallyAsync("/diagnose-user member:ali");
        var choices = page.Page.GetByRole(AriaRole.Listbox, new() { Name = "Choices for member:" });
        await Expect(choices.GetByRole(AriaRole.Option, new() { Name = "@alice.trader" })).ToBeVisibleAsync();

        await page.MessageBox.FillAsync("/diagnose-user member:carol.nobody");
        await page.MessageBox.PressAsync("Escape");
        await page.MessageBox.PressAsync("Enter");
        var error = page.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "carol.nobody" });
        await Expect(error).ToContainTextAsync("alice.trader, bob.nodms, mia.mod, sam.support");
    }
}

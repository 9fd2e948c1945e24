using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// The sandbox's language picker (PRODUCT.md §8, §12): per person, the page chooses the Discord language their
/// interactions carry, and the bot answers that person in it while everyone else keeps theirs.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class LanguageTests(SandboxFixture fixture)
{
    [Fact]
    public async Task Member_SwitchedToEspanol_GetsTheGuideInSpanish_OthersStayInEnglish()
    {
        var page = await fixture.OpenAsync();
        var language = page.Page.GetByRole(AriaRole.Combobox, new() { Name = "Language", Exact = true });
        await page.ActAsAsync("Member (DMs closed)");
        await Expect(language).ToHaveValueAsync("en-US");
        try
        {
            await language.SelectOptionAsync(new SelectOptionValue { Label = "Español" });
            await page.OpenChannelAsync("#general");
            await page.SendAsync("/connect-bybit");

            // DMs closed: the guide continues privately in the channel, in Spanish (where this person left it, if earlier
            // tests walked part of it).
            var guide = page.Message("Tienes los mensajes directos cerrados");
            await Expect(guide).ToContainTextAsync(new Regex("Antes de empezar|Parte [1-3] de 3 · Paso [1-6] de 6"));
            await Expect(guide).Not.ToContainTextAsync("Before you begin");
            await page.ScreenshotAsync("20-guide-in-spanish");

            // The picker is per person: the staff member still reads English.
            await page.ActAsAsync("Support staff");
            await Expect(language).ToHaveValueAsync("en-US");
            await page.ActAsAsync("Member (DMs closed)");
            await Expect(language).ToHaveValueAsync("es-ES");
        }
        finally
        {
            // The sandbox is shared by the collection's tests: the person goes back to English.
            await page.ActAsAsync("Member (DMs closed)");
            await language.SelectOptionAsync(new SelectOptionValue { Value = "en-US" });
            await Expect(language).ToHaveValueAsync("en-US");
        }
    }
}

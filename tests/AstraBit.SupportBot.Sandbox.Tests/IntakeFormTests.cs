using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// The intake form in the browser: the page renders the modal's topic select and file upload with their labels, a
/// person chooses a topic and attaches a screenshot, and the ticket opens with both on its card and the file in the thread.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class IntakeFormTests(SandboxFixture fixture)
{
    [Fact]
    public async Task TicketOpen_TopicAndScreenshotInTheForm_TicketCardShowsThemAndTheThreadHoldsTheFile()
    {
        var screenshot = Path.Combine(Path.GetTempPath(), $"sandbox-intake-{Guid.NewGuid():N}.png");
        // A PNG's signature and a little body: the bot keeps images only, by type and name.
        await File.WriteAllBytesAsync(screenshot, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]);
        try
        {
            var page = await fixture.OpenAsync();
            await page.ActAsAsync("Moderator");
            await page.OpenChannelAsync("#general");
            Assert.False(fixture.HasOpenTicket("miamod"));

            await page.SendAsync("/ticket open");
            var form = page.Form("Talk to support");
            await Expect(form.GetByRole(AriaRole.Combobox, new() { Name = "What is it about?" })).ToBeVisibleAsync();
            await Expect(form.GetByLabel("Screenshots (optional)")).ToHaveAttributeAsync("type", "file");
            await page.ScreenshotAsync("12-intake-form");
            await form.GetByLabel("What is it about?").SelectOptionAsync(new SelectOptionValue { Label = "Billing and subscription" });
            await form.GetByLabel("What happened?").FillAsync("The invoice shows two payments.");
            await form.GetByLabel("Screenshots (optional)").SetInputFilesAsync(screenshot);
            await form.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
            await Expect(form).ToBeHiddenAsync();

            await page.Thread("miamod").ClickAsync();
            await Expect(page.Message("What the member wrote in the form")).ToContainTextAsync("Billing and subscription");
            await Expect(page.Message("What the member wrote in the form")).ToContainTextAsync("The invoice shows two payments.");
            await Expect(page.Message("Screenshots from")).ToContainTextAsync(Path.GetFileName(screenshot));
            await page.ScreenshotAsync("13-intake-ticket");
        }
        finally
        {
            File.Delete(screenshot);
        }
    }
}

using Microsoft.Playwright;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>The sandbox page driven by accessible names only (PRODUCT.md §8), as a keyboard or screen-reader user would.</summary>
public sealed class SandboxPageDriver(IPage page)
{
    public IPage Page => page;

    public ILocator MessageBox => page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });

    public ILocator Messages => page.GetByRole(AriaRole.Article);

    public ILocator Form(string title) => page.GetByRole(AriaRole.Dialog, new() { Name = title });

    public ILocator Channel(string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Channels" }).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The newest message that shows all of <paramref name="texts"/>.</summary>
    public ILocator Message(params string[] texts) =>
        texts.Aggregate(Messages, (found, text) => found.Filter(new() { HasText = text })).Last;

    /// <summary>Switches the person acting, and waits until the page shows them as the one acting.</summary>
    public async Task ActAsAsync(string person)
    {
        var button = page.GetByRole(AriaRole.Group, new() { Name = "Acting as" }).GetByRole(AriaRole.Button, new() { Name = person, Exact = true });
        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
    }

    public Task OpenChannelAsync(string name) => Channel(name).ClickAsync();

    /// <summary>The member's newest ticket thread in the channel list, by the member's name in it (ticket-0001-alicetrader).</summary>
    public ILocator Thread(string memberName) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Channels" }).GetByRole(AriaRole.Button, new() { Name = memberName }).Last;

    /// <summary>Types a line in the message box and sends it with Enter.</summary>
    public async Task SendAsync(string text)
    {
        await MessageBox.FillAsync(text);
        await MessageBox.PressAsync("Escape");
        await MessageBox.PressAsync("Enter");
        await Assertions.Expect(MessageBox).ToHaveValueAsync("");
    }

    /// <summary>
    /// `/ticket open` as the current person. Without a ticket (<paramref name="hasTicket"/> false) the intake form comes:
    /// the topic is chosen by its name, the description typed, the screenshot attached, and the form submitted.
    /// </summary>
    public async Task OpenTicketAsync(bool hasTicket, string topic = "Something else", string description = "It does not work", string? screenshot = null)
    {
        await SendAsync("/ticket open");
        if (hasTicket)
        {
            return;
        }

        var form = Form("Talk to support");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.GetByLabel("What is it about?").SelectOptionAsync(new SelectOptionValue { Label = topic });
        await form.GetByLabel("What happened?").FillAsync(description);
        if (screenshot is not null)
        {
            await form.GetByLabel("Screenshots (optional)").SetInputFilesAsync(screenshot);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(form).ToBeHiddenAsync();
    }

    /// <summary>Clicks the bot's button named <paramref name="label"/> on the newest message that has one.</summary>
    public Task ClickAsync(string label) =>
        Messages.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).Last.ClickAsync();

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(SandboxFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SandboxFixture.ScreenshotFolder, name + ".png") });
    }
}

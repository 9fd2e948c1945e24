using AstraBit.SupportBot.Core.Content;

namespace AstraBit.SupportBot.Core.Tests;

/// <summary>
/// Discord's limits as the host hands them to Core (AstraBit.SupportBot's DiscordContentLimits), written out here
/// because Core's tests see Core alone; the messages the tests expect name these numbers.
/// </summary>
internal static class TestLimits
{
    public static ContentLimits Discord { get; } = new()
    {
        Title = new TextLimit(256, "Discord embed title limit"),
        Text = new TextLimit(4096, "Discord embed description limit"),
        Field = new TextLimit(1024, "Discord embed field limit"),
        Footer = new TextLimit(2048, "Discord embed footer limit"),
        Fields = 25,
        PageTotal = 6000,
        Message = 2000,
        Button = new TextLimit(80, "Discord button label limit"),
        ChoicePrompt = new TextLimit(150, "Discord select placeholder limit"),
        ChoiceText = new TextLimit(100, "Discord select option limit"),
        ChoiceValue = new TextLimit(100, "Discord select value limit"),
        Choices = 25,
        FormTitle = new TextLimit(45, "Discord modal title limit"),
        InputLabel = new TextLimit(45, "Discord text input label limit"),
        InputPlaceholder = new TextLimit(100, "Discord text input placeholder limit"),
        Suggestion = 100,
    };
}

using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// Where the content files' texts are shown on Discord, and so how long each may be: Discord's limits as our client
/// knows them (<see cref="DiscordLimits"/>), named the way content authors are told them.
/// </summary>
public static class DiscordContentLimits
{
    public static ContentLimits Value { get; } = new()
    {
        // Texts sized like an embed's parts; a page in all is a Components V2 message's text beside the bot's notes.
        Title = new TextLimit(DiscordLimits.EmbedTitle, "Discord embed title limit"),
        Text = new TextLimit(DiscordLimits.EmbedDescription, "Discord embed description limit"),
        Field = new TextLimit(DiscordLimits.EmbedFieldValue, "Discord embed field limit"),
        Footer = new TextLimit(DiscordLimits.EmbedFooterText, "Discord embed footer limit"),
        Fields = DiscordLimits.EmbedFields,
        PageTotal = WalkthroughMessages.PageRoom,
        Message = DiscordLimits.MessageContent,
        Button = new TextLimit(DiscordLimits.ButtonLabel, "Discord button label limit"),
        // Lists of choices are string selects.
        ChoicePrompt = new TextLimit(DiscordLimits.SelectPlaceholder, "Discord select placeholder limit"),
        ChoiceText = new TextLimit(DiscordLimits.SelectOptionText, "Discord select option limit"),
        ChoiceValue = new TextLimit(DiscordLimits.SelectOptionText, "Discord select value limit"),
        Choices = DiscordLimits.SelectOptions,
        // Forms are modals with text inputs.
        FormTitle = new TextLimit(DiscordLimits.ModalTitle, "Discord modal title limit"),
        InputLabel = new TextLimit(DiscordLimits.LabelText, "Discord text input label limit"),
        InputPlaceholder = new TextLimit(DiscordLimits.TextInputPlaceholder, "Discord text input placeholder limit"),
        // Suggestions are autocomplete choices.
        Suggestion = DiscordLimits.CommandChoiceText,
    };
}

using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.Panel;

/// <summary>
/// The support panel as Discord shows it: an embed with config/panel.json's words and its four buttons
/// (<see cref="PanelId"/>, and the key check's <see cref="KeyCheckButtonId"/>).
/// </summary>
public static class PanelMessages
{

    /// <summary>The one field of the "Explain an error" form.</summary>
    public const string ErrorField = "error";

    public static MessagePayload Panel(PanelContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var embed = new EmbedBuilder()
            .WithTitle(content.Title)
            .WithDescription(content.Text)
            .WithColor(Replies.BrandColor);
        if (content.Footer is { } footer)
        {
            embed.WithFooter(footer);
        }

        var buttons = content.Buttons.Select(b => b.Action switch
        {
            PanelAction.ConnectBybit => Button.Create(ButtonStyle.Primary, new PanelId(PanelIdKind.Connect).Build(), b.Label),
            PanelAction.CheckKey => KeyCheckPanelHandler.Button(b.Label),
            PanelAction.ExplainError => Button.Create(ButtonStyle.Secondary, new PanelId(PanelIdKind.ExplainError).Build(), b.Label),
            PanelAction.TalkToSupport => Button.Create(ButtonStyle.Secondary, new PanelId(PanelIdKind.TalkToSupport).Build(), b.Label),
            _ => throw new ArgumentOutOfRangeException(nameof(content), b.Action, "Unknown panel action."),
        });
        return new MessageBuilder().AddEmbed(embed.Build()).AddActionRow(buttons).Build();
    }

    /// <summary>The "Explain an error" form.</summary>
    public static Modal ErrorForm(PanelErrorForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new ModalBuilder(new PanelId(PanelIdKind.ExplainSubmit).Build(), form.Title)
            .AddTextInput(form.Label, new TextInput(ErrorField, TextInputStyle.Paragraph, minLength: 1, maxLength: 500, placeholder: form.Placeholder))
            .Build();
    }
}

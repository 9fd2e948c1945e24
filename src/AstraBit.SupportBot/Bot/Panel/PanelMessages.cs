using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.Panel;

/// <summary>
/// The support panel as Discord shows it: a Components V2 container in the brand's colour with config/panel.json's
/// words and its four buttons below them (<see cref="PanelId"/>, and the key check's <see cref="KeyCheckButtonId"/>).
/// </summary>
public static class PanelMessages
{
    // Room for the title and footer beside the text within a message's 4,000 characters of text displays.
    private const int TextRoom = 3400;

    /// <summary>The one field of the "Explain an error" form.</summary>
    public const string ErrorField = "error";

    public static MessagePayload Panel(PanelContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var buttons = content.Buttons.Select(b => b.Action switch
        {
            PanelAction.ConnectBybit => Button.Create(ButtonStyle.Primary, new PanelId(PanelIdKind.Connect).Build(), b.Label),
            PanelAction.CheckKey => KeyCheckPanelHandler.Button(b.Label),
            PanelAction.ExplainError => Button.Create(ButtonStyle.Secondary, new PanelId(PanelIdKind.ExplainError).Build(), b.Label),
            PanelAction.TalkToSupport => Button.Create(ButtonStyle.Secondary, new PanelId(PanelIdKind.TalkToSupport).Build(), b.Label),
            _ => throw new ArgumentOutOfRangeException(nameof(content), b.Action, "Unknown panel action."),
        });
        List<MessageComponent> inside = [new TextDisplay($"## {SafeText.Fit(content.Title, 256)}\n{SafeText.Fit(content.Text, TextRoom)}")];
        if (content.Footer is { Length: > 0 } footer)
        {
            inside.Add(new Separator(Divider: false));
            inside.Add(new TextDisplay("-# " + SafeText.Fit(footer, 300)));
        }

        inside.Add(new ActionRow(buttons));
        return new MessageBuilder().WithComponentsV2().AddComponent(new Container(inside, Replies.BrandColor)).Build();
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

using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot;

/// <summary>Short answers used across handlers. All ephemeral: a support bot answers the member who asked, privately.</summary>
public static class Replies
{
    public const int BrandColor = 0xF7A600;
    public const int ProblemColor = 0xD9534F;
    public const int WarningColor = 0xF0AD4E;
    public const int GoodColor = 0x2E9E5B;

    /// <summary>The answer to a command or button no handler owns (left over from an older version of the bot), in the reader's language.</summary>
    public static MessagePayload NotHandled(Interaction interaction, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(texts);
        return Private(texts.Get(interaction.Data is ApplicationCommandData ? TextIds.Reply.UnknownCommand : TextIds.Reply.EndedButton));
    }

    /// <summary>
    /// The answer to a button or form that would change a message it doesn't belong to (another flow's custom_id on a
    /// public message): nothing changes.
    /// </summary>
    public static MessagePayload NotThisMessage(LocaleTexts texts) => Private(Texts(texts).Get(TextIds.Reply.NotThisMessage));

    /// <summary>The data file takes no writes (a full disk): what the member did was not kept, and what still works.</summary>
    public static MessagePayload CannotSaveNow(LocaleTexts texts) => Private(Texts(texts).Get(TextIds.Reply.CannotSave));

    public static MessagePayload SomethingWentWrong(LocaleTexts texts) => Private(Texts(texts).Get(TextIds.Reply.SomethingWentWrong));

    private static MessagePayload Private(string text) => MessagePayload.Text(text, ephemeral: true);

    private static LocaleTexts Texts(LocaleTexts texts) => texts ?? throw new ArgumentNullException(nameof(texts));
}

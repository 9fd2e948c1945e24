using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot;

/// <summary>Short answers used across handlers. All ephemeral: a support bot answers the member who asked, privately.</summary>
public static class Replies
{
    public const int BrandColor = 0xF7A600;
    public const int ProblemColor = 0xD9534F;
    public const int WarningColor = 0xF0AD4E;
    public const int GoodColor = 0x2E9E5B;

    /// <summary>The answer to a command or button no handler owns (left over from an older version of the bot).</summary>
    public static MessagePayload NotHandled(Interaction interaction) => interaction.Data switch
    {
        ApplicationCommandData => MessagePayload.Text("I don't know that command (it may be from an older version of the bot).", ephemeral: true),
        _ => MessagePayload.Text("This button belongs to something that has ended. Start again with `/connect-bybit`.", ephemeral: true),
    };

    /// <summary>
    /// The answer to a button or form that would change a message it doesn't belong to (another flow's custom_id on a
    /// public message): nothing changes.
    /// </summary>
    public static MessagePayload NotThisMessage() => MessagePayload.Text(
        "That button doesn't belong to this message, so nothing was changed. Use the buttons on your own private message, or start again with the command.",
        ephemeral: true);

    /// <summary>The data file takes no writes (a full disk): what the member did was not kept, and what still works.</summary>
    public static MessagePayload CannotSaveNow() => MessagePayload.Text(
        "I can't save anything right now: the bot's storage is failing, and the support team has been told. What you just did was not saved; " +
        "please try again in a few minutes. Looking up a Bybit error with `/bybit-error` still works meanwhile.",
        ephemeral: true);

    public static MessagePayload SomethingWentWrong() => MessagePayload.Text(
        "Something went wrong on our side while handling that. Please try again in a minute; if it keeps happening, tell the support team.",
        ephemeral: true);
}

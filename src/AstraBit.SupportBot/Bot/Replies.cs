using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot;

/// <summary>Short answers used across handlers. All ephemeral: a support bot answers the member who asked, privately.</summary>
public static class Replies
{
    public const int BrandColor = 0xF7A600;
    public const int ProblemColor = 0xD9534F;
    public const int WarningColor = 0xF0AD4E;
    public const int GoodColor = 0x2E9E5B;

    public static MessagePayload NotHandled(Interaction interaction) => interaction.Data switch
    {
        ApplicationCommandData command when IsKnownCommand(command.Name) => MessagePayload.Text(
            $"`{InteractionDispatcher.Describe(interaction)}` isn't available yet: it arrives with an upcoming update of the bot. " +
            "Meanwhile `/bybit-error` explains any Bybit error code, and the support team can help in the support channel.",
            ephemeral: true),
        ApplicationCommandData => MessagePayload.Text("I don't know that command (it may be from an older version of the bot).", ephemeral: true),
        _ => MessagePayload.Text("This button belongs to something that has ended. Start again with `/connect-bybit`.", ephemeral: true),
    };

    public static MessagePayload SomethingWentWrong() => MessagePayload.Text(
        "Something went wrong on our side while handling that. Please try again in a minute; if it keeps happening, tell the support team.",
        ephemeral: true);

    private static bool IsKnownCommand(string name) => SupportCommands.All.Any(c => c.Name == name);
}

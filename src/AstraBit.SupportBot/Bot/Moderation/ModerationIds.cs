using AstraBit.SupportBot.Bot.Interactions;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>The custom_ids of the moderator tools: the member's "Run the check" button ("mod:run") and its key form ("mod:key").</summary>
public static class ModerationIds
{
    public const string Prefix = "mod";
    public const string RunAction = "run";

    public static string Run { get; } = ComponentId.Build(Prefix, RunAction);
}

using AstraBit.SupportBot.Bot.Interactions;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>The member's "Run the check" button under a moderator's request ("mod:run"); its key form is the key check's own.</summary>
public sealed record ModerationId : ICustomId<ModerationId>
{
    private const string RunAction = "run";

    public static ModerationId Run { get; } = new();

    public static string Prefix => "mod";

    public IdSurface Surface => IdSurface.Anywhere;

    public string Build() => ComponentId.Build(Prefix, RunAction);

    public static ModerationId? TryParse(ComponentId id) =>
        id is { Prefix: "mod", Action: RunAction, Args.Count: 0 } ? Run : null;
}

using AstraBit.SupportBot.Bot.Interactions;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>The "Check my API key" button anywhere (a support panel, under a reply to a pasted error): "kc:open".</summary>
public sealed record KeyCheckButtonId : ICustomId<KeyCheckButtonId>
{
    private const string OpenAction = "open";

    public static KeyCheckButtonId Open { get; } = new();

    public static string Prefix => "kc";

    public IdSurface Surface => IdSurface.Anywhere;

    public string Build() => ComponentId.Build(Prefix, OpenAction);

    public static KeyCheckButtonId? TryParse(ComponentId id) =>
        id is { Prefix: "kc", Action: OpenAction, Args.Count: 0 } ? Open : null;
}

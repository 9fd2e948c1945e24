using AstraBit.SupportBot.Bot.Interactions;

namespace AstraBit.SupportBot.Bot.Panel;

/// <summary>What a panel button or form asks for.</summary>
public enum PanelIdKind
{
    /// <summary>"Connect Bybit step by step" ("pn:connect").</summary>
    Connect,

    /// <summary>"Explain an error": opens the form ("pn:error").</summary>
    ExplainError,

    /// <summary>The "Explain an error" form's submit ("pn:explain").</summary>
    ExplainSubmit,

    /// <summary>"Talk to support" ("pn:ticket").</summary>
    TalkToSupport,
}

/// <summary>
/// A panel button's or form's custom_id ("pn:connect", "pn:error", "pn:explain", "pn:ticket"). It names only the action,
/// never a member, so one panel serves everyone for as long as it stands; every answer is a private reply or a form.
/// </summary>
public sealed record PanelId(PanelIdKind Kind) : ICustomId<PanelId>
{
    private static readonly ActionWords<PanelIdKind> Words = new(
        (PanelIdKind.Connect, "connect"), (PanelIdKind.ExplainError, "error"), (PanelIdKind.ExplainSubmit, "explain"), (PanelIdKind.TalkToSupport, "ticket"));

    public static string Prefix => "pn";

    public IdSurface Surface => IdSurface.Anywhere;

    public string Build() => ComponentId.Build(Prefix, Words.Word(Kind));

    public static PanelId? TryParse(ComponentId id) =>
        id is { Prefix: "pn", Args.Count: 0 } && Words.Kind(id.Action) is { } kind ? new PanelId(kind) : null;
}

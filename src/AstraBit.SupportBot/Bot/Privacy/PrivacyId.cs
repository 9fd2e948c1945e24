using AstraBit.SupportBot.Bot.Interactions;

namespace AstraBit.SupportBot.Bot.Privacy;

/// <summary>What a `/privacy` button asks for.</summary>
public enum PrivacyIdKind
{
    Export,
    Delete,
    ConfirmDelete,
    CancelDelete,
}

/// <summary>
/// A `/privacy` button's custom_id ("pv:export", "pv:delete", "pv:confirm", "pv:cancel"). It acts only for whoever
/// presses it. Delete, confirm and cancel redraw the member's own private overview in place; export answers apart.
/// </summary>
public sealed record PrivacyId(PrivacyIdKind Kind) : ICustomId<PrivacyId>
{
    private static readonly ActionWords<PrivacyIdKind> Words = new(
        (PrivacyIdKind.Export, "export"), (PrivacyIdKind.Delete, "delete"), (PrivacyIdKind.ConfirmDelete, "confirm"), (PrivacyIdKind.CancelDelete, "cancel"));

    public static string Prefix => "pv";

    public IdSurface Surface => Kind == PrivacyIdKind.Export ? IdSurface.Anywhere : IdSurface.OwnMessage;

    public string Build() => ComponentId.Build(Prefix, Words.Word(Kind));

    public static PrivacyId? TryParse(ComponentId id) =>
        id is { Prefix: "pv", Args.Count: 0 } && Words.Kind(id.Action) is { } kind ? new PrivacyId(kind) : null;
}

using AstraBit.SupportBot.Bot.Interactions;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>What a ticket button or form asks for.</summary>
public enum TicketIdKind
{
    Join,
    Claim,
    Unclaim,
    Close,
    CloseReason,
    RunCheck,
    Rate,
    ConfirmFixed,
    StillNeedHelp,
}

/// <summary>
/// A "tk:…" custom id: the action, the ticket number and, for ratings, the stars. Only a rating edits its message
/// (the prompt in the member's DM, or in the thread when DMs are closed); the rest answer privately.
/// </summary>
public sealed record TicketId(TicketIdKind Kind, int Number, int Stars = 0) : ICustomId<TicketId>
{
    public static string Prefix => TicketIds.Prefix;

    public IdSurface Surface => Kind == TicketIdKind.Rate ? IdSurface.OwnMessage : IdSurface.Anywhere;

    public static TicketId? TryParse(ComponentId id) => TicketIds.Parse(id);

    public string Build() => TicketIds.Build(this);
}

/// <summary>
/// Custom ids of the ticket buttons and forms ("tk:claim:12", "tk:rate:12:4"), built and parsed here. They carry only the
/// ticket number (and a rating's stars): everything else is read from the store when clicked, so a button from before a
/// restart still works. The key form of "Run the check again" is the key check's own (<see cref="KeyChecks.KeyFormId"/>).
/// </summary>
public static class TicketIds
{
    public const string Prefix = "tk";
    public const string ReasonField = "reason";

    private static readonly ActionWords<TicketIdKind> Words = new(
        (TicketIdKind.Join, "join"),
        (TicketIdKind.Claim, "claim"),
        (TicketIdKind.Unclaim, "unclaim"),
        (TicketIdKind.Close, "close"),
        (TicketIdKind.CloseReason, "close-reason"),
        (TicketIdKind.RunCheck, "check"),
        (TicketIdKind.Rate, "rate"),
        (TicketIdKind.ConfirmFixed, "fixed"),
        (TicketIdKind.StillNeedHelp, "not-fixed"));

    public static string Join(int number) => Make(TicketIdKind.Join, number);

    public static string Claim(int number) => Make(TicketIdKind.Claim, number);

    public static string Unclaim(int number) => Make(TicketIdKind.Unclaim, number);

    public static string Close(int number) => Make(TicketIdKind.Close, number);

    public static string CloseReason(int number) => Make(TicketIdKind.CloseReason, number);

    public static string RunCheck(int number) => Make(TicketIdKind.RunCheck, number);

    /// <summary>
    /// "Run the check again" beside the card's <paramref name="section"/>-th check: the same action, told apart only
    /// because Discord wants every custom_id in a message to differ.
    /// </summary>
    public static string RunCheck(int number, int section) => Make(TicketIdKind.RunCheck, number, ComponentId.Token(section));

    public static string ConfirmFixed(int number) => Make(TicketIdKind.ConfirmFixed, number);

    public static string StillNeedHelp(int number) => Make(TicketIdKind.StillNeedHelp, number);

    public static string Rate(int number, int stars) => Make(TicketIdKind.Rate, number, ComponentId.Token(stars));

    public static TicketId? Parse(ComponentId? id)
    {
        if (id is null || id.Prefix != Prefix || id.Number(0) is not { } number || Words.Kind(id.Action) is not { } kind)
        {
            return null;
        }

        return kind switch
        {
            TicketIdKind.Rate => id.Args.Count == 2 && id.Number(1) is { } stars ? new TicketId(kind, number, stars) : null,
            TicketIdKind.RunCheck when id.Args.Count == 2 => id.Number(1) is not null ? new TicketId(kind, number) : null,
            _ => id.Args.Count == 1 ? new TicketId(kind, number) : null,
        };
    }

    public static TicketId? Parse(string? customId) => Parse(ComponentId.Parse(customId));

    internal static string Build(TicketId id) =>
        id.Kind == TicketIdKind.Rate ? Rate(id.Number, id.Stars) : Make(id.Kind, id.Number);

    private static string Make(TicketIdKind kind, int number, params IEnumerable<string> more) =>
        ComponentId.Build(Prefix, Words.Word(kind), [ComponentId.Token(number), .. more]);
}

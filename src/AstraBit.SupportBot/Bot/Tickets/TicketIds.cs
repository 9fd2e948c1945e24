using System.Globalization;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>What a ticket button or modal asks for.</summary>
public enum TicketIdKind
{
    Join,
    Claim,
    Unclaim,
    Close,
    CloseReason,
    RunCheck,
    KeySubmit,
    Rate,
}

/// <summary>A parsed "tk:…" custom id: the action, the ticket number and, for ratings, the stars.</summary>
public sealed record TicketId(TicketIdKind Kind, int Number, int Stars = 0);

/// <summary>
/// Custom ids of the ticket buttons and modals. They carry only the ticket number (and a rating's stars): everything
/// else is read from the store when clicked, so a button from before a restart still works.
/// </summary>
public static class TicketIds
{
    public const string Prefix = "tk:";
    public const string ReasonField = "reason";

    public static string Join(int number) => Make("join", number);

    public static string Claim(int number) => Make("claim", number);

    public static string Unclaim(int number) => Make("unclaim", number);

    public static string Close(int number) => Make("close", number);

    public static string CloseReason(int number) => Make("close-reason", number);

    public static string RunCheck(int number) => Make("check", number);

    public static string KeySubmit(int number) => Make("key", number);

    public static string Rate(int number, int stars) => Make("rate", number) + ":" + stars.ToString(CultureInfo.InvariantCulture);

    public static TicketId? Parse(string? customId)
    {
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = customId[Prefix.Length..].Split(':');
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        TicketIdKind? kind = parts[0] switch
        {
            "join" => TicketIdKind.Join,
            "claim" => TicketIdKind.Claim,
            "unclaim" => TicketIdKind.Unclaim,
            "close" => TicketIdKind.Close,
            "close-reason" => TicketIdKind.CloseReason,
            "check" => TicketIdKind.RunCheck,
            "key" => TicketIdKind.KeySubmit,
            "rate" => TicketIdKind.Rate,
            _ => null,
        };
        if (kind is not { } k)
        {
            return null;
        }

        if (k == TicketIdKind.Rate)
        {
            return parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var stars)
                ? new TicketId(k, number, stars)
                : null;
        }

        return parts.Length == 2 ? new TicketId(k, number) : null;
    }

    private static string Make(string action, int number) => Prefix + action + ":" + number.ToString(CultureInfo.InvariantCulture);
}

using System.Net;

namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>
/// Every failed Discord REST call, after rate-limit waits and 5xx retries. Callers branch on
/// <see cref="Code"/> (Discord's JSON error code), e.g. <see cref="DiscordErrorCodes.CannotSendMessagesToThisUser"/>.
/// </summary>
public sealed class DiscordRestException : Exception
{
    public DiscordRestException()
        : this(0, 0, "Discord REST call failed.", [], "", "")
    {
    }

    public DiscordRestException(string message)
        : this(0, 0, message, [], "", "")
    {
    }

    public DiscordRestException(string message, Exception innerException)
        : base(message, innerException)
    {
        DiscordMessage = message;
        Errors = [];
        Method = "";
        Route = "";
    }

    public DiscordRestException(HttpStatusCode httpStatus, int code, string discordMessage, IReadOnlyList<string> errors, string method, string route, Exception? innerException = null)
        : base(Describe(httpStatus, code, discordMessage, errors, method, route), innerException)
    {
        HttpStatus = httpStatus;
        Code = code;
        DiscordMessage = discordMessage;
        Errors = errors;
        Method = method;
        Route = route;
    }

    /// <summary>The HTTP status (e.g. 403), or 0 when no answer was received.</summary>
    public HttpStatusCode HttpStatus { get; }

    /// <summary>Discord's JSON error code (e.g. 50007), or 0 when the body had none.</summary>
    public int Code { get; }

    /// <summary>Discord's <c>message</c>.</summary>
    public string DiscordMessage { get; }

    /// <summary>For 50035 (invalid form body): the <c>errors</c> tree flattened to "path: message" lines.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>HTTP method of the failed call.</summary>
    public string Method { get; }

    /// <summary>Route template of the failed call (no ids or tokens), e.g. <c>/channels/{channel_id}/messages</c>.</summary>
    public string Route { get; }

    private static string Describe(HttpStatusCode status, int code, string message, IReadOnlyList<string> errors, string method, string route)
    {
        var text = $"Discord {method} {route} failed: HTTP {(int)status}, code {code}: {message}";
        return errors.Count == 0 ? text : text + " (" + string.Join("; ", errors) + ")";
    }
}

/// <summary>Discord JSON error codes the bot reacts to.</summary>
public static class DiscordErrorCodes
{
    public const int General = 0;
    public const int UnknownChannel = 10003;
    public const int UnknownMember = 10007;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int Unauthorized = 40001;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int CannotSendEmptyMessage = 50006;
    public const int CannotSendMessagesToThisUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidWebhookToken = 50027;
    public const int InvalidFormBody = 50035;
    public const int ThreadArchived = 50083;
    public const int ThreadLocked = 160005;
}

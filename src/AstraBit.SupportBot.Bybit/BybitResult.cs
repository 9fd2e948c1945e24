using System.Diagnostics.CodeAnalysis;

namespace AstraBit.SupportBot.Bybit;

/// <summary>The outcome of one Bybit call: data, or a classified error. Bybit and transport failures never throw.</summary>
/// <typeparam name="T">The result data.</typeparam>
public sealed record BybitResult<T>
{
    private BybitResult(T? data, BybitError? error, BybitRateLimit? rateLimit)
    {
        Data = data;
        Error = error;
        RateLimit = rateLimit;
    }

    /// <summary>True when Bybit answered retCode 0 and the result was readable.</summary>
    [MemberNotNullWhen(true, nameof(Data))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>The data when <see cref="Success"/>.</summary>
    public T? Data { get; }

    /// <summary>The error when not <see cref="Success"/>.</summary>
    public BybitError? Error { get; }

    /// <summary>The X-Bapi-Limit* headers of the (last) response, when present.</summary>
    public BybitRateLimit? RateLimit { get; }

    internal static BybitResult<T> Ok(T data, BybitRateLimit? rateLimit) => new(data, null, rateLimit);

    internal static BybitResult<T> Fail(BybitError error, BybitRateLimit? rateLimit = null) => new(default, error, rateLimit);
}

/// <summary>A classified failure.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="RetCode">Bybit's retCode when the failure came from a Bybit envelope.</param>
/// <param name="HttpStatus">The HTTP status when there was a response.</param>
/// <param name="Message">Bybit's retMsg or a description of the transport failure; never contains a secret.</param>
/// <param name="IsTransient">Whether trying again later may succeed.</param>
/// <param name="RetryAfter">How long to wait before coming back, when known.</param>
public sealed record BybitError(
    BybitErrorKind Kind,
    int? RetCode,
    int? HttpStatus,
    string Message,
    bool IsTransient,
    TimeSpan? RetryAfter = null);

/// <summary>Bybit's per-UID, per-endpoint rate-limit headers.</summary>
/// <param name="Limit">X-Bapi-Limit: requests allowed per window for this endpoint.</param>
/// <param name="Remaining">X-Bapi-Limit-Status: requests left in the window.</param>
/// <param name="ResetAt">X-Bapi-Limit-Reset-Timestamp: when the limit resets (just "now" when not exceeded).</param>
public sealed record BybitRateLimit(int? Limit, int? Remaining, DateTimeOffset? ResetAt);

/// <summary>Classification of Bybit and transport failures.</summary>
public enum BybitErrorKind
{
    /// <summary>A retCode or HTTP status this client does not classify.</summary>
    Unknown,
    /// <summary>10003: key unknown on this host (typo, deleted, wrong environment or regional site).</summary>
    InvalidKey,
    /// <summary>10004: signature rejected, almost always the wrong secret.</summary>
    SignatureRejected,
    /// <summary>10005: key lacks the permission for this endpoint.</summary>
    PermissionDenied,
    /// <summary>10006, retCode 429, HTTP 429, or HTTP 403 "access too frequent".</summary>
    RateLimited,
    /// <summary>10010: key bound to IPs that don't include the caller.</summary>
    IpNotAllowed,
    /// <summary>33004 / -2015: key expired.</summary>
    KeyExpired,
    /// <summary>10002 / -1: timestamp outside the receive window (clock skew or latency).</summary>
    TimestampRejected,
    /// <summary>10001: a request parameter was refused.</summary>
    ParameterError,
    /// <summary>10001 "accountType only support …", or HTTP 404 on an account-mode dependent endpoint.</summary>
    AccountModeMismatch,
    /// <summary>10007 or HTTP 401.</summary>
    AuthenticationFailed,
    /// <summary>10008, 10009, 10024, 10027: account or region restricted by Bybit.</summary>
    AccountRestricted,
    /// <summary>10028: the endpoint needs a unified trading account.</summary>
    UnifiedOnly,
    /// <summary>100028: the endpoint is for classic accounts only.</summary>
    ClassicOnly,
    /// <summary>HTTP 5xx, 10000, 10016.</summary>
    ServerError,
    /// <summary>10017 or HTTP 404 on other paths.</summary>
    RouteNotFound,
    /// <summary>HTTP 403 with an HTML body: Bybit refuses the caller's network location.</summary>
    GeoBlocked,
    /// <summary>DNS, connection refused, TLS: the host could not be reached.</summary>
    Unreachable,
    /// <summary>No answer within the configured timeout.</summary>
    Timeout,
    /// <summary>The response could not be read as a Bybit envelope, or retCode 0 came with a missing, partial or unparseable result.</summary>
    InvalidResponse,
    /// <summary>The response body was larger than <see cref="BybitClientOptions.MaxResponseBytes"/>; it was not read to the end.</summary>
    ResponseTooLarge,
    /// <summary>10032: the demo-trading service doesn't offer this endpoint.</summary>
    DemoNotSupported,
}

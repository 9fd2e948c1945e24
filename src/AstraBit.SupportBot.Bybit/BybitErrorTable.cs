using System.Collections.Frozen;
using System.Net;

namespace AstraBit.SupportBot.Bybit;

/// <summary>
/// The one place that classifies Bybit retCodes and HTTP statuses
/// (https://bybit-exchange.github.io/docs/v5/error).
/// </summary>
public static class BybitErrorTable
{
    /// <summary>A classification: the kind and whether trying again later may help.</summary>
    /// <param name="Kind">The error kind.</param>
    /// <param name="IsTransient">Whether a later retry may succeed.</param>
    public readonly record struct Entry(BybitErrorKind Kind, bool IsTransient);

    /// <summary>retCode → classification.</summary>
    public static FrozenDictionary<int, Entry> RetCodes { get; } = new Dictionary<int, Entry>
    {
        [-1] = new(BybitErrorKind.TimestampRejected, false),
        [-2015] = new(BybitErrorKind.KeyExpired, false),
        [429] = new(BybitErrorKind.RateLimited, true),
        [10000] = new(BybitErrorKind.ServerError, true),
        [10001] = new(BybitErrorKind.ParameterError, false),
        [10002] = new(BybitErrorKind.TimestampRejected, false),
        [10003] = new(BybitErrorKind.InvalidKey, false),
        [10004] = new(BybitErrorKind.SignatureRejected, false),
        [10005] = new(BybitErrorKind.PermissionDenied, false),
        [10006] = new(BybitErrorKind.RateLimited, true),
        [10007] = new(BybitErrorKind.AuthenticationFailed, false),
        [10008] = new(BybitErrorKind.AccountRestricted, false),
        [10009] = new(BybitErrorKind.AccountRestricted, false),
        [10010] = new(BybitErrorKind.IpNotAllowed, false),
        [10016] = new(BybitErrorKind.ServerError, true),
        [10017] = new(BybitErrorKind.RouteNotFound, false),
        [10024] = new(BybitErrorKind.AccountRestricted, false),
        [10027] = new(BybitErrorKind.AccountRestricted, false),
        [10028] = new(BybitErrorKind.UnifiedOnly, false),
        [10032] = new(BybitErrorKind.DemoNotSupported, false),
        [33004] = new(BybitErrorKind.KeyExpired, false),
        [100028] = new(BybitErrorKind.ClassicOnly, false),
    }.ToFrozenDictionary();

    /// <summary>Paths where HTTP 404 means "accountType/category does not fit the account mode".</summary>
    private static readonly FrozenSet<string> AccountModePaths = FrozenSet.ToFrozenSet(
        ["/v5/account/wallet-balance", "/v5/position/list", "/v5/asset/transfer/query-account-coins-balance"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Classifies a non-zero retCode; retMsg refines 10001.</summary>
    public static Entry Classify(int retCode, string? retMsg)
    {
        if (retCode == 10001 && retMsg is not null &&
            retMsg.Contains("accountType only support", StringComparison.OrdinalIgnoreCase))
        {
            return new(BybitErrorKind.AccountModeMismatch, false);
        }

        return RetCodes.TryGetValue(retCode, out var entry) ? entry : new(BybitErrorKind.Unknown, false);
    }

    /// <summary>Classifies a non-success HTTP status; the body decides between 403 flavours.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The start of the response body (may be empty).</param>
    /// <param name="path">The request path, e.g. /v5/account/wallet-balance.</param>
    public static Entry ClassifyHttp(HttpStatusCode status, string? body, string path)
    {
        var code = (int)status;
        return code switch
        {
            >= 500 => new(BybitErrorKind.ServerError, true),
            429 => new(BybitErrorKind.RateLimited, true),
            401 => new(BybitErrorKind.AuthenticationFailed, false),
            403 when body is not null && body.Contains("too frequent", StringComparison.OrdinalIgnoreCase)
                => new(BybitErrorKind.RateLimited, true),
            403 when body is not null && body.Contains("<html", StringComparison.OrdinalIgnoreCase)
                => new(BybitErrorKind.GeoBlocked, false),
            403 => new(BybitErrorKind.Unknown, false),
            404 when AccountModePaths.Contains(path) => new(BybitErrorKind.AccountModeMismatch, false),
            404 => new(BybitErrorKind.RouteNotFound, false),
            _ => new(BybitErrorKind.Unknown, false),
        };
    }
}

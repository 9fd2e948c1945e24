namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>
/// The read-only view of one Bybit account, through one API key, that the diagnostic needs.
/// Implemented outside Core over our Bybit client; tests use hand-written fakes.
/// Every method is a GET on Bybit; none may change the account.
/// </summary>
public interface IBybitAccountReader
{
    /// <summary>GET /v5/user/query-api: the key itself (validity, permissions, IP binding, expiry).</summary>
    Task<ReadResult<ApiKeyFacts>> GetApiKeyAsync(CancellationToken cancellationToken);

    /// <summary>GET /v5/account/info: unifiedMarginStatus and margin mode.</summary>
    Task<ReadResult<AccountFacts>> GetAccountAsync(CancellationToken cancellationToken);

    /// <summary>GET /v5/account/wallet-balance: UNIFIED for unified accounts, CONTRACT for classic ones.</summary>
    Task<ReadResult<WalletFacts>> GetDerivativesWalletAsync(bool unified, CancellationToken cancellationToken);

    /// <summary>GET /v5/asset/transfer/query-account-coins-balance?accountType=FUND. Often 10005 for keys without transfer permission, which is expected.</summary>
    Task<ReadResult<WalletFacts>> GetFundingWalletAsync(CancellationToken cancellationToken);

    /// <summary>GET /v5/position/list?category=linear&amp;symbol=S: one row in One-Way mode, two rows (positionIdx 1 and 2, any order) in Hedge Mode.</summary>
    Task<ReadResult<IReadOnlyList<PositionRow>>> GetLinearPositionsAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>GET /v5/position/list?category=linear&amp;settleCoin=C: only positions with a size above zero.</summary>
    Task<ReadResult<IReadOnlyList<PositionRow>>> GetOpenLinearPositionsAsync(string settleCoin, CancellationToken cancellationToken);

    /// <summary>GET /v5/system/status (public): Bybit's maintenance windows, planned, ongoing and past.</summary>
    Task<ReadResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceAsync(CancellationToken cancellationToken);
}

/// <summary>Makes a reader for one key on one Bybit host.</summary>
public interface IBybitAccountReaderFactory
{
    IBybitAccountReader Create(string apiKey, string apiSecret, Uri host);
}

/// <summary>A read either succeeded with a value or failed with a classified reason; outages are never an empty value.</summary>
public sealed record ReadResult<T>
{
    private ReadResult(T? value, ReadFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public ReadFailure? Failure { get; }

    public bool Success => Failure is null;

    public static ReadResult<T> Ok(T value) => new(value, null);

    public static ReadResult<T> Fail(ReadFailure failure) => new(default, failure);
}

/// <param name="Kind">What went wrong, classified.</param>
/// <param name="RetCode">Bybit's retCode when the failure came from a Bybit envelope.</param>
/// <param name="HttpStatus">The HTTP status when there was a response.</param>
/// <param name="Message">Bybit's retMsg or a description of the transport failure; never contains a secret.</param>
/// <param name="RetryAfter">When Bybit says when to come back (rate limits).</param>
public sealed record ReadFailure(ReadFailureKind Kind, int? RetCode, int? HttpStatus, string Message, TimeSpan? RetryAfter = null);

public enum ReadFailureKind
{
    /// <summary>10003: key unknown on this host (typo, deleted, wrong environment or regional site).</summary>
    InvalidKey,
    /// <summary>10004: signature rejected, almost always the wrong secret.</summary>
    SignatureRejected,
    /// <summary>33004 / -2015: key expired.</summary>
    KeyExpired,
    /// <summary>10010: key bound to IPs that don't include ours.</summary>
    IpNotAllowed,
    /// <summary>10005: key lacks the permission for this endpoint.</summary>
    PermissionDenied,
    /// <summary>10002 even after re-syncing with server time.</summary>
    TimestampRejected,
    /// <summary>10006, HTTP 429, or HTTP 403 "access too frequent".</summary>
    RateLimited,
    /// <summary>HTTP 403 with an HTML body: Bybit refuses the bot's own network location.</summary>
    GeoBlocked,
    /// <summary>DNS, connection refused, TLS: the host could not be reached.</summary>
    Unreachable,
    /// <summary>HTTP 5xx, 10000, 10016.</summary>
    ServerError,
    /// <summary>No answer within Bybit:Timeout.</summary>
    Timeout,
    /// <summary>10001 "accountType only support UNIFIED." or HTTP 404: endpoint/parameter doesn't fit the account mode.</summary>
    AccountModeMismatch,
    /// <summary>10007, 10008, 10009, 10024, 10027: the account or region is restricted by Bybit.</summary>
    AccountRestricted,
    /// <summary>
    /// Bybit answered, but the answer couldn't be read: not JSON, retCode 0 with a missing or partial result, a
    /// number that isn't one ("NaN", "1e400", 40 digits), or a body above Bybit:MaxResponseBytes. Says nothing
    /// about the key.
    /// </summary>
    Unreadable,
    /// <summary>10032: the demo-trading service doesn't offer this endpoint.</summary>
    NotOnDemo,
    /// <summary>Anything else.</summary>
    Other,
}

/// <param name="ApiKey">The key as Bybit echoes it (never the secret).</param>
/// <param name="ReadOnly">readOnly == 1.</param>
/// <param name="Permissions">The permissions object: group name → values, e.g. "Wallet" → ["Withdraw"].</param>
/// <param name="Ips">Bound IPs; ["*"] or empty means not bound.</param>
/// <param name="ExpiresAt">expiredAt, null when it is the epoch (no expiry).</param>
/// <param name="DeadlineDays">deadlineDay as Bybit sends it.</param>
/// <param name="IsUnified">uta == 1.</param>
/// <param name="IsMaster">isMaster.</param>
/// <param name="Type">1 personal, 2 connected to a third-party app.</param>
/// <param name="UserId">The account's UID (decides which accounts a partial maintenance affects).</param>
public sealed record ApiKeyFacts(
    string ApiKey,
    bool ReadOnly,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Permissions,
    IReadOnlyList<string> Ips,
    DateTimeOffset? ExpiresAt,
    int? DeadlineDays,
    bool IsUnified,
    bool IsMaster,
    int Type,
    long UserId = 0)
{
    public bool IsIpBound => Ips.Count > 0 && !(Ips.Count == 1 && Ips[0] == "*");
}

/// <param name="UnifiedMarginStatus">1 classic, 3/4 UTA 1.0, 5/6 UTA 2.0.</param>
/// <param name="MarginMode">ISOLATED_MARGIN, REGULAR_MARGIN or PORTFOLIO_MARGIN.</param>
/// <param name="IsMasterTrader">A copy-trading lead account.</param>
public sealed record AccountFacts(int UnifiedMarginStatus, string MarginMode, bool IsMasterTrader = false);

/// <param name="Title">Bybit's title of the maintenance.</param>
/// <param name="State">e.g. scheduled, ongoing, completed.</param>
/// <param name="Begin">Start, when given.</param>
/// <param name="End">Expected end while it lasts.</param>
/// <param name="UidSuffixes">UID endings affected; empty means every account.</param>
/// <param name="IsActive">Under way when it was read.</param>
public sealed record MaintenanceWindow(string Title, string State, DateTimeOffset? Begin, DateTimeOffset? End, IReadOnlyList<int> UidSuffixes, bool IsActive);

/// <param name="AccountType">UNIFIED, CONTRACT or FUND.</param>
/// <param name="TotalEquityUsd">Account-level totalEquity in USD; null where Bybit sends "" (classic accounts).</param>
/// <param name="Coins">Per-coin balances.</param>
public sealed record WalletFacts(string AccountType, decimal? TotalEquityUsd, IReadOnlyList<CoinBalance> Coins);

/// <param name="Coin">e.g. USDT.</param>
/// <param name="Equity">equity, when sent.</param>
/// <param name="WalletBalance">walletBalance, when sent.</param>
/// <param name="UsdValue">usdValue, when sent.</param>
public sealed record CoinBalance(string Coin, decimal? Equity, decimal? WalletBalance, decimal? UsdValue);

/// <param name="Symbol">e.g. BTCUSDT.</param>
/// <param name="PositionIdx">0 One-Way, 1 hedge buy side, 2 hedge sell side.</param>
/// <param name="Size">Position size; 0 when flat.</param>
/// <param name="Side">Buy, Sell or "" when flat.</param>
public sealed record PositionRow(string Symbol, int PositionIdx, decimal Size, string Side);

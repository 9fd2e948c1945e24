using System.Globalization;
using AstraBit.SupportBot.Bybit.Internal;

namespace AstraBit.SupportBot.Bybit;

/// <summary>Public market endpoints.</summary>
public sealed class BybitMarketClient
{
    private readonly BybitClient _client;

    internal BybitMarketClient(BybitClient client) => _client = client;

    /// <summary>
    /// Bybit's server time, with the measured offset to the local clock (which is also cached for signing).
    /// https://bybit-exchange.github.io/docs/v5/market/time — GET /v5/market/time (public).
    /// </summary>
    public Task<BybitResult<BybitServerTime>> GetServerTimeAsync(CancellationToken cancellationToken = default) =>
        _client.GetServerTimeCoreAsync(cancellationToken);
}

/// <summary>Public system endpoints.</summary>
public sealed class BybitSystemClient
{
    private readonly BybitClient _client;

    internal BybitSystemClient(BybitClient client) => _client = client;

    /// <summary>
    /// Planned and ongoing platform maintenance (public, no signature).
    /// https://bybit-exchange.github.io/docs/v5/system-status — GET /v5/system/status.
    /// </summary>
    public Task<BybitResult<IReadOnlyList<BybitMaintenance>>> GetStatusAsync(CancellationToken cancellationToken = default) =>
        _client.GetPublicAsync<WireSystemStatus, IReadOnlyList<BybitMaintenance>>(
            "v5/system/status",
            [],
            w => [.. (w.List ?? throw BybitWire.Missing("list")).Select(m => new BybitMaintenance(
                m.Id ?? "",
                m.Title ?? "",
                m.State ?? "",
                m.Begin is { } begin and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(begin) : null,
                m.End is { } end and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(end) : null,
                m.Href ?? "",
                m.UidSuffix ?? []))],
            cancellationToken);
}

/// <summary>User endpoints.</summary>
public sealed class BybitUserClient
{
    private readonly BybitClient _client;

    internal BybitUserClient(BybitClient client) => _client = client;

    /// <summary>
    /// Information about the calling key: permissions, IP binding, expiry, account mode. Any permission can call it.
    /// https://bybit-exchange.github.io/docs/v5/user/apikey-info — GET /v5/user/query-api (signed).
    /// </summary>
    public Task<BybitResult<ApiKeyInfo>> GetApiKeyInfoAsync(BybitCredentials credentials, CancellationToken cancellationToken = default) =>
        _client.GetSignedAsync<WireApiKeyInfo, ApiKeyInfo>("v5/user/query-api", [], credentials, Map, cancellationToken);

    private static ApiKeyInfo Map(WireApiKeyInfo w) => new(
        w.Id ?? "",
        w.Note ?? "",
        w.ApiKey ?? "",
        w.ReadOnly switch
        {
            0 => false,
            1 => true,
            null => throw Missing("readOnly"),
            { } other => throw BybitWire.OutOfDomain("readOnly", other, "0 or 1"),
        },
        (w.Permissions ?? throw Missing("permissions")).ToDictionary(
            p => p.Key,
            // A group Bybit lists is an array, empty when nothing is granted; null would read as "nothing granted".
            p => (IReadOnlyList<string>)(p.Value is { } values && !values.Contains(null!)
                ? values
                : throw BybitWire.OutOfDomain("permissions." + p.Key, p.Value is null ? "null" : "a list holding null", "a list of permission names")),
            StringComparer.Ordinal),
        w.Ips ?? throw Missing("ips"),
        w.Type ?? 0,
        w.DeadlineDay,
        ParseDate(w.ExpiredAt, epochIsNull: true),
        ParseDate(w.CreatedAt, epochIsNull: true),
        (w.Uta ?? throw Missing("uta")) == 1,
        w.Unified ?? 0,
        w.UserId ?? 0,
        w.IsMaster ?? false,
        w.ParentUid ?? "",
        w.VipLevel ?? "",
        w.KycLevel ?? "",
        w.KycRegion ?? "",
        w.RsaPublicKey ?? "");

    private static FormatException Missing(string field) => BybitWire.Missing(field);

    private static DateTimeOffset? ParseDate(string? text, bool epochIsNull)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        DateTimeOffset? value =
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        return epochIsNull && value is { } v && v.ToUnixTimeSeconds() <= 0 ? null : value;
    }
}

/// <summary>Account endpoints.</summary>
public sealed class BybitAccountClient
{
    private readonly BybitClient _client;

    internal BybitAccountClient(BybitClient client) => _client = client;

    /// <summary>
    /// Account mode (unifiedMarginStatus) and margin mode.
    /// https://bybit-exchange.github.io/docs/v5/account/account-info — GET /v5/account/info (signed).
    /// </summary>
    public Task<BybitResult<AccountInfo>> GetAccountInfoAsync(BybitCredentials credentials, CancellationToken cancellationToken = default) =>
        _client.GetSignedAsync<WireAccountInfo, AccountInfo>(
            "v5/account/info",
            [],
            credentials,
            w => new AccountInfo(
                w.UnifiedMarginStatus ?? throw BybitWire.Missing("unifiedMarginStatus"),
                w.MarginMode ?? "",
                w.IsMasterTrader ?? false,
                w.SpotHedgingStatus ?? "",
                w.UpdatedTime is { } ms and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null),
            cancellationToken);

    /// <summary>
    /// Wallet balance of one account type (UNIFIED for unified accounts, CONTRACT for classic ones); a type that
    /// doesn't fit the account mode fails with <see cref="BybitErrorKind.AccountModeMismatch"/>.
    /// https://bybit-exchange.github.io/docs/v5/account/wallet-balance — GET /v5/account/wallet-balance (signed).
    /// </summary>
    /// <param name="credentials">The key.</param>
    /// <param name="accountType">accountType.</param>
    /// <param name="coin">Optional coin filter, e.g. USDT (comma-separated for several).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<BybitResult<WalletBalance>> GetWalletBalanceAsync(
        BybitCredentials credentials,
        BybitAccountType accountType,
        string? coin = null,
        CancellationToken cancellationToken = default)
    {
        var query = BybitWire.AccountTypeQuery(accountType, coin);
        return _client.GetSignedAsync<WireWalletList, WalletBalance>(
            "v5/account/wallet-balance",
            query,
            credentials,
            w => Map(w, accountType),
            cancellationToken);
    }

    private static WalletBalance Map(WireWalletList list, BybitAccountType requested)
    {
        // Bybit always lists the requested account, even an empty one; no entry is a partial answer, not a zero balance.
        var w = list.List?.FirstOrDefault() ?? throw BybitWire.Missing("list[0]");

        return new WalletBalance(
            w.AccountType ?? BybitWire.AccountType(requested),
            w.TotalEquity,
            w.TotalWalletBalance,
            w.TotalMarginBalance,
            w.TotalAvailableBalance,
            w.TotalPerpUpl,
            w.TotalInitialMargin,
            w.TotalMaintenanceMargin,
            w.AccountImRate,
            w.AccountMmRate,
            [.. (w.Coin ?? []).Where(c => !string.IsNullOrEmpty(c.Coin)).Select(c => new WalletCoin(
                c.Coin!,
                c.Equity,
                c.UsdValue,
                c.WalletBalance,
                c.Locked,
                c.AvailableToWithdraw,
                c.UnrealisedPnl,
                c.CumRealisedPnl,
                c.TotalPositionIm,
                c.TotalOrderIm,
                c.Bonus))]);
    }
}

/// <summary>Position endpoints.</summary>
public sealed class BybitPositionClient
{
    private const int PageSize = 200;
    private const int MaxPages = 50;

    private readonly BybitClient _client;

    internal BybitPositionClient(BybitClient client) => _client = client;

    /// <summary>
    /// Positions, following nextPageCursor until the last page. With a symbol Bybit returns the symbol's rows
    /// even when flat (one row in One-Way mode, two rows positionIdx 1 and 2 in any order in Hedge Mode); with
    /// only a settle coin it returns positions whose size is above zero.
    /// https://bybit-exchange.github.io/docs/v5/position — GET /v5/position/list (signed).
    /// </summary>
    /// <param name="credentials">The key.</param>
    /// <param name="category">category.</param>
    /// <param name="symbol">symbol, e.g. BTCUSDT.</param>
    /// <param name="settleCoin">settleCoin, e.g. USDT.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<BybitResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(
        BybitCredentials credentials,
        BybitCategory category,
        string? symbol = null,
        string? settleCoin = null,
        CancellationToken cancellationToken = default)
    {
        var rows = new List<PositionInfo>();
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        BybitResult<Page>? page = null;
        for (var pageNumber = 0; pageNumber < MaxPages; pageNumber++)
        {
            List<KeyValuePair<string, string>> query = [new("category", BybitWire.Category(category))];
            if (!string.IsNullOrWhiteSpace(symbol))
            {
                query.Add(new("symbol", symbol.Trim().ToUpperInvariant()));
            }

            if (!string.IsNullOrWhiteSpace(settleCoin))
            {
                query.Add(new("settleCoin", settleCoin.Trim().ToUpperInvariant()));
            }

            query.Add(new("limit", PageSize.ToString(CultureInfo.InvariantCulture)));
            if (cursor is not null)
            {
                query.Add(new("cursor", cursor));
            }

            page = await _client.GetSignedAsync<WirePositionList, Page>(
                "v5/position/list", query, credentials, MapPage, cancellationToken).ConfigureAwait(false);
            if (!page.Success)
            {
                return BybitResult<IReadOnlyList<PositionInfo>>.Fail(page.Error, page.RateLimit);
            }

            rows.AddRange(page.Data.Rows);
            cursor = page.Data.NextCursor;
            if (string.IsNullOrEmpty(cursor) || page.Data.Rows.Count == 0)
            {
                return BybitResult<IReadOnlyList<PositionInfo>>.Ok(rows, page.RateLimit);
            }

            if (!seenCursors.Add(cursor))
            {
                break;
            }
        }

        return BybitResult<IReadOnlyList<PositionInfo>>.Fail(
            new BybitError(BybitErrorKind.InvalidResponse, 0, 200, "Position pages did not end (nextPageCursor kept coming back).", false),
            page?.RateLimit);
    }

    private static Page MapPage(WirePositionList w) => new(
        [.. (w.List ?? throw BybitWire.Missing("list")).Select(p => new PositionInfo(
            string.IsNullOrEmpty(p.Symbol) ? throw BybitWire.Missing("list[].symbol") : p.Symbol,
            p.PositionIdx switch
            {
                // 0 One-Way, 1 and 2 the two sides of Hedge Mode; anything else says nothing about the mode.
                0 or 1 or 2 => p.PositionIdx.Value,
                null => throw BybitWire.Missing("list[].positionIdx"),
                { } other => throw BybitWire.OutOfDomain("list[].positionIdx", other, "0, 1 or 2"),
            },
            p.Side ?? "",
            p.Size ?? 0m,
            p.AvgPrice,
            p.MarkPrice,
            p.PositionValue,
            p.Leverage,
            p.UnrealisedPnl,
            p.PositionStatus ?? ""))],
        w.NextPageCursor);

    private sealed record Page(IReadOnlyList<PositionInfo> Rows, string? NextCursor);
}

/// <summary>Asset endpoints.</summary>
public sealed class BybitAssetClient
{
    private readonly BybitClient _client;

    internal BybitAssetClient(BybitClient client) => _client = client;

    /// <summary>
    /// All coin balances of one account type, e.g. FUND for the Funding wallet. Keys without the Wallet
    /// "Account Transfer" permission may get <see cref="BybitErrorKind.PermissionDenied"/> (10005).
    /// https://bybit-exchange.github.io/docs/v5/asset/balance/all-balance —
    /// GET /v5/asset/transfer/query-account-coins-balance (signed).
    /// </summary>
    /// <param name="credentials">The key.</param>
    /// <param name="accountType">accountType.</param>
    /// <param name="coin">Optional coin filter (mandatory for UNIFIED), comma-separated.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<BybitResult<CoinsBalance>> GetAllCoinsBalanceAsync(
        BybitCredentials credentials,
        BybitAccountType accountType,
        string? coin = null,
        CancellationToken cancellationToken = default)
    {
        var query = BybitWire.AccountTypeQuery(accountType, coin);
        return _client.GetSignedAsync<WireCoinsBalance, CoinsBalance>(
            "v5/asset/transfer/query-account-coins-balance",
            query,
            credentials,
            w => new CoinsBalance(
                w.AccountType ?? BybitWire.AccountType(accountType),
                w.MemberId ?? "",
                [.. (w.Balance ?? throw BybitWire.Missing("balance")).Where(b => !string.IsNullOrEmpty(b.Coin)).Select(b =>
                    new CoinBalance(b.Coin!, b.WalletBalance, b.TransferBalance, b.Bonus))]),
            cancellationToken);
    }
}

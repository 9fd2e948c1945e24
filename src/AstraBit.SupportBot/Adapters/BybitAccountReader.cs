using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Core.Diagnostics;
using CoreCoin = AstraBit.SupportBot.Core.Diagnostics.CoinBalance;

namespace AstraBit.SupportBot.Adapters;

/// <summary>Makes Core's read seam out of our Bybit client: one client per host, credentials per reader.</summary>
public sealed class BybitAccountReaderFactory(IBybitClientFactory clients, TimeProvider timeProvider) : IBybitAccountReaderFactory
{
    public IBybitAccountReader Create(string apiKey, string apiSecret, Uri host) =>
        new BybitAccountReader(clients.Create(host), new BybitCredentials(apiKey, apiSecret), timeProvider);
}

/// <summary>
/// Translates Bybit's answers into the facts the diagnostic reasons about, and Bybit's error kinds into
/// Core's. It only ever calls the client's GET endpoints; the client has no other kind.
/// </summary>
internal sealed class BybitAccountReader(BybitClient client, BybitCredentials credentials, TimeProvider timeProvider) : IBybitAccountReader
{
    private static readonly HashSet<string> DollarCoins = new(StringComparer.OrdinalIgnoreCase) { "USDT", "USDC", "USD" };

    public async Task<ReadResult<ApiKeyFacts>> GetApiKeyAsync(CancellationToken cancellationToken) =>
        Map(await client.User.GetApiKeyInfoAsync(credentials, cancellationToken), key => new ApiKeyFacts(
            key.ApiKey,
            key.ReadOnly,
            key.Permissions,
            key.Ips,
            key.ExpiredAt,
            key.DeadlineDay,
            key.Uta,
            key.IsMaster,
            key.Type,
            key.UserId));

    public async Task<ReadResult<AccountFacts>> GetAccountAsync(CancellationToken cancellationToken) =>
        Map(await client.Account.GetAccountInfoAsync(credentials, cancellationToken), info =>
            new AccountFacts(info.UnifiedMarginStatus, info.MarginMode, info.IsMasterTrader));

    public async Task<ReadResult<WalletFacts>> GetDerivativesWalletAsync(bool unified, CancellationToken cancellationToken)
    {
        var type = unified ? BybitAccountType.Unified : BybitAccountType.Contract;
        return Map(await client.Account.GetWalletBalanceAsync(credentials, type, coin: null, cancellationToken), wallet =>
            new WalletFacts(
                wallet.AccountType,
                wallet.TotalEquity,
                [.. wallet.Coins.Select(c => new CoreCoin(c.Coin, c.Equity, c.WalletBalance, c.UsdValue))]));
    }

    public async Task<ReadResult<WalletFacts>> GetFundingWalletAsync(CancellationToken cancellationToken) =>
        Map(await client.Asset.GetAllCoinsBalanceAsync(credentials, BybitAccountType.Fund, coin: null, cancellationToken), funding =>
            new WalletFacts(
                funding.AccountType,
                null,
                // The Funding wallet reports no USD value; stablecoins count one for one, others are left unpriced.
                [.. funding.Balances.Select(b => new CoreCoin(b.Coin, b.WalletBalance, b.WalletBalance, DollarCoins.Contains(b.Coin) ? b.WalletBalance : null))]));

    public async Task<ReadResult<IReadOnlyList<PositionRow>>> GetLinearPositionsAsync(string symbol, CancellationToken cancellationToken) =>
        Map(await client.Position.GetPositionsAsync(credentials, BybitCategory.Linear, symbol, settleCoin: null, cancellationToken), ToRows);

    public async Task<ReadResult<IReadOnlyList<PositionRow>>> GetOpenLinearPositionsAsync(string settleCoin, CancellationToken cancellationToken) =>
        Map(await client.Position.GetPositionsAsync(credentials, BybitCategory.Linear, symbol: null, settleCoin, cancellationToken), ToRows);

    public async Task<ReadResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return Map(await client.System.GetStatusAsync(cancellationToken), list =>
            (IReadOnlyList<MaintenanceWindow>)[.. list.Select(m => new MaintenanceWindow(m.Title, m.State, m.Begin, m.End, m.UidSuffixes, m.IsActiveAt(now)))]);
    }

    private static IReadOnlyList<PositionRow> ToRows(IReadOnlyList<PositionInfo> positions) =>
        [.. positions.Select(p => new PositionRow(p.Symbol, p.PositionIdx, p.Size, p.Side))];

    private static ReadResult<TOut> Map<TIn, TOut>(BybitResult<TIn> result, Func<TIn, TOut> map) =>
        result.Success
            ? ReadResult<TOut>.Ok(map(result.Data))
            : ReadResult<TOut>.Fail(new ReadFailure(Kind(result.Error), result.Error.RetCode, result.Error.HttpStatus, result.Error.Message, result.Error.RetryAfter));

    internal static ReadFailureKind Kind(BybitError error) => error.Kind switch
    {
        BybitErrorKind.InvalidKey => ReadFailureKind.InvalidKey,
        BybitErrorKind.SignatureRejected => ReadFailureKind.SignatureRejected,
        BybitErrorKind.KeyExpired => ReadFailureKind.KeyExpired,
        BybitErrorKind.IpNotAllowed => ReadFailureKind.IpNotAllowed,
        BybitErrorKind.PermissionDenied => ReadFailureKind.PermissionDenied,
        BybitErrorKind.TimestampRejected => ReadFailureKind.TimestampRejected,
        BybitErrorKind.RateLimited => ReadFailureKind.RateLimited,
        BybitErrorKind.GeoBlocked => ReadFailureKind.GeoBlocked,
        BybitErrorKind.Unreachable => ReadFailureKind.Unreachable,
        BybitErrorKind.ServerError => ReadFailureKind.ServerError,
        BybitErrorKind.Timeout => ReadFailureKind.Timeout,
        BybitErrorKind.AccountModeMismatch or BybitErrorKind.UnifiedOnly or BybitErrorKind.ClassicOnly => ReadFailureKind.AccountModeMismatch,
        // 10007 means Bybit did not accept the key at all: for the member that is an invalid key.
        BybitErrorKind.AuthenticationFailed => ReadFailureKind.InvalidKey,
        BybitErrorKind.AccountRestricted => ReadFailureKind.AccountRestricted,
        BybitErrorKind.InvalidResponse or BybitErrorKind.ResponseTooLarge => ReadFailureKind.Unreadable,
        BybitErrorKind.DemoNotSupported => ReadFailureKind.NotOnDemo,
        _ => ReadFailureKind.Other,
    };
}

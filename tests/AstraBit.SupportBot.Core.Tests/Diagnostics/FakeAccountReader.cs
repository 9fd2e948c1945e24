using System.Collections.Concurrent;
using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

/// <summary>Scripted reader at Core's seam: records every call and can hold any call until the test releases it.</summary>
public sealed class FakeAccountReader : IBybitAccountReader, IBybitAccountReaderFactory
{
    public const string KeyCall = "query-api";
    public const string AccountCall = "account-info";
    public const string FundingCall = "funding";
    public const string OpenPositionsCall = "open-positions:USDT";
    public const string UnifiedWalletCall = "wallet:unified";
    public const string ClassicWalletCall = "wallet:classic";
    public const string MaintenanceCall = "system-status";

    private readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> startSignals = new();
    private readonly ConcurrentQueue<string> started = new();
    private readonly ConcurrentQueue<string> completed = new();

    public ReadResult<ApiKeyFacts> Key { get; set; } = ReadResult<ApiKeyFacts>.Ok(Facts.HealthyKey());

    public ReadResult<AccountFacts> Account { get; set; } = ReadResult<AccountFacts>.Ok(new AccountFacts(5, "REGULAR_MARGIN"));

    public ReadResult<WalletFacts> UnifiedWallet { get; set; } = ReadResult<WalletFacts>.Ok(Facts.UnifiedWallet(500m));

    public ReadResult<WalletFacts> ClassicWallet { get; set; } = ReadResult<WalletFacts>.Ok(Facts.ClassicWallet(500m));

    public ReadResult<WalletFacts> Funding { get; set; } = ReadResult<WalletFacts>.Fail(Facts.Failure(ReadFailureKind.PermissionDenied, 10005));

    public Dictionary<string, ReadResult<IReadOnlyList<PositionRow>>> Positions { get; } = new(StringComparer.Ordinal);

    public ReadResult<IReadOnlyList<PositionRow>> OpenPositions { get; set; } = ReadResult<IReadOnlyList<PositionRow>>.Ok([]);

    public ReadResult<IReadOnlyList<MaintenanceWindow>> Maintenance { get; set; } = ReadResult<IReadOnlyList<MaintenanceWindow>>.Ok([]);

    public IReadOnlyList<string> Started => [.. started];

    public IReadOnlyList<string> Completed => [.. completed];

    public (string ApiKey, string ApiSecret, Uri Host)? CreatedWith { get; private set; }

    public static string PositionsCall(string symbol) => "positions:" + symbol;

    /// <summary>Holds the named call until the returned source is completed.</summary>
    public TaskCompletionSource Hold(string call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gates[call] = gate;
        return gate;
    }

    /// <summary>Completes once the named call has started.</summary>
    public Task WhenStarted(string call) => StartSignal(call).Task;

    public IBybitAccountReader Create(string apiKey, string apiSecret, Uri host)
    {
        CreatedWith = (apiKey, apiSecret, host);
        return this;
    }

    public Task<ReadResult<ApiKeyFacts>> GetApiKeyAsync(CancellationToken cancellationToken) =>
        ServeAsync(KeyCall, () => Key, cancellationToken);

    public Task<ReadResult<AccountFacts>> GetAccountAsync(CancellationToken cancellationToken) =>
        ServeAsync(AccountCall, () => Account, cancellationToken);

    public Task<ReadResult<WalletFacts>> GetDerivativesWalletAsync(bool unified, CancellationToken cancellationToken) =>
        ServeAsync(unified ? UnifiedWalletCall : ClassicWalletCall, () => unified ? UnifiedWallet : ClassicWallet, cancellationToken);

    public Task<ReadResult<WalletFacts>> GetFundingWalletAsync(CancellationToken cancellationToken) =>
        ServeAsync(FundingCall, () => Funding, cancellationToken);

    public Task<ReadResult<IReadOnlyList<PositionRow>>> GetLinearPositionsAsync(string symbol, CancellationToken cancellationToken) =>
        ServeAsync(
            PositionsCall(symbol),
            () => Positions.TryGetValue(symbol, out var rows) ? rows : ReadResult<IReadOnlyList<PositionRow>>.Ok([Facts.OneWayRow(symbol)]),
            cancellationToken);

    public Task<ReadResult<IReadOnlyList<PositionRow>>> GetOpenLinearPositionsAsync(string settleCoin, CancellationToken cancellationToken) =>
        ServeAsync("open-positions:" + settleCoin, () => OpenPositions, cancellationToken);

    public Task<ReadResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceAsync(CancellationToken cancellationToken) =>
        ServeAsync(MaintenanceCall, () => Maintenance, cancellationToken);

    private TaskCompletionSource StartSignal(string call) =>
        startSignals.GetOrAdd(call, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task<T> ServeAsync<T>(string call, Func<T> result, CancellationToken cancellationToken)
    {
        started.Enqueue(call);
        StartSignal(call).TrySetResult();
        if (gates.TryGetValue(call, out var gate))
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        completed.Enqueue(call);
        return result();
    }
}

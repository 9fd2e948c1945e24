using AstraBit.SupportBot.Core.Telemetry;
using AstraBit.SupportBot.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>
/// Runs the key check: reads the account through one key, concurrently, and judges every check. The whole check
/// ends within Diagnostics:Deadline: reads still open then are abandoned and count as "no answer in time".
/// </summary>
public sealed partial class DiagnosticEngine(
    IBybitAccountReaderFactory readerFactory,
    IOptions<DiagnosticsOptions> options,
    TextCatalog catalog,
    TimeProvider timeProvider,
    ILogger<DiagnosticEngine> logger,
    SupportMetrics? metrics = null)
{
    private const string SettleCoin = "USDT";

    // Besides one position read per symbol: the clock measurement (only the first check on a host, counted
    // always), maintenance status, the key, the account, the Funding wallet, the derivatives wallet and the
    // open positions.
    private const int RequestsBesidesSymbols = 7;

    /// <summary>
    /// The most requests one check with <paramref name="symbolCount"/> symbols sends when Bybit answers every
    /// request the first time (a 10002 or a transient failure adds its retry).
    /// </summary>
    public static int RequestsFor(int symbolCount) => RequestsBesidesSymbols + Math.Max(0, symbolCount);

    public async Task<DiagnosticReport> RunAsync(DiagnosticRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var started = timeProvider.GetTimestamp();
        var checkedAt = timeProvider.GetUtcNow();
        var host = request.Host.AbsoluteUri.TrimEnd('/');
        var maskedKey = CredentialInput.MaskedKey(request.ApiKey);
        var symbols = ResolveSymbols(request.Symbols, settings.EffectiveSymbols);
        if (symbols.Count > DiagnosticsOptions.MaxSymbols)
        {
            throw new ArgumentException($"A check reads at most {DiagnosticsOptions.MaxSymbols} symbols; {symbols.Count} were given.", nameof(request));
        }

        LogStarting(logger, maskedKey, host, symbols.Count);

        AccountReadings readings;
        using (var deadline = new CancellationTokenSource(settings.Deadline, timeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token))
        {
            var reader = new DeadlineReader(readerFactory.Create(request.ApiKey, request.ApiSecret, request.Host), deadline.Token, settings.Deadline);
            readings = await ReadAsync(reader, symbols, linked.Token);
        }

        var now = timeProvider.GetUtcNow();
        readings = readings with { Key = DiagnosticEvaluation.KeyInDomain(readings.Key, now) };
        var evaluation = new DiagnosticEvaluation(new CheckTexts(catalog.For(request.Locale), request.Moments));
        var (checks, account) = evaluation.Evaluate(readings, host, maskedKey, settings, now);
        var verdict = DiagnosticReport.VerdictOf(checks);
        var duration = timeProvider.GetElapsedTime(started);
        var durationMs = (long)duration.TotalMilliseconds;
        metrics?.CheckFinished(verdict, checks, duration);

        LogFinished(logger, maskedKey, host, verdict, durationMs, string.Join(",", checks.Where(c => c.Status is CheckStatus.Fail or CheckStatus.Warn).Select(c => c.Id)));
        return new DiagnosticReport(verdict, host, maskedKey, account, checks, checkedAt, durationMs)
        {
            CouldNotRun = verdict == Verdict.Error ? evaluation.CouldNotRunReason(readings) : null,
            Retell = locale => new DiagnosticEvaluation(new CheckTexts(catalog.For(locale), request.Moments)).Evaluate(readings, host, maskedKey, settings, now).Checks,
        };
    }

    private async Task<AccountReadings> ReadAsync(DeadlineReader reader, IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        // Every read that doesn't depend on another starts at once; only the derivatives wallet waits for the account type.
        var keyTask = reader.Read(r => r.GetApiKeyAsync(cancellationToken));
        var accountTask = reader.Read(r => r.GetAccountAsync(cancellationToken));
        var fundingTask = reader.Read(r => r.GetFundingWalletAsync(cancellationToken));
        var maintenanceTask = reader.Read(r => r.GetMaintenanceAsync(cancellationToken));
        var symbolTasks = symbols.Select(s => (Symbol: s, Task: reader.Read(r => r.GetLinearPositionsAsync(s, cancellationToken)))).ToList();
        var openTask = reader.Read(r => r.GetOpenLinearPositionsAsync(SettleCoin, cancellationToken));
        var walletTask = ReadDerivativesWalletAsync(reader, keyTask, accountTask, cancellationToken);

        await Task.WhenAll(symbolTasks.Select(s => (Task)s.Task).Append(keyTask).Append(accountTask).Append(fundingTask).Append(maintenanceTask).Append(openTask).Append(walletTask));

        var key = await keyTask;
        var account = await accountTask;
        var funding = await fundingTask;
        var maintenance = await maintenanceTask;
        var open = await openTask;
        var (unified, wallet) = await walletTask;
        var positions = new List<SymbolPositions>(symbolTasks.Count);
        foreach (var (symbol, task) in symbolTasks)
        {
            positions.Add(new SymbolPositions(symbol, await task));
        }

        LogFailure("query-api", key.Failure);
        LogFailure("account-info", account.Failure);
        LogFailure("funding-wallet", funding.Failure);
        LogFailure("open-positions", open.Failure);
        LogFailure("system-status", maintenance.Failure);
        LogFailure("derivatives-wallet", wallet?.Failure);
        foreach (var symbol in positions)
        {
            LogFailure("positions:" + symbol.Symbol, symbol.Result.Failure);
        }

        return new AccountReadings(key, account, funding, positions, open, unified, wallet) { Maintenance = maintenance };
    }

    private static async Task<(bool? Unified, ReadResult<WalletFacts>? Wallet)> ReadDerivativesWalletAsync(
        DeadlineReader reader,
        Task<ReadResult<ApiKeyFacts>> keyTask,
        Task<ReadResult<AccountFacts>> accountTask,
        CancellationToken cancellationToken)
    {
        // account/info's unifiedMarginStatus decides; query-api's uta flag is the fallback when account/info fails.
        var account = await accountTask;
        bool? unified = account.Value is { } facts ? facts.UnifiedMarginStatus != 1 : null;
        if (unified is null)
        {
            var key = await keyTask;
            unified = key.Value?.IsUnified;
        }

        if (unified is not { } isUnified)
        {
            return (null, null);
        }

        return (isUnified, await reader.Read(r => r.GetDerivativesWalletAsync(isUnified, cancellationToken)));
    }

    private static List<string> ResolveSymbols(IReadOnlyList<string>? requested, IReadOnlyList<string> configured)
    {
        var source = requested is { Count: > 0 } ? requested : configured;
        return source
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Turns a read abandoned at the check's deadline into a timeout; a caller's cancellation still throws.</summary>
    private sealed class DeadlineReader(IBybitAccountReader inner, CancellationToken deadline, TimeSpan limit)
    {
        public async Task<ReadResult<T>> Read<T>(Func<IBybitAccountReader, Task<ReadResult<T>>> read)
        {
            try
            {
                return await read(inner);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return ReadResult<T>.Fail(new ReadFailure(
                    ReadFailureKind.Timeout, null, null, $"No complete answer within the check's deadline of {limit.TotalSeconds:0.#} s."));
            }
        }
    }

    private void LogFailure(string read, ReadFailure? failure)
    {
        if (failure is not null)
        {
            LogReadFailed(logger, read, failure.Kind, failure.RetCode, failure.HttpStatus);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key check starting for key {MaskedKey} on {Host} with {SymbolCount} symbols")]
    private static partial void LogStarting(ILogger logger, string maskedKey, string host, int symbolCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key check for key {MaskedKey} on {Host} finished with verdict {Verdict} in {DurationMs} ms; problems: {ProblemChecks}")]
    private static partial void LogFinished(ILogger logger, string maskedKey, string host, Verdict verdict, long durationMs, string problemChecks);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bybit read {Read} failed with {FailureKind} (retCode {RetCode}, HTTP {HttpStatus})")]
    private static partial void LogReadFailed(ILogger logger, string read, ReadFailureKind failureKind, int? retCode, int? httpStatus);
}

using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Limits;
using AstraBit.SupportBot.Core.Secrets;
using AstraBit.SupportBot.Core.Walkthrough;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot;

/// <summary>What came of asking for a key check from Discord.</summary>
public abstract record KeyCheckOutcome
{
    /// <summary>The check ran; the report says how it went (including "could not run").</summary>
    public sealed record Completed(DiagnosticReport Report, string RegionKey) : KeyCheckOutcome;

    /// <summary>The check did not run: a limit, an unknown region, or no remembered key. The message is for the member.</summary>
    public sealed record Refused(string Message, TimeSpan RetryAfter) : KeyCheckOutcome;
}

/// <summary>
/// Every key check started from Discord goes through here: the member's cooldown, the bot-wide Bybit
/// request budget, the region's host, the check itself, and the history entry (verdict and statuses,
/// never the secret). Used by /diagnose, the walkthrough's "Check it now" and moderator requests alike.
/// </summary>
public sealed partial class KeyCheckService(
    DiagnosticEngine engine,
    CheckCooldown cooldown,
    BybitRequestBudget budget,
    KeyMemory memory,
    ICheckHistoryStore history,
    IOptions<BybitClientOptions> bybit,
    ILogger<KeyCheckService> logger)
{
    public const string DefaultRegion = "mainnet";

    /// <summary>Checks the key the member just typed.</summary>
    public async Task<KeyCheckOutcome> RunAsync(ulong userId, Credentials credentials, string? regionKey, CancellationToken cancellationToken)
    {
        var region = string.IsNullOrWhiteSpace(regionKey) ? DefaultRegion : regionKey;
        if (!BybitHosts.TryResolve(bybit.Value, region, out var host))
        {
            return new KeyCheckOutcome.Refused(
                $"I don't know the Bybit site \"{region}\". Choose your site again under \"Where is your Bybit account?\".",
                TimeSpan.Zero);
        }

        var allowed = cooldown.TryBegin(userId);
        if (!allowed.Allowed)
        {
            return new KeyCheckOutcome.Refused(allowed.Message ?? "Please wait a moment before the next check.", allowed.RetryAfter);
        }

        var budgeted = await budget.AcquireAsync(budget.RequestsPerCheck, cancellationToken);
        if (!budgeted.Allowed)
        {
            cooldown.Cancel(userId);
            LogBudgetRefused(logger, userId, budgeted.RetryAfter);
            return new KeyCheckOutcome.Refused(budgeted.Message ?? "The bot is busy; please try again shortly.", budgeted.RetryAfter);
        }

        var report = await engine.RunAsync(new DiagnosticRequest(credentials.ApiKey, credentials.ApiSecret, host), cancellationToken);
        await history.AddAsync(CheckHistoryEntry.From(userId, report, region), cancellationToken);
        return new KeyCheckOutcome.Completed(report, region);
    }

    /// <summary>Checks the key the member entered a few minutes ago, if it is still remembered (Diagnostics:KeyMemory).</summary>
    public Task<KeyCheckOutcome>? TryRunRememberedAsync(ulong userId, string? regionKey, CancellationToken cancellationToken)
    {
        if (!memory.TryGet(userId, out var remembered))
        {
            return null;
        }

        Credentials credentials;
        try
        {
            credentials = remembered.Use(c => c);
        }
        catch (InvalidOperationException)
        {
            // Wiped between TryGet and Use: the same as not remembered.
            return null;
        }

        return RunAsync(userId, credentials, regionKey, cancellationToken);
    }

    /// <summary>Keeps the key for "Check it now" for Diagnostics:KeyMemory (nothing when that is 0).</summary>
    public bool Remember(ulong userId, Credentials credentials) => memory.Remember(userId, credentials);

    public bool Forget(ulong userId) => memory.Forget(userId);

    public bool IsRemembered(ulong userId) => memory.Has(userId);

    public bool RemembersKeys => memory.IsEnabled;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key check for member {UserId} refused by the Bybit request budget; retry after {RetryAfter}")]
    private static partial void LogBudgetRefused(ILogger logger, ulong userId, TimeSpan retryAfter);
}

using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Limits;
using AstraBit.SupportBot.Core.Secrets;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.KeyChecks;

/// <summary>
/// The one way a member's key is checked, whatever asked for it (<see cref="KeyCheckOrigin"/>): the remembered key when
/// none was typed, the member's Bybit site (carried by the request), their cooldown, the bot-wide Bybit request
/// budget, the check itself, the history entry (verdict and statuses, never the secret), whether to keep the key for "Check it now", and what the
/// result means for the member's ticket.
/// </summary>
public sealed partial class KeyCheckService(
    DiagnosticEngine engine,
    CheckCooldown cooldown,
    BybitRequestBudget budget,
    KeyMemory memory,
    ICheckHistoryStore history,
    ITicketOutbox outbox,
    WalkthroughEngine walkthrough,
    IBybitSites sites,
    IOptions<DiagnosticsOptions> options,
    ILogger<KeyCheckService> logger)
{
    /// <summary>The site checked when the member never chose one in the walkthrough.</summary>
    public const string DefaultRegion = "mainnet";

    public async Task<KeyCheckResult> RunAsync(KeyCheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var memberId = request.MemberId;
        var credentials = request.Credentials ?? Remembered(memberId);
        if (credentials is null)
        {
            return new KeyCheckResult.KeyNotRemembered();
        }

        var region = string.IsNullOrWhiteSpace(request.Site) ? DefaultRegion : request.Site;
        if (!sites.TryResolve(region, out var host))
        {
            return new KeyCheckResult.Refused(
                $"I don't know the Bybit site \"{region}\". Choose your site again under \"Where is your Bybit account?\".",
                TimeSpan.Zero);
        }

        var allowed = cooldown.TryBegin(memberId);
        if (!allowed.Allowed)
        {
            return new KeyCheckResult.Refused(allowed.Message ?? "Please wait a moment before the next check.", allowed.RetryAfter);
        }

        var budgeted = await budget.AcquireAsync(budget.RequestsPerCheck, cancellationToken);
        if (!budgeted.Allowed)
        {
            cooldown.Cancel(memberId);
            LogBudgetRefused(logger, memberId, budgeted.RetryAfter);
            return new KeyCheckResult.Refused(budgeted.Message ?? "The bot is busy; please try again shortly.", budgeted.RetryAfter);
        }

        var report = await engine.RunAsync(new DiagnosticRequest(credentials.ApiKey, credentials.ApiSecret, host, Locale: request.Locale), cancellationToken);
        var ticket = await RecordAsync(memberId, report, region, Ticket(request.Origin, request.CardLocale is null ? report : report.InLocale(request.CardLocale), region, request.StoppedAt), cancellationToken);
        LogChecked(logger, memberId, report.ApiKey, request.Origin.GetType().Name, report.Verdict);

        var keptFor = request.Credentials is { } typed && Keep(memberId, typed, report) ? options.Value.KeyMemory : (TimeSpan?)null;
        return new KeyCheckResult.Completed(report, region, keptFor, ticket);
    }

    /// <summary>Whether a key is remembered for the member right now (the walkthrough shows "Check it now" without a form then).</summary>
    public bool IsRemembered(ulong memberId) => memory.Has(memberId);

    /// <summary>"Forget my key": wipes the remembered key now; false when none was held.</summary>
    public bool Forget(ulong memberId) => memory.Forget(memberId);

    /// <summary>
    /// PRODUCT §6: a failed check opens the member's ticket or goes into the open one, whoever asked for it. A re-check
    /// inside a ticket always goes into it; a moderator's request that didn't fail reaches staff all the same.
    /// </summary>
    private KeyCheckTicketDecision Ticket(KeyCheckOrigin origin, DiagnosticReport report, string region, string? stoppedAt)
    {
        var requestedBy = (origin as KeyCheckOrigin.ModeratorRequest)?.ModeratorId;
        if (origin is KeyCheckOrigin.InTicket)
        {
            return new KeyCheckTicketDecision(KeyCheckTicketAction.PostIntoOpenTicket, null, null);
        }

        if (Failed(origin, report))
        {
            var label = walkthrough.Guide.FindRegion(region)?.Label ?? region;
            return new KeyCheckTicketDecision(KeyCheckTicketAction.OpenOrAppend, TicketCard.FromReport(report, label, stoppedAt), requestedBy);
        }

        return requestedBy is null
            ? KeyCheckTicketDecision.None
            : new KeyCheckTicketDecision(KeyCheckTicketAction.PostIntoOpenTicketOrStaffChannel, null, requestedBy);
    }

    /// <summary>
    /// The history entry, and for a failure the promise of a ticket, in one durable write before anyone is shown the
    /// result: a crash after it still gets the member their ticket (the desk's outbox completes it at the next start).
    /// </summary>
    private async Task<KeyCheckTicketDecision> RecordAsync(ulong memberId, DiagnosticReport report, string region, KeyCheckTicketDecision ticket, CancellationToken cancellationToken)
    {
        var entry = CheckHistoryEntry.From(memberId, report, region);
        if (ticket is not { Action: KeyCheckTicketAction.OpenOrAppend, Card: { } card })
        {
            await history.AddAsync(entry, cancellationToken);
            return ticket;
        }

        var origin = ticket.RequestedBy is null ? TicketOrigin.CheckFailed : TicketOrigin.ModeratorRequest;
        var pending = await outbox.RecordCheckAsync(entry, new PendingTicket(0, memberId, origin, card, ticket.RequestedBy), cancellationToken);
        return ticket with { Pending = pending };
    }

    // A walkthrough step is judged on the checks it shows: a member at step 3 gets no ticket for the One-Way mode of step 5.
    private bool Failed(KeyCheckOrigin origin, DiagnosticReport report) =>
        report.Verdict == Verdict.Fail
        && (origin is not KeyCheckOrigin.WalkthroughStep step
            || CheckSummary.From(report, null, step.Position, walkthrough.ChecksAt(step.Position)).Verdict is not (Verdict.Pass or Verdict.Warn));

    // A key Bybit refused is not worth keeping: "Check it now" would only repeat the refusal instead of asking again.
    private bool Keep(ulong memberId, Credentials typed, DiagnosticReport report) =>
        report.Find(CheckIds.ApiKey)?.Status != CheckStatus.Fail && memory.Remember(memberId, typed);

    private Credentials? Remembered(ulong memberId)
    {
        if (!memory.TryGet(memberId, out var remembered))
        {
            return null;
        }

        try
        {
            return remembered.Use(c => c);
        }
        catch (InvalidOperationException)
        {
            // Wiped between TryGet and Use: the same as not remembered.
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key check for member {UserId} refused by the Bybit request budget; retry after {RetryAfter}")]
    private static partial void LogBudgetRefused(ILogger logger, ulong userId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key check for member {UserId} with key {MaskedKey} ({Origin}): {Verdict}")]
    private static partial void LogChecked(ILogger logger, ulong userId, string maskedKey, string origin, Verdict verdict);
}

using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.MemberHelp;
using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// One key check after its acknowledgement, in its own scope (<see cref="BackgroundChecks"/>): the member's progress read
/// once for the site and where they are, the check (Core's <see cref="KeyCheckService"/>), its result saved with the
/// in-flight record, the ticket rule and then the reminders carried out, then the presenter's answer; the record is removed
/// once the answer was delivered or could not be. A check that throws still answers the member.
/// </summary>
public sealed partial class KeyCheckRun<TOrigin>(
    KeyCheckPresenter<TOrigin> presenter,
    KeyCheckService checks,
    IWalkthroughStore progress,
    WalkthroughEngine walkthrough,
    ITicketDesk desk,
    KeyReminderService reminders,
    IInFlightCheckStore inFlight,
    SupportLanguages languages,
    WalkthroughProgressUpdater progressUpdater,
    ILogger<KeyCheckRun<TOrigin>> logger)
    where TOrigin : KeyCheckOrigin
{
    public async Task RunAsync(Interaction interaction, TOrigin origin, Credentials? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var memberId = interaction.User.Id;
        var name = presenter.Entry.Name;
        MessagePayload message;
        KeyCheckOutcome<TOrigin>? outcome = null;
        try
        {
            var resolved = presenter.Resolve(interaction, origin);
            var seen = presenter.ProgressAtCheck(interaction, resolved, await progress.GetAsync(memberId, cancellationToken));
            // The site chosen in the key form wins over the walkthrough's (a form opened before the form asked has none).
            var site = KeyModal.ReadSite(interaction.Modal) ?? seen?.RegionKey;
            var request = new KeyCheckRequest(memberId, resolved, credentials, site, seen is null ? null : walkthrough.Stuck(seen).Where, interaction.Locale, languages.StaffLocale);
            var result = await checks.RunAsync(request, cancellationToken);
            CheckTicketOutcome? ticket = null;
            if (result is KeyCheckResult.Completed completed)
            {
                await SaveResultAsync(interaction, completed);
                await RememberSiteAsync(memberId, KeyModal.ReadSite(interaction.Modal), seen);
                // The ticket before the reminders: applying the result to them waits for the reminders' gate, which
                // their due pass holds while it works, and the member's ticket must not wait behind that.
                if (completed.Ticket.Action != KeyCheckTicketAction.None)
                {
                    ticket = await TicketAsync(memberId, completed);
                }

                await RemindersAsync(memberId, completed);
            }

            outcome = new KeyCheckOutcome<TOrigin>(interaction, resolved, seen, result, ticket);
            message = await presenter.RenderAsync(outcome, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(logger, memberId, name, ex);
            outcome = null;
            message = new MessageBuilder().WithContent(Replies.SomethingWentWrong(languages.For(interaction)).Content).WithEphemeral().ClearComponents().Build();
        }

        try
        {
            await presenter.DeliverAsync(interaction, message, outcome, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            // Most likely the 15-minute token ran out while the check waited; nothing else can reach the member privately.
            LogDeliveryFailed(logger, memberId, name, ex.Code, ex.HttpStatus);
        }
        finally
        {
            // Stopped mid-delivery, the record stays for the next start to answer.
            if (!cancellationToken.IsCancellationRequested)
            {
                await ForgetAsync(interaction.Id, memberId);
            }
        }
    }

    // Saved before anything else can fail or take long (the ticket's Discord work): a restart from here on shows the member this result.
    private async Task SaveResultAsync(Interaction interaction, KeyCheckResult.Completed completed)
    {
        try
        {
            await inFlight.SetResultAsync(interaction.Id, completed.Report, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInFlightFailed(logger, interaction.User.Id, ex);
        }
    }

    private async Task ForgetAsync(ulong interactionId, ulong memberId)
    {
        try
        {
            await inFlight.RemoveAsync(interactionId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInFlightFailed(logger, memberId, ex);
        }
    }

    private async Task<CheckTicketOutcome?> TicketAsync(ulong memberId, KeyCheckResult.Completed completed)
    {
        try
        {
            // Not cancelled by shutdown: a ticket is either made whole (thread, card, staff notice) or not begun. What goes
            // to the ticket and the staff channel is read by staff: the report in their language.
            return await desk.TakeCheckAsync(memberId, completed with { Report = completed.Report.InLocale(languages.StaffLocale) }, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTicketFailed(logger, memberId, ex);
            return new CheckTicketOutcome(null, Posted: false, Failed: true);
        }
    }

    /// <summary>
    /// The site the member picked in the key form becomes their walkthrough's, so the guide's "Where is your Bybit
    /// account?" and later checks (a "Check it now", a ticket's re-check) use it. Only a member who has walkthrough
    /// progress gets it written: starting the walkthrough for them would count as a visit in the funnel.
    /// </summary>
    private async Task RememberSiteAsync(ulong memberId, string? picked, WalkthroughProgress? seen)
    {
        if (picked is null || seen is null || seen.RegionKey == picked)
        {
            return;
        }

        try
        {
            await progressUpdater.UpdateIfPresentAsync(memberId, current => walkthrough.ChooseRegion(current, picked) ?? current, CancellationToken.None);
            LogSiteRemembered(logger, memberId, picked);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSiteNotRemembered(logger, memberId, ex);
        }
    }

    /// <summary>A check showing the key gone (10003), expired or IP-bound ends its expiry reminders; a new date moves them.</summary>
    private async Task RemindersAsync(ulong memberId, KeyCheckResult.Completed completed)
    {
        if (ReminderIds.FindingOf(completed.Report) is not { } finding)
        {
            return;
        }

        try
        {
            var ended = await reminders.ApplyCheckAsync(memberId, completed.RegionKey, completed.Report.ApiKey, finding.Finding, finding.ExpiresAt, CancellationToken.None);
            if (ended > 0)
            {
                LogRemindersEnded(logger, memberId, completed.Report.ApiKey, finding.Finding.ToString());
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRemindersFailed(logger, memberId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {UserId}'s walkthrough now uses the Bybit site {Site} they picked in the key form")]
    private static partial void LogSiteRemembered(ILogger logger, ulong userId, string site);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the Bybit site member {UserId} picked in the key form to their walkthrough")]
    private static partial void LogSiteNotRemembered(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key-expiry reminders of member {UserId} for key {MaskedKey} ended: {Finding}")]
    private static partial void LogRemindersEnded(ILogger logger, ulong userId, string maskedKey, string finding);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not apply the key check of member {UserId} to their reminders")]
    private static partial void LogRemindersFailed(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Key check for member {UserId} ({Origin}) failed")]
    private static partial void LogCheckFailed(ILogger logger, ulong userId, string origin, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not take the key check of member {UserId} to their ticket")]
    private static partial void LogTicketFailed(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not update the in-flight record of member {UserId}'s key check")]
    private static partial void LogInFlightFailed(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer the key check of member {UserId} ({Origin}): Discord code {Code}, HTTP {Status}")]
    private static partial void LogDeliveryFailed(ILogger logger, ulong userId, string origin, int code, System.Net.HttpStatusCode status);
}

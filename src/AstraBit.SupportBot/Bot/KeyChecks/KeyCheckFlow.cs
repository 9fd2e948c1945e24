using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// The one way a key check runs from Discord, whatever started it: the key form, its input checked for paste mistakes
/// before anything is sent, the acknowledgement within Discord's 3 seconds, the check off the gateway's handler slots
/// (<see cref="BackgroundChecks"/>), the ticket rule carried out by the desk, and the answer. Only the answer differs by
/// origin (<see cref="KeyCheckAnswer"/>); a check that throws still answers the member. The secret lives only in the
/// interaction, the check and the key memory; it is never logged or put in a message.
/// </summary>
public sealed partial class KeyCheckFlow(DiscordRestClient rest, BackgroundChecks background, ILogger<KeyCheckFlow> logger)
{
    /// <summary>Opens the key form; its submit comes back to <see cref="KeyFormHandler"/> with <see cref="KeyFormId.For"/> of <paramref name="origin"/> as custom_id.</summary>
    public Task OpenFormAsync(Interaction interaction, KeyCheckOrigin origin, CancellationToken cancellationToken) =>
        rest.OpenModalAsync(interaction, KeyModal.Build(KeyFormId.For(origin).Build()), cancellationToken);

    /// <summary>The key form was submitted: refuses unusable input with what to fix, else acknowledges and checks in the background.</summary>
    public async Task SubmitAsync(Interaction interaction, KeyCheckAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(answer);
        var submit = interaction.Modal ?? throw new ArgumentException("Not a form submit.", nameof(interaction));
        var (key, secret) = KeyModal.Read(submit);
        var input = CredentialInput.Validate(key, secret);
        if (input.Credentials is not { } credentials)
        {
            LogInputRejected(logger, interaction.User.Id, answer.Name, string.Join(", ", input.Problems.Select(p => p.Field).Distinct()));
            await rest.RespondAsync(interaction, KeyModal.InputProblems(input.Problems, answer.TryAgain), cancellationToken);
            return;
        }

        await answer.AcknowledgeAsync(interaction, rest, cancellationToken);
        LogQueued(logger, interaction.User.Id, answer.Name, CredentialInput.MaskedKey(credentials.ApiKey));
        Start(interaction, answer, credentials);
    }

    /// <summary>Checks the key remembered for the member (the walkthrough's "Check it now" after a first check).</summary>
    public async Task RunRememberedAsync(Interaction interaction, KeyCheckAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(answer);
        await answer.AcknowledgeAsync(interaction, rest, cancellationToken);
        LogQueued(logger, interaction.User.Id, answer.Name, "(remembered)");
        Start(interaction, answer, credentials: null);
    }

    private void Start(Interaction interaction, KeyCheckAnswer answer, Credentials? credentials) =>
        background.Start(answer.Name + " check", (services, stopping) => RunAsync(interaction, answer, credentials, services, stopping));

    private static async Task RunAsync(Interaction interaction, KeyCheckAnswer answer, Credentials? credentials, IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<KeyCheckFlow>>();
        var memberId = interaction.User.Id;
        var context = new KeyCheckContext(interaction, services);
        MessagePayload message;
        CheckTicketOutcome? ticket = null;
        try
        {
            await answer.PrepareAsync(context, cancellationToken);
            var result = await services.GetRequiredService<KeyCheckService>().RunAsync(new KeyCheckRequest(memberId, answer.Origin(context), credentials), cancellationToken);
            if (result is KeyCheckResult.Completed checkedKey)
            {
                await RemindersAsync(memberId, checkedKey, services, logger);
            }

            if (result is KeyCheckResult.Completed { Ticket.Action: not KeyCheckTicketAction.None } completed)
            {
                ticket = await TicketAsync(memberId, completed, services, logger);
            }

            message = await answer.RenderAsync(context, result, ticket, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(logger, memberId, answer.Name, ex);
            message = new MessageBuilder().WithContent(Replies.SomethingWentWrong().Content).WithEphemeral().ClearComponents().Build();
        }

        try
        {
            await answer.DeliverAsync(context, message, ticket, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            // Most likely the 15-minute token ran out while the check waited; nothing else can reach the member privately.
            LogDeliveryFailed(logger, memberId, answer.Name, ex.Code, ex.HttpStatus);
        }
    }

    private static async Task<CheckTicketOutcome?> TicketAsync(ulong memberId, KeyCheckResult.Completed completed, IServiceProvider services, ILogger logger)
    {
        try
        {
            // Not cancelled by shutdown: a ticket is either made whole (thread, card, staff notice) or not begun.
            return await services.GetRequiredService<ITicketDesk>().TakeCheckAsync(memberId, completed, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTicketFailed(logger, memberId, ex);
            return new CheckTicketOutcome(null, Posted: false, Failed: true);
        }
    }

    /// <summary>A check showing the key gone (10003), expired or IP-bound ends its expiry reminders; a new date moves them.</summary>
    private static async Task RemindersAsync(ulong memberId, KeyCheckResult.Completed completed, IServiceProvider services, ILogger logger)
    {
        if (MemberHelp.ReminderIds.FindingOf(completed.Report) is not { } finding)
        {
            return;
        }

        try
        {
            var ended = await services.GetRequiredService<Core.Reminders.KeyReminderService>()
                .ApplyCheckAsync(memberId, completed.RegionKey, completed.Report.ApiKey, finding.Finding, finding.ExpiresAt, CancellationToken.None);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Key-expiry reminders of member {UserId} for key {MaskedKey} ended: {Finding}")]
    private static partial void LogRemindersEnded(ILogger logger, ulong userId, string maskedKey, string finding);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not apply the key check of member {UserId} to their reminders")]
    private static partial void LogRemindersFailed(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key form from member {UserId} ({Origin}) rejected before any request: {Fields}")]
    private static partial void LogInputRejected(ILogger logger, ulong userId, string origin, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key check for member {UserId} ({Origin}) with key {MaskedKey} acknowledged and queued")]
    private static partial void LogQueued(ILogger logger, ulong userId, string origin, string maskedKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Key check for member {UserId} ({Origin}) failed")]
    private static partial void LogCheckFailed(ILogger logger, ulong userId, string origin, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not take the key check of member {UserId} to their ticket")]
    private static partial void LogTicketFailed(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer the key check of member {UserId} ({Origin}): Discord code {Code}, HTTP {Status}")]
    private static partial void LogDeliveryFailed(ILogger logger, ulong userId, string origin, int code, System.Net.HttpStatusCode status);
}

/// <summary>The interaction a check answers and the services of the background scope it runs in.</summary>
public sealed record KeyCheckContext(Interaction Interaction, IServiceProvider Services)
{
    public ulong MemberId => Interaction.User.Id;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();
}

/// <summary>
/// How a check from one origin is answered. Everything before the answer is <see cref="KeyCheckFlow"/>'s; a new way into
/// the key check is a subclass here plus its case in <see cref="KeyCheckOrigin"/>, <see cref="KeyFormId"/> and <see cref="KeyFormHandler"/>.
/// </summary>
public abstract class KeyCheckAnswer
{
    /// <summary>For logs: "/diagnose", "walkthrough", "ticket", "requested", "panel".</summary>
    public abstract string Name { get; }

    /// <summary>How to open the form again, after input that can't be used, e.g. "Run `/diagnose` again".</summary>
    public abstract string TryAgain { get; }

    /// <summary>Where the check came from, read in the background scope right before it runs.</summary>
    public abstract KeyCheckOrigin Origin(KeyCheckContext context);

    /// <summary>Acknowledges the interaction within Discord's 3 seconds; by default a private "thinking" answer.</summary>
    public virtual Task AcknowledgeAsync(Interaction interaction, DiscordRestClient rest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rest);
        return rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
    }

    /// <summary>Runs in the background before the check, e.g. the walkthrough moves to the step being checked.</summary>
    public virtual Task PrepareAsync(KeyCheckContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The member's answer; <paramref name="ticket"/> says where the result went for staff, when it went anywhere.</summary>
    public abstract Task<MessagePayload> RenderAsync(KeyCheckContext context, KeyCheckResult result, CheckTicketOutcome? ticket, CancellationToken cancellationToken);

    /// <summary>Shows the answer; by default it replaces the "thinking" answer.</summary>
    public virtual async Task DeliverAsync(KeyCheckContext context, MessagePayload message, CheckTicketOutcome? ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Get<DiscordRestClient>().EditOriginalResponseAsync(context.Interaction, message, cancellationToken);
    }
}

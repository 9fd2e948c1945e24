using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Diagnose;

/// <summary>
/// `/diagnose`: opens the key modal; its submit is checked for paste mistakes before anything is sent, then
/// acknowledged at once (deferred, private) and the check runs in the background; the deferred answer is
/// edited with the result. The secret lives only in the interaction, the check and (for "Check it now") in
/// <see cref="Core.Secrets.KeyMemory"/>; it is never logged or put in a message.
/// </summary>
public sealed partial class DiagnoseHandler(
    DiscordRestClient rest,
    DiagnoseRunner runner,
    ILogger<DiagnoseHandler> logger) : IInteractionHandler
{
    /// <summary>The custom id of /diagnose's key modal.</summary>
    public const string KeyModalId = "dx:key";

    public bool CanHandle(Interaction interaction) =>
        interaction.Command is { Name: SupportCommands.Diagnose, CommandType: ApplicationCommandType.ChatInput }
        || interaction.Modal is { CustomId: KeyModalId };

    public Task HandleAsync(Interaction interaction, CancellationToken cancellationToken) =>
        interaction.Modal is { } submit
            ? SubmitAsync(interaction, submit, cancellationToken)
            : rest.OpenModalAsync(interaction, KeyModal.Build(KeyModalId), cancellationToken);

    private async Task SubmitAsync(Interaction interaction, ModalSubmitData submit, CancellationToken cancellationToken)
    {
        var (key, secret) = KeyModal.Read(submit);
        var input = CredentialInput.Validate(key, secret);
        if (input.Credentials is not { } credentials)
        {
            LogInputRejected(logger, interaction.User.Id, string.Join(", ", input.Problems.Select(p => p.Field).Distinct()));
            await rest.RespondAsync(interaction, KeyModal.InputProblems(input.Problems, "Run `/diagnose` again"), cancellationToken);
            return;
        }

        // Acknowledge before any slow work: Discord drops interactions not answered within 3 seconds.
        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        LogCheckQueued(logger, interaction.User.Id, CredentialInput.MaskedKey(credentials.ApiKey));
        runner.Start("/diagnose check", (services, stopping) => CheckAsync(interaction, credentials, services, stopping));
    }

    private static async Task CheckAsync(Interaction interaction, Credentials credentials, IServiceProvider services, CancellationToken cancellationToken)
    {
        var rest = services.GetRequiredService<DiscordRestClient>();
        var logger = services.GetRequiredService<ILogger<DiagnoseHandler>>();
        var userId = interaction.User.Id;
        MessagePayload answer;
        KeyCheckOutcome.Completed? completedCheck = null;
        WalkthroughProgress? progress = null;
        try
        {
            var checks = services.GetRequiredService<KeyCheckService>();
            progress = await services.GetRequiredService<IWalkthroughStore>().GetAsync(userId, cancellationToken);
            var outcome = await checks.RunAsync(userId, credentials, progress?.RegionKey, cancellationToken);
            completedCheck = outcome as KeyCheckOutcome.Completed;
            answer = outcome switch
            {
                KeyCheckOutcome.Completed completed => Completed(completed, credentials, userId, checks, services),
                KeyCheckOutcome.Refused refused => DiagnoseMessages.Refused(refused.Message),
                _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(logger, userId, ex);
            answer = new MessageBuilder().WithContent(Replies.SomethingWentWrong().Content).WithEphemeral().ClearComponents().Build();
        }

        try
        {
            await rest.EditOriginalResponseAsync(interaction, answer, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            // Most likely the 15-minute token ran out while the check waited; nothing else can reach the member privately.
            LogEditFailed(logger, userId, ex.Code, ex.HttpStatus);
        }

        if (completedCheck is not null)
        {
            // Not cancelled by shutdown: a ticket is either made whole (thread, card, staff notice) or not begun.
            await OpenTicketIfFailedAsync(interaction, completedCheck, progress, services, CancellationToken.None);
        }
    }

    /// <summary>A failed check opens the member's ticket (or goes into the open one); the member is told where in a private follow-up.</summary>
    private static async Task OpenTicketIfFailedAsync(Interaction interaction, KeyCheckOutcome.Completed completed, WalkthroughProgress? progress, IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<DiagnoseHandler>>();
        try
        {
            var stoppedAt = progress is null ? null : services.GetRequiredService<WalkthroughEngine>().Stuck(progress).Where;
            var ticket = await FailedCheckTickets.OpenIfFailedAsync(services, interaction.User.Id, completed.Report, completed.RegionKey, stoppedAt, cancellationToken);
            if (ticket is not null)
            {
                await services.GetRequiredService<DiscordRestClient>().CreateFollowupAsync(interaction, MessagePayload.Text(FailedCheckTickets.Told(ticket), ephemeral: true), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTicketFailed(logger, interaction.User.Id, ex);
        }
    }

    private static MessagePayload Completed(KeyCheckOutcome.Completed completed, Credentials credentials, ulong userId, KeyCheckService checks, IServiceProvider services)
    {
        var report = completed.Report;

        // A key Bybit refused is not worth keeping: "Check it now" would only repeat the refusal instead of asking again.
        var keep = report.Find(CheckIds.ApiKey)?.Status != CheckStatus.Fail && checks.Remember(userId, credentials);
        TimeSpan? keptFor = keep ? services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.KeyMemory : null;
        return DiagnoseMessages.Result(report, services.GetRequiredService<GuideContent>(), keptFor);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "/diagnose input from member {UserId} rejected before any request: {Fields}")]
    private static partial void LogInputRejected(ILogger logger, ulong userId, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "/diagnose check for member {UserId} with key {MaskedKey} acknowledged and queued")]
    private static partial void LogCheckQueued(ILogger logger, ulong userId, string maskedKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "/diagnose check for member {UserId} failed")]
    private static partial void LogCheckFailed(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not open or update the ticket for member {UserId} after a failed /diagnose check")]
    private static partial void LogTicketFailed(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post the /diagnose result for member {UserId}: Discord code {Code}, HTTP {Status}")]
    private static partial void LogEditFailed(ILogger logger, ulong userId, int code, System.Net.HttpStatusCode status);
}

using AstraBit.SupportBot.Bot.Diagnose;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>
/// The member's side of a moderator's request: "Run the check" opens the key modal; its submit is validated
/// before anything reaches Bybit, acknowledged at once, and the check runs in the background
/// (<see cref="DiagnoseRunner"/>) for the member's Bybit site. The member gets the full result; staff get it in the
/// member's open ticket or, without one, in the staff channel. A click with no pending request (an old prompt, or
/// after a restart) still runs the check for the member, but nothing goes to staff: nobody is waiting for it.
/// </summary>
public sealed partial class RequestedCheckHandler(
    DiscordRestClient rest,
    DiagnoseRunner runner,
    ILogger<RequestedCheckHandler> logger) : IInteractionHandler
{
    public const string RunButtonId = "mod:run";
    public const string KeyModalId = "mod:key";

    public bool CanHandle(Interaction interaction) =>
        interaction.Component is { CustomId: RunButtonId } || interaction.Modal is { CustomId: KeyModalId };

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
            await rest.RespondAsync(interaction, KeyModal.InputProblems(input.Problems, "Press **Run the check** again"), cancellationToken);
            return;
        }

        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        LogCheckQueued(logger, interaction.User.Id, CredentialInput.MaskedKey(credentials.ApiKey));
        runner.Start("requested check", (services, stopping) => CheckAsync(interaction, credentials, services, stopping));
    }

    private static async Task CheckAsync(Interaction interaction, Credentials credentials, IServiceProvider services, CancellationToken cancellationToken)
    {
        var rest = services.GetRequiredService<DiscordRestClient>();
        var logger = services.GetRequiredService<ILogger<RequestedCheckHandler>>();
        var memberId = interaction.User.Id;
        MessagePayload answer;
        try
        {
            var progress = await services.GetRequiredService<IWalkthroughStore>().GetAsync(memberId, cancellationToken);
            var outcome = await services.GetRequiredService<KeyCheckService>().RunAsync(memberId, credentials, progress?.RegionKey, cancellationToken);
            answer = outcome switch
            {
                KeyCheckOutcome.Completed completed => await CompletedAsync(memberId, completed, services, cancellationToken),

                // Refused (cooldown, budget, unknown site): the request stays pending so the member can try again.
                KeyCheckOutcome.Refused refused => DiagnoseMessages.Refused(refused.Message),
                _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(logger, memberId, ex);
            answer = new MessageBuilder().WithContent(Replies.SomethingWentWrong().Content).WithEphemeral().ClearComponents().Build();
        }

        try
        {
            await rest.EditOriginalResponseAsync(interaction, answer, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            LogEditFailed(logger, memberId, ex.Code, ex.HttpStatus);
        }
    }

    private static async Task<MessagePayload> CompletedAsync(ulong memberId, KeyCheckOutcome.Completed completed, IServiceProvider services, CancellationToken cancellationToken)
    {
        var guide = services.GetRequiredService<GuideContent>();
        var request = services.GetRequiredService<CheckRequests>().Take(memberId);
        if (request is not null)
        {
            await TellStaffAsync(memberId, request, completed, guide, services, cancellationToken);
        }
        else
        {
            LogNoPendingRequest(services.GetRequiredService<ILogger<RequestedCheckHandler>>(), memberId);
        }

        return ModerationMessages.Result(completed.Report, guide, request);
    }

    private static async Task TellStaffAsync(ulong memberId, CheckRequest request, KeyCheckOutcome.Completed completed, GuideContent guide, IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<RequestedCheckHandler>>();

        // Into the member's open ticket; without one, the staff channel gets the result.
        if (await services.GetRequiredService<ITicketDesk>().PostCheckAsync(memberId, completed.Report, completed.RegionKey, cancellationToken))
        {
            LogPostedToTicket(logger, memberId, request.ModeratorId);
            return;
        }

        var staffChannel = services.GetRequiredService<IOptions<SupportDiscordOptions>>().Value.StaffChannelId;
        await services.GetRequiredService<DiscordRestClient>().CreateMessageAsync(
            staffChannel,
            ModerationMessages.StaffNotice(memberId, request, completed.Report, completed.RegionKey, guide),
            cancellationToken);
        LogPostedToStaff(logger, memberId, request.ModeratorId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requested check input from member {UserId} rejected before any request: {Fields}")]
    private static partial void LogInputRejected(ILogger logger, ulong userId, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Requested check for member {UserId} with key {MaskedKey} acknowledged and queued")]
    private static partial void LogCheckQueued(ILogger logger, ulong userId, string maskedKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {UserId} ran the check with no pending request: the result goes to them only")]
    private static partial void LogNoPendingRequest(ILogger logger, ulong userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Requested check of member {UserId} (asked by {ModeratorId}) posted into their ticket")]
    private static partial void LogPostedToTicket(ILogger logger, ulong userId, ulong moderatorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Requested check of member {UserId} (asked by {ModeratorId}) posted in the staff channel")]
    private static partial void LogPostedToStaff(ILogger logger, ulong userId, ulong moderatorId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Requested check for member {UserId} failed")]
    private static partial void LogCheckFailed(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not post the requested check's result for member {UserId}: Discord code {Code}, HTTP {Status}")]
    private static partial void LogEditFailed(ILogger logger, ulong userId, int code, System.Net.HttpStatusCode status);
}

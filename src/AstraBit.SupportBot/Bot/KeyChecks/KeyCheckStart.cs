using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// The one way a key check starts from Discord, whatever started it: the submitted key form (<see cref="KeyFormHandler"/>)
/// or the remembered key, the form's input checked for paste mistakes before anything is sent, the acknowledgement within Discord's 3 seconds (the presenter's), the in-flight record that
/// lets a restarted bot answer the member (<see cref="InFlightCheckRecovery"/>), and the check itself handed to
/// <see cref="BackgroundChecks"/>, which runs <see cref="KeyCheckRun{TOrigin}"/> off the gateway's handler slots. The
/// secret lives only in the interaction, the check and the key memory; it is never logged, recorded or put in a message.
/// </summary>
public sealed partial class KeyCheckStart<TOrigin>(
    KeyCheckPresenter<TOrigin> presenter,
    DiscordRestClient rest,
    BackgroundChecks background,
    IInFlightCheckStore inFlight,
    SupportLanguages languages,
    TimeProvider clock,
    ILogger<KeyCheckStart<TOrigin>> logger)
    where TOrigin : KeyCheckOrigin
{
    /// <summary>The key form was submitted: refuses unusable input with what to fix, else acknowledges and checks in the background.</summary>
    public async Task SubmitAsync(Interaction interaction, TOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var submit = interaction.Modal ?? throw new ArgumentException("Not a form submit.", nameof(interaction));
        var (key, secret) = KeyModal.Read(submit);
        var input = CredentialInput.Validate(key, secret);
        if (input.Credentials is not { } credentials)
        {
            LogInputRejected(logger, interaction.User.Id, presenter.Entry.Name, string.Join(", ", input.Problems.Select(p => p.Field).Distinct()));
            await rest.RespondAsync(interaction, KeyModal.InputProblems(input.Problems, presenter.Entry, languages.For(interaction)), cancellationToken);
            return;
        }

        await BeginAsync(interaction, origin, credentials, CredentialInput.MaskedKey(credentials.ApiKey), cancellationToken);
    }

    /// <summary>Checks the key remembered for the member (the walkthrough's "Check it now" after a first check).</summary>
    public Task RunRememberedAsync(Interaction interaction, TOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return BeginAsync(interaction, origin, credentials: null, "(remembered)", cancellationToken);
    }

    private async Task BeginAsync(Interaction interaction, TOrigin origin, Credentials? credentials, string maskedKey, CancellationToken cancellationToken)
    {
        await presenter.AcknowledgeAsync(interaction, cancellationToken);
        var name = presenter.Entry.Name;
        try
        {
            await inFlight.AddAsync(
                new InFlightCheck(interaction.Id, interaction.ApplicationId, interaction.Token, interaction.TokenExpiresAt, interaction.User.Id, name, clock.GetUtcNow()),
                CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The check still runs and answers; only a crash before it does would leave this member without an answer.
            LogNotRecorded(logger, interaction.User.Id, name, ex);
        }

        LogQueued(logger, interaction.User.Id, name, maskedKey);
        background.Start<KeyCheckRun<TOrigin>>(name + " check", (run, stopping) => run.RunAsync(interaction, origin, credentials, stopping));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key form from member {UserId} ({Origin}) rejected before any request: {Fields}")]
    private static partial void LogInputRejected(ILogger logger, ulong userId, string origin, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key check for member {UserId} ({Origin}) with key {MaskedKey} acknowledged and queued")]
    private static partial void LogQueued(ILogger logger, ulong userId, string origin, string maskedKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the in-flight key check of member {UserId} ({Origin}); a restart before it is answered would leave it unanswered")]
    private static partial void LogNotRecorded(ILogger logger, ulong userId, string origin, Exception exception);
}

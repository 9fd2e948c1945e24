using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// At start, answers the key checks an earlier bot process acknowledged and never answered (it was killed or stopped
/// mid-check): each member's reply is edited once, while Discord still accepts its token, with the result when the
/// check had completed, else with word that it was interrupted and how to run it again. Every record an earlier process
/// left is removed, answered or expired; the checks this process starts are <see cref="KeyCheckRun{TOrigin}"/>'s.
/// </summary>
public sealed partial class InFlightCheckRecovery(
    IInFlightCheckStore inFlight,
    DiscordRestClient rest,
    LocalizedContent<GuideContent> guides,
    SupportLanguages languages,
    TimeProvider clock,
    ILogger<InFlightCheckRecovery> logger) : BackgroundService
{
    /// <summary>An edit this close to the token's end could reach Discord after it; the reply is left as it is then.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

    // Built with the host, before the gateway delivers anything: records from before this are an earlier process's.
    private readonly DateTimeOffset startedAt = clock.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<InFlightCheck> left;
        try
        {
            left = [.. (await inFlight.AllAsync(stoppingToken)).Where(c => c.RecordedAt < startedAt)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnreadable(logger, ex);
            return;
        }

        foreach (var check in left)
        {
            await AnswerAsync(check, stoppingToken);
        }

        if (left.Count > 0)
        {
            LogDone(logger, left.Count);
        }
    }

    private async Task AnswerAsync(InFlightCheck check, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() >= check.ExpiresAt - Margin)
        {
            LogExpired(logger, check.MemberId, check.Origin);
        }
        else
        {
            var entry = KeyCheckEntry.Find(check.Origin) ?? KeyCheckEntry.Command;
            try
            {
                // No interaction now: the member's language as last seen.
                var texts = await languages.ForMemberAsync(check.MemberId, cancellationToken);
                var answer = check.Result is { } report ? KeyCheckMessages.Recovered(report, guides.For(texts.Locale), texts) : KeyCheckMessages.Interrupted(entry, texts);
                await rest.EditOriginalResponseAsync(check.ApplicationId, check.Token, answer, cancellationToken);
                LogAnswered(logger, check.MemberId, check.Origin, check.Result is not null);
            }
            catch (DiscordRestException ex)
            {
                // Gone or expired on Discord's side (10015, 50027): nothing else can reach the reply.
                LogNotAnswered(logger, check.MemberId, check.Origin, ex.Code, ex.HttpStatus);
            }
        }

        try
        {
            await inFlight.RemoveAsync(check.InteractionId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left for the next start, which answers it again only while its token works.
            LogNotRemoved(logger, check.MemberId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key checks left by the last run: all {Count} answered or expired and removed")]
    private static partial void LogDone(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not remove the answered key check of member {UserId} left by the last run")]
    private static partial void LogNotRemoved(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the key checks in flight before the restart; their members' replies stay as they were")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key check of member {UserId} ({Origin}) left by the last run is past its 15 minutes; not answered")]
    private static partial void LogExpired(ILogger logger, ulong userId, string origin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key check of member {UserId} ({Origin}) left by the last run answered; with its result: {WithResult}")]
    private static partial void LogAnswered(ILogger logger, ulong userId, string origin, bool withResult);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer the key check of member {UserId} ({Origin}) left by the last run: Discord code {Code}, HTTP {Status}")]
    private static partial void LogNotAnswered(ILogger logger, ulong userId, string origin, int code, System.Net.HttpStatusCode status);
}

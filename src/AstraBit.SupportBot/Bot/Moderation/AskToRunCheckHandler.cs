using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>
/// `/diagnose-user member:` and the user command "Ask to run Bybit check": for moderators and staff, checked
/// here on every use. Records the request, DMs the member a prompt naming who asked with a "Run the check"
/// button, writes the audit entry, and shows the moderator the member's latest checks (masked key, never a secret).
/// </summary>
public sealed partial class AskToRunCheckHandler(
    DiscordRestClient rest,
    SupportRoles roles,
    CheckRequests requests,
    ICheckHistoryStore history,
    IAuditLog audit,
    SupportLanguages languages,
    ILogger<AskToRunCheckHandler> logger) : ICommandHandler
{
    public const string MemberOption = "member";

    public IReadOnlyList<string> Commands { get; } = [SupportCommands.DiagnoseUser, SupportCommands.AskToRunCheck];

    public async Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(command);
        var moderator = interaction.User;

        // The moderator reads their own language; the member's DM is in the member's, as last seen.
        var reader = languages.For(interaction);
        var rights = await roles.OfAsync(interaction, cancellationToken);
        if (!rights.CanModerate)
        {
            LogRefused(logger, moderator.Id, command.Name);
            await rest.RespondAsync(interaction, ModerationMessages.Refused(reader), cancellationToken);
            return;
        }

        var targetId = command.CommandType == ApplicationCommandType.User ? command.TargetId : command.GetOption(MemberOption)?.AsSnowflake();
        if (targetId is not { } memberId || command.GetResolvedUser(memberId) is not { } member)
        {
            await rest.RespondAsync(interaction, ModerationMessages.NoMember(reader), cancellationToken);
            return;
        }

        if (member.IsBot)
        {
            await rest.RespondAsync(interaction, ModerationMessages.TargetIsBot(member, reader), cancellationToken);
            return;
        }

        if (member.Id == moderator.Id)
        {
            await rest.RespondAsync(interaction, ModerationMessages.TargetIsSelf(reader), cancellationToken);
            return;
        }

        // A DM, a history read and an audit write can together pass Discord's 3 seconds: acknowledge first.
        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);

        var name = interaction.Member?.Nick ?? moderator.GlobalName ?? moderator.Username;
        var replaced = requests.Find(member.Id);
        var request = requests.Add(member.Id, moderator.Id, name);
        var delivered = await TryPromptAsync(request, cancellationToken);
        if (!delivered)
        {
            requests.Withdraw(request, replaced);
        }

        await audit.WriteAsync(
            new AuditEntry(
                moderator.Id,
                AuditActions.CheckRequested,
                member.Id,
                TicketNumber: null,
                delivered
                    ? $"Asked the member to run the Bybit key check ({Via(command)})."
                    : $"Asked the member to run the Bybit key check ({Via(command)}); their DMs are closed, so the prompt was not delivered.",
                request.RequestedAt),
            cancellationToken);
        LogRequested(logger, moderator.Id, member.Id, delivered);

        var recent = await history.RecentAsync(member.Id, ModerationMessages.RecentChecks, cancellationToken);
        await rest.EditOriginalResponseAsync(interaction, ModerationMessages.Requested(member, delivered, recent, reader), cancellationToken);
    }

    private async Task<bool> TryPromptAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var dm = await rest.CreateDmChannelAsync(request.MemberId, cancellationToken);
            var member = await languages.ForMemberAsync(request.MemberId, cancellationToken);
            await rest.CreateMessageAsync(dm.Id, ModerationMessages.Prompt(request.ModeratorName, member), cancellationToken);
            return true;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.CannotSendMessagesToThisUser)
        {
            LogDmsClosed(logger, request.MemberId);
            return false;
        }
    }

    // The audit entry names the way in as Discord shows it: the user command's name in quotes, or the slash command.
    private static string Via(ApplicationCommandData command) =>
        command.CommandType == ApplicationCommandType.User ? $"\"{SupportCommands.AskToRunCheck}\"" : "/" + SupportCommands.DiagnoseUser;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} refused for user {UserId}: not a moderator or staff")]
    private static partial void LogRefused(ILogger logger, ulong userId, string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderator {ModeratorId} asked member {MemberId} to run the key check; prompt delivered: {Delivered}")]
    private static partial void LogRequested(ILogger logger, ulong moderatorId, ulong memberId, bool delivered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} has closed DMs: the check prompt was not delivered")]
    private static partial void LogDmsClosed(ILogger logger, ulong memberId);
}

using System.Globalization;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Bot.Moderation;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.WorkingHours;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// The ticket desk's Discord side over the REST client: which channel, which message (<see cref="TicketMessages"/>),
/// which thread call. It decides nothing about tickets; scoped like the REST client it uses.
/// </summary>
public sealed partial class TicketDiscord(
    DiscordRestClient rest,
    GuideContent guide,
    SupportLanguages languages,
    IAuditLog audit,
    IOptions<SupportDiscordOptions> discord,
    IOptions<TicketOptions> options,
    ILogger<TicketDiscord> logger) : ITicketDiscord
{
    public string TranscriptChannel => TicketMessages.Channel(discord.Value.LogChannelId);

    public async Task<ulong> CreateThreadAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var name = $"ticket-{ticket.Number.ToString("0000", CultureInfo.InvariantCulture)}-{await MemberSlugAsync(ticket.MemberId, cancellationToken)}";
        var created = await rest.CreatePrivateThreadAsync(
            discord.Value.SupportChannelId,
            name,
            ThreadArchiveDuration.OneWeek,
            invitable: false,
            reason: AuditReason($"Support ticket {ticket.DisplayNumber}"),
            ct: cancellationToken);
        return created.Id;
    }

    public async Task PostOpeningAsync(Ticket ticket, StaffReturn? staffBack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var thread = Thread(ticket);
        // The intake form's answers are on the card, in the staff language.
        var member = await MemberAsync(ticket, cancellationToken);
        await rest.CreateMessageAsync(thread, TicketMessages.OpeningCard(ticket, languages.Staff, member), cancellationToken);
        await rest.CreateMessageAsync(thread, TicketMessages.Welcome(ticket, member, languages.Staff), cancellationToken);
        if (staffBack is { } back)
        {
            await rest.CreateMessageAsync(thread, TicketMessages.OutsideWorkingHours(ticket, back, member), cancellationToken);
        }
    }

    public Task AddToThreadAsync(ulong threadId, ulong userId, CancellationToken cancellationToken) =>
        rest.AddThreadMemberAsync(threadId, userId, cancellationToken);

    public async Task NotifyStaffAsync(Ticket ticket, ulong? requestedBy, CancellationToken cancellationToken) =>
        await rest.CreateMessageAsync(
            discord.Value.StaffChannelId,
            TicketMessages.StaffNotice(ticket, requestedBy, languages.Staff, await MemberAsync(ticket, cancellationToken), TicketIntakeMessages.TopicRole(ticket, options.Value)),
            cancellationToken);

    public async Task PostAppendedCardAsync(Ticket ticket, TicketCard card, TicketOrigin origin, CancellationToken cancellationToken) =>
        await rest.CreateMessageAsync(Thread(ticket), TicketMessages.AppendedCard(ticket, card, origin, languages.Staff, await MemberAsync(ticket, cancellationToken)), cancellationToken);

    public Task PostCheckAsync(ulong threadId, ulong memberId, DiagnosticReport report, CancellationToken cancellationToken) =>
        rest.CreateMessageAsync(threadId, TicketMessages.CheckInTicket(memberId, DiagnosticMessages.Render(report, guide, languages.Staff), languages.Staff), cancellationToken);

    public Task PostCheckToStaffAsync(ulong memberId, ulong moderatorId, DiagnosticReport report, string regionKey, CancellationToken cancellationToken) =>
        rest.CreateMessageAsync(discord.Value.StaffChannelId, ModerationMessages.StaffNotice(memberId, moderatorId, report, regionKey, guide, languages.Staff), cancellationToken);

    public async Task AnnounceClaimedAsync(Ticket ticket, ulong staffId, CancellationToken cancellationToken) =>
        await rest.CreateMessageAsync(Thread(ticket), TicketMessages.Claimed(staffId, ticket, await MemberAsync(ticket, cancellationToken)), cancellationToken);

    public async Task AnnounceUnclaimedAsync(Ticket ticket, ulong staffId, CancellationToken cancellationToken) =>
        await rest.CreateMessageAsync(Thread(ticket), TicketMessages.Unclaimed(staffId, ticket, await MemberAsync(ticket, cancellationToken)), cancellationToken);

    public async Task AskIsItFixedAsync(Ticket ticket, ulong staffId, CancellationToken cancellationToken) =>
        await rest.CreateMessageAsync(Thread(ticket), TicketMessages.IsItFixed(ticket, staffId, options.Value.CloseConfirmAfter, await MemberAsync(ticket, cancellationToken)), cancellationToken);

    public Task TellStillNeedsHelpAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.ClaimedBy is { } claimer && ticket.ThreadId is { } thread
            ? rest.CreateMessageAsync(thread, TicketMessages.StillNeedsHelp(ticket, claimer, languages.Staff), cancellationToken)
            : rest.CreateMessageAsync(discord.Value.StaffChannelId, TicketMessages.StillNeedsHelpUnclaimed(ticket, discord.Value.SupportRoleIds, languages.Staff), cancellationToken);
    }

    public async Task ReopenThreadAsync(Ticket reopened, ulong staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reopened);
        var thread = Thread(reopened);
        await rest.ModifyThreadAsync(thread, archived: false, locked: false, reason: AuditReason($"Ticket {reopened.DisplayNumber} reopened"), ct: cancellationToken);
        await rest.CreateMessageAsync(thread, TicketMessages.Reopened(staffId, reopened, await MemberAsync(reopened, cancellationToken), languages.Staff), cancellationToken);
    }

    public Task LogRatingAsync(Ticket rated, int stars, CancellationToken cancellationToken) =>
        rest.CreateMessageAsync(discord.Value.LogChannelId, TicketMessages.RatingLogged(rated, stars, languages.Staff), cancellationToken);

    public async Task AnnounceClosedAsync(Ticket closed, string nonce, CancellationToken cancellationToken) =>
        await rest.CreateMessageAsync(Thread(closed), TicketMessages.ClosedInThread(closed, await MemberAsync(closed, cancellationToken)).WithNonce(nonce), cancellationToken);

    public async Task AskForRatingAsync(Ticket closed, string nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);

        // No interaction here: the member's language as last seen, stored.
        var member = await MemberAsync(closed, cancellationToken);
        try
        {
            var dm = await rest.CreateDmChannelAsync(closed.MemberId, cancellationToken);
            await rest.CreateMessageAsync(dm.Id, TicketMessages.RatingPrompt(closed, member).WithNonce(nonce), cancellationToken);
            return;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.CannotSendMessagesToThisUser)
        {
            LogDmClosed(logger, closed.Number, closed.MemberId);
        }

        // DMs closed: ask in the thread before it is locked; the buttons keep working there.
        if (closed.ThreadId is { } thread)
        {
            await rest.CreateMessageAsync(thread, TicketMessages.RatingPrompt(closed, member).WithNonce(nonce), cancellationToken);
        }
    }

    public Task ArchiveThreadAsync(Ticket closed, CancellationToken cancellationToken) =>
        rest.ArchiveAndLockThreadAsync(Thread(closed), AuditReason($"Ticket {closed.DisplayNumber} closed: {closed.CloseReason}"), cancellationToken);

    public async Task PostTranscriptAsync(Ticket closed, string nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var transcript = await TicketTranscript.BuildAsync(rest, audit, closed, languages.Staff, cancellationToken);
        await rest.CreateMessageAsync(discord.Value.LogChannelId, TicketMessages.Transcript(closed, transcript, languages.Staff).WithNonce(nonce), cancellationToken);
    }

    public Task EscalateAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken) =>
        rest.CreateMessageAsync(discord.Value.StaffChannelId, TicketMessages.Escalation(ticket, discord.Value.SupportRoleIds, now, languages.Staff), cancellationToken);

    public async Task RemindAsync(Ticket ticket, CancellationToken cancellationToken) =>
        await rest.CreateMessageAsync(Thread(ticket), TicketMessages.Reminder(ticket, options.Value.AutoCloseAfter, await MemberAsync(ticket, cancellationToken)), cancellationToken);

    // What the thread says to the member, and a DM without an interaction: the member's last seen language.
    private Task<LocaleTexts> MemberAsync(Ticket ticket, CancellationToken cancellationToken) => languages.ForMemberAsync(ticket.MemberId, cancellationToken);

    private static ulong Thread(Ticket ticket) =>
        ticket.ThreadId ?? throw new InvalidOperationException($"Ticket {ticket.DisplayNumber} has no thread.");

    private async Task<string> MemberSlugAsync(ulong memberId, CancellationToken cancellationToken)
    {
        string? name;
        try
        {
            var member = await rest.GetGuildMemberAsync(discord.Value.GuildId, memberId, cancellationToken);
            name = member.User?.Username;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.UnknownMember)
        {
            name = null;
        }

        var slug = new string([.. (name ?? "").ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_').Take(32)]);
        return slug.Length == 0 ? "member" : slug;
    }

    // X-Audit-Log-Reason holds at most 512 characters.
    private static string AuditReason(string reason) => SecretGuard.Scrub(SafeText.Fit(reason, 500));

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} has DMs closed; the rating for ticket {Number} is asked in the thread")]
    private static partial void LogDmClosed(ILogger logger, int number, ulong memberId);
}

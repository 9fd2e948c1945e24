using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.WorkingHours;
using AstraBit.SupportBot.Discord.Models;
using Ids = AstraBit.SupportBot.Core.Text.TextIds;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// What the ticket desk posts, each in the language of who reads it (PRODUCT.md §12): <c>member</c> texts for what the
/// thread says to the member, <c>staff</c> texts (Support:StaffLocale) for the card, the staff channel, the staff
/// buttons and the log channel, <c>reader</c> texts for a private answer. Every message names people with mentions
/// that ping nobody, except the two that are meant to: the escalation of an unclaimed ticket (the support role) and
/// the reminder (the member). Nothing here ever receives a secret: cards hold a masked key only.
/// </summary>
public static class TicketMessages
{
    /// <summary>The first message in a new ticket after the card: hello to the member in their language, their button, and the staff buttons in the staff language.</summary>
    public static MessagePayload Welcome(Ticket ticket, LocaleTexts member, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(member);
        var runAgain = member.Get(Ids.TicketThread.RunAgainButton);
        return new MessageBuilder()
            .WithContent(member.Get(Ids.TicketThread.Welcome, ("member", Mention(ticket.MemberId)), ("ticket", ticket.DisplayNumber), ("button", runAgain)))
            .AddActionRow(Button.Create(ButtonStyle.Primary, TicketIds.RunCheck(ticket.Number), runAgain))
            .AddActionRow(StaffButtons(ticket.Number, staff))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>A ticket opened outside working hours: when staff are back, as Discord timestamps each reader sees in their own language and time zone.</summary>
    public static MessagePayload OutsideWorkingHours(Ticket ticket, StaffReturn back, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(back);
        ArgumentNullException.ThrowIfNull(member);
        var when = $"{Timestamp(back.At, "R")} ({Timestamp(back.At, "F")})";
        return Plain(member.Get(Ids.TicketThread.OutsideHours, ("back", when), ("ticket", ticket.DisplayNumber)));
    }

    /// <summary>The buttons staff use inside the thread, in the staff language.</summary>
    public static IEnumerable<MessageComponent> StaffButtons(int number, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return
        [
            Button.Create(ButtonStyle.Success, TicketIds.Claim(number), staff.Get(Ids.TicketStaff.ClaimButton)),
            Button.Create(ButtonStyle.Secondary, TicketIds.Unclaim(number), staff.Get(Ids.TicketStaff.UnclaimButton)),
            Button.Create(ButtonStyle.Danger, TicketIds.Close(number), staff.Get(Ids.TicketStaff.CloseButton)),
        ];
    }

    /// <summary>A card posted into a ticket that was already open (a new failure, "I'm stuck", a moderator's request), with "Run the check again" beside each check.</summary>
    public static MessagePayload AppendedCard(Ticket ticket, TicketCard card, TicketOrigin origin, LocaleTexts staff, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(staff);
        var heading = staff.Get(origin == TicketOrigin.Stuck ? Ids.TicketCard.Stuck : Ids.TicketCard.NewResult);
        var line = staff.Get(Ids.TicketCard.Appended, ("member", Mention(ticket.MemberId)), ("why", Why(origin, card, null, staff)));
        return TicketCardLayout.Build(line, ticket, card, heading, staff, member, runAgain: true, [], AllowedMentions.None);
    }

    /// <summary>The opening card in the thread (with the intake form's answers when the member filled it in), "Run the check again" beside each check.</summary>
    public static MessagePayload OpeningCard(Ticket ticket, LocaleTexts staff, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(staff);
        var line = staff.Get(Ids.TicketCard.Opening, ("ticket", ticket.DisplayNumber), ("member", Mention(ticket.MemberId)), ("why", Why(ticket.Origin, ticket.Card, null, staff)));
        return TicketCardLayout.Build(line, ticket, ticket.Card, staff.Get(Ids.TicketCard.Diagnosis), staff, member, runAgain: true, [], AllowedMentions.None);
    }

    /// <summary>A check the member ran inside the ticket, as the full report.</summary>
    public static MessagePayload CheckInTicket(ulong memberId, Embed report, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return new MessageBuilder()
            .WithContent(staff.Get(Ids.TicketCard.CheckInTicket, ("member", Mention(memberId))))
            .AddEmbed(report)
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>
    /// The notice in the staff channel: who, why, where, the card (the member isn't in this channel, so no "Run the
    /// check again"), with Join and Claim. It pings nobody but the role the intake form's topic names, if any; the
    /// escalation pings the support role.
    /// </summary>
    public static MessagePayload StaffNotice(Ticket ticket, ulong? requestedBy, LocaleTexts staff, LocaleTexts member, ulong? topicRole = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(staff);
        var thread = ticket.ThreadId is { } id ? $" · {Channel(id)}" : "";
        var line = staff.Get(
            Ids.TicketStaff.Notice,
            ("ticket", ticket.DisplayNumber),
            ("member", Mention(ticket.MemberId)),
            ("why", Why(ticket.Origin, ticket.Card, requestedBy, staff)),
            ("where", thread));
        var mentions = AllowedMentions.None;
        if (topicRole is { } role)
        {
            line = $"<@&{role.ToString(CultureInfo.InvariantCulture)}> {line}";
            mentions = AllowedMentions.ForRoles(role);
        }

        return TicketCardLayout.Build(line, ticket, ticket.Card, staff.Get(Ids.TicketCard.Diagnosis), staff, member, runAgain: false, [new ActionRow(JoinAndClaim(ticket.Number, staff))], mentions);
    }

    /// <summary>The support role pinged again for a ticket nobody claimed.</summary>
    public static MessagePayload Escalation(Ticket ticket, IReadOnlyList<ulong> supportRoles, DateTimeOffset now, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(supportRoles);
        ArgumentNullException.ThrowIfNull(staff);
        var thread = ticket.ThreadId is { } id ? $" ({Channel(id)})" : "";
        return new MessageBuilder()
            .WithContent(staff.Get(
                Ids.TicketStaff.Escalation,
                ("roles", Roles(supportRoles)),
                ("ticket", ticket.DisplayNumber),
                ("member", Mention(ticket.MemberId)),
                ("where", thread),
                ("duration", TicketTime.Duration(now - (ticket.ReopenedAt ?? ticket.OpenedAt), staff))))
            .AddActionRow(JoinAndClaim(ticket.Number, staff))
            .WithAllowedMentions(AllowedMentions.ForRoles(supportRoles))
            .Build();
    }

    /// <summary>The reminder to a member who hasn't answered staff; this one pings the member.</summary>
    public static MessagePayload Reminder(Ticket ticket, TimeSpan autoCloseAfter, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(member);
        return new MessageBuilder()
            .WithContent(member.Get(Ids.TicketThread.Reminder, ("member", Mention(ticket.MemberId)), ("duration", TicketTime.Duration(autoCloseAfter, member))))
            .WithAllowedMentions(AllowedMentions.ForUsers(ticket.MemberId))
            .Build();
    }

    public static MessagePayload Claimed(ulong staffId, Ticket ticket, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(member);
        return Plain(member.Get(Ids.TicketThread.Claimed, ("staff", Mention(staffId)), ("ticket", ticket.DisplayNumber)));
    }

    public static MessagePayload Unclaimed(ulong staffId, Ticket ticket, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(member);
        return Plain(member.Get(Ids.TicketThread.Unclaimed, ("staff", Mention(staffId)), ("ticket", ticket.DisplayNumber)));
    }

    public static MessagePayload Reopened(ulong staffId, Ticket ticket, LocaleTexts member, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(member);
        return new MessageBuilder()
            .WithContent(member.Get(Ids.TicketThread.Reopened, ("staff", Mention(staffId)), ("ticket", ticket.DisplayNumber)))
            .AddActionRow(Button.Create(ButtonStyle.Primary, TicketIds.RunCheck(ticket.Number), member.Get(Ids.TicketThread.RunAgainButton)))
            .AddActionRow(StaffButtons(ticket.Number, staff))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>"Is it fixed?" in the thread, to the member (pinged), with the three answers.</summary>
    public static MessagePayload IsItFixed(Ticket ticket, ulong staffId, TimeSpan confirmAfter, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(member);
        var runCheck = member.Get(Ids.TicketThread.RunCheckButton);
        return new MessageBuilder()
            .WithContent(member.Get(
                Ids.TicketThread.IsItFixed,
                ("member", Mention(ticket.MemberId)),
                ("staff", Mention(staffId)),
                ("button", runCheck),
                ("duration", TicketTime.Duration(confirmAfter, member))))
            .AddActionRow(
                Button.Create(ButtonStyle.Primary, TicketIds.RunCheck(ticket.Number), runCheck),
                Button.Create(ButtonStyle.Success, TicketIds.ConfirmFixed(ticket.Number), member.Get(Ids.TicketThread.ConfirmFixedButton)),
                Button.Create(ButtonStyle.Secondary, TicketIds.StillNeedHelp(ticket.Number), member.Get(Ids.TicketThread.StillNeedHelpButton)))
            .WithAllowedMentions(AllowedMentions.ForUsers(ticket.MemberId))
            .Build();
    }

    /// <summary>The member still needs help: the claimer is pinged in the thread.</summary>
    public static MessagePayload StillNeedsHelp(Ticket ticket, ulong claimerId, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(staff);
        return new MessageBuilder()
            .WithContent(staff.Get(Ids.TicketStaff.StillNeedsHelp, ("staff", Mention(claimerId)), ("member", Mention(ticket.MemberId)), ("ticket", ticket.DisplayNumber)))
            .WithAllowedMentions(AllowedMentions.ForUsers(claimerId))
            .Build();
    }

    /// <summary>The member still needs help and nobody has claimed the ticket: the support role hears it in the staff channel.</summary>
    public static MessagePayload StillNeedsHelpUnclaimed(Ticket ticket, IReadOnlyList<ulong> supportRoles, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(supportRoles);
        ArgumentNullException.ThrowIfNull(staff);
        var thread = ticket.ThreadId is { } id ? $" ({Channel(id)})" : "";
        return new MessageBuilder()
            .WithContent(staff.Get(
                Ids.TicketStaff.StillNeedsHelpUnclaimed,
                ("roles", Roles(supportRoles)),
                ("member", Mention(ticket.MemberId)),
                ("ticket", ticket.DisplayNumber),
                ("where", thread)))
            .AddActionRow(JoinAndClaim(ticket.Number, staff))
            .WithAllowedMentions(AllowedMentions.ForRoles(supportRoles))
            .Build();
    }

    /// <summary>/ticket view: the ticket as staff see it, with its staff notes (ephemeral: members never see notes).</summary>
    public static MessagePayload View(Ticket ticket, DateTimeOffset now, LocaleTexts reader)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(reader);
        var state = ticket switch
        {
            { IsClosed: true } => reader.Get(
                Ids.TicketDeskViews.StateClosed,
                ("ago", TicketTime.Ago(ticket.ClosedAt!.Value, now, reader)),
                ("outcome", ticket.Outcome is { } outcome ? OutcomeLabel(outcome, reader) : reader.Get(Ids.TicketLog.None))),
            { AwaitingConfirmation: true } => reader.Get(Ids.TicketDeskViews.StateAwaiting, ("ago", TicketTime.Ago(ticket.CloseRequestedAt!.Value, now, reader))),
            { State: TicketState.Claimed } => reader.Get(Ids.TicketDeskViews.StateClaimed, ("staff", Mention(ticket.ClaimedBy!.Value))),
            _ => reader.Get(Ids.TicketDeskViews.StateUnclaimed),
        };
        var none = reader.Get(Ids.TicketLog.None);
        var notes = ticket.Notes.Count == 0
            ? none
            : string.Join("\n", ticket.Notes.Select(n => $"{Timestamp(n.At, "R")} {Mention(n.AuthorId)}: {n.Text}"));
        var failing = ticket.AllCards.SelectMany(c => c.FailingCheckIds).Distinct(StringComparer.Ordinal).Select(id => $"`{id}`").ToList();
        var embed = new EmbedBuilder()
            .WithTitle(reader.Get(Ids.TicketDeskViews.ViewTitle, ("ticket", ticket.DisplayNumber)))
            .WithColor(Replies.BrandColor)
            .AddField(reader.Get(Ids.TicketCard.MemberField), Mention(ticket.MemberId), inline: true)
            .AddField(reader.Get(Ids.TicketLog.OpenedField), Timestamp(ticket.OpenedAt, "f"), inline: true)
            .AddField(reader.Get(Ids.TicketDeskViews.StateField), state, inline: true)
            .AddField(reader.Get(Ids.TicketDeskViews.WhyField), Why(ticket.Origin, ticket.Card, null, reader))
            .AddField(reader.Get(Ids.TicketLog.FailingField), failing.Count == 0 ? none : Shorten(string.Join(", ", failing), 1024))
            .AddField(reader.Get(Ids.TicketDeskViews.NotesField, ("count", reader.Number(ticket.Notes.Count))), Shorten(notes, 1024))
            .Build();
        return new MessageBuilder().AddEmbed(embed).WithEphemeral().WithAllowedMentions(AllowedMentions.None).Build();
    }

    /// <summary>The last message in the thread before it is locked, to the member.</summary>
    public static MessagePayload ClosedInThread(Ticket ticket, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(member);
        var outcome = ticket.Outcome is { } o ? $" ({OutcomeLabel(o, member)})" : "";
        return Plain(member.Get(
            Ids.TicketThread.Closed,
            ("ticket", ticket.DisplayNumber),
            ("by", ClosedBy(ticket, member)),
            ("reason", CloseReason(ticket.CloseReason, member) ?? member.Get(Ids.TicketThread.NoReason)),
            ("outcome", outcome)));
    }

    /// <summary>The 1–5 rating question with its five buttons, in the member's language.</summary>
    public static MessagePayload RatingPrompt(Ticket ticket, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(member);
        return new MessageBuilder()
            .WithContent(member.Get(Ids.TicketThread.RatingPrompt, ("ticket", ticket.DisplayNumber)))
            .AddActionRow(Enumerable.Range(1, 5).Select(stars => (MessageComponent)Button.Create(ButtonStyle.Secondary, TicketIds.Rate(ticket.Number, stars), Stars(stars))))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>The rating prompt once answered: the buttons go away.</summary>
    public static MessagePayload Rated(Ticket ticket, int stars, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(member);
        return new MessageBuilder()
            .WithContent(member.Get(Ids.TicketThread.Rated, ("ticket", ticket.DisplayNumber), ("stars", Stars(stars)), ("rating", member.Number(stars))))
            .ClearComponents()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>A rating as the log channel records it.</summary>
    public static MessagePayload RatingLogged(Ticket ticket, int stars, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(staff);
        return Plain(staff.Get(Ids.TicketStaff.RatingLogged, ("member", Mention(ticket.MemberId)), ("ticket", ticket.DisplayNumber), ("rating", staff.Number(stars))));
    }

    /// <summary>The summary and transcript file for the log channel: the outcome readable without opening the file.</summary>
    public static MessagePayload Transcript(Ticket ticket, HtmlTranscript transcript, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(staff);
        var none = staff.Get(Ids.TicketLog.None);
        var failing = ticket.AllCards.SelectMany(c => c.FailingCheckIds).Distinct(StringComparer.Ordinal).ToList();
        var embed = new EmbedBuilder()
            .WithTitle(staff.Get(Ids.TicketLog.Title, ("ticket", ticket.DisplayNumber)))
            .WithColor(Replies.BrandColor)
            .AddField(staff.Get(Ids.TicketCard.MemberField), Mention(ticket.MemberId), inline: true)
            .AddField(staff.Get(Ids.TicketLog.ClaimedByField), ticket.ClaimedBy is { } c ? Mention(c) : staff.Get(Ids.TicketLog.Nobody), inline: true)
            .AddField(staff.Get(Ids.TicketLog.ClosedByField), ClosedBy(ticket, staff), inline: true)
            .AddField(staff.Get(Ids.TicketLog.OpenedField), Timestamp(ticket.OpenedAt, "f"), inline: true)
            .AddField(staff.Get(Ids.TicketLog.ClosedField), ticket.ClosedAt is { } closed ? Timestamp(closed, "f") : staff.Get(Ids.TicketLog.NotYet), inline: true)
            .AddField(
                staff.Get(Ids.TicketLog.FirstReplyField),
                ticket.FirstStaffReplyAt is { } first ? staff.Get(Ids.TicketLog.AfterOpening, ("duration", TicketTime.Duration(first - ticket.OpenedAt, staff))) : none,
                inline: true)
            .AddField(staff.Get(Ids.TicketLog.OutcomeField), ticket.Outcome is { } outcome ? OutcomeLabel(outcome, staff) : none, inline: true)
            .AddField(staff.Get(Ids.TicketLog.ReasonField), Shorten(CloseReason(ticket.CloseReason, staff) ?? staff.Get(Ids.TicketLog.NoneGiven), 1024))
            .AddField(staff.Get(Ids.TicketLog.FailingField), failing.Count == 0 ? none : Shorten(string.Join(", ", failing.Select(id => $"`{id}`")), 1024))
            .AddField(staff.Get(Ids.TicketLog.TranscriptField), TranscriptCounts(transcript, staff))
            .WithFooter(staff.Get(Ids.TicketLog.Footer))
            .Build();
        return new MessageBuilder()
            .AddEmbed(embed)
            .AddFile(new FileUpload(transcript.FileName, transcript.Content, staff.Get(Ids.TicketLog.FileDescription, ("ticket", ticket.DisplayNumber)), HtmlTranscript.ContentType))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    private static string TranscriptCounts(HtmlTranscript transcript, LocaleTexts staff)
    {
        string[] parts =
        [
            staff.Count(Ids.TicketLog.Messages, transcript.MessageCount),
            staff.Count(Ids.TicketLog.Checks, transcript.CheckCount),
            staff.Count(Ids.TicketLog.StaffActions, transcript.TimelineCount),
            .. transcript.MessagesLeftOut > 0 ? [staff.Count(Ids.TicketLog.LeftOut, transcript.MessagesLeftOut)] : Array.Empty<string>(),
        ];
        return string.Join(" · ", parts);
    }

    /// <summary>/ticket list, in the staff member's language.</summary>
    public static MessagePayload List(IReadOnlyList<TicketListItem> items, LocaleTexts reader)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(reader);
        if (items.Count == 0)
        {
            return MessagePayload.Text(reader.Get(Ids.TicketDeskViews.NoOpen), ephemeral: true);
        }

        var text = new StringBuilder();
        foreach (var item in items.Take(25))
        {
            var t = item.Ticket;
            var state = t.ClaimedBy is { } by ? reader.Get(Ids.TicketDeskViews.ClaimedBy, ("staff", Mention(by))) : reader.Get(Ids.TicketDeskViews.Unclaimed);
            var where = t.ThreadId is { } thread ? " " + Channel(thread) : "";
            text.Append("• **").Append(t.DisplayNumber).Append("** ").Append(Mention(t.MemberId)).Append(where)
                .Append(" — ").Append(state).Append(", ").Append(TicketTime.AgeText(item, reader)).Append(", ").Append(TicketTime.WaitText(item, reader)).AppendLine();
        }

        if (items.Count > 25)
        {
            text.Append(reader.Get(Ids.TicketDeskViews.More, ("count", reader.Number(items.Count - 25))));
        }

        return new MessageBuilder()
            .AddEmbed(new EmbedBuilder()
                .WithTitle(reader.Get(Ids.TicketDeskViews.ListTitle, ("count", reader.Number(items.Count))))
                .WithColor(Replies.BrandColor)
                .WithDescription(Shorten(text.ToString(), 4096))
                .Build())
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>/ticket stats: the figures exactly as the `stats` verb prints them, in a code block (a fixed-width table reads best).</summary>
    public static MessagePayload Stats(string figures, LocaleTexts reader)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(reader);
        return new MessageBuilder()
            .AddEmbed(new EmbedBuilder()
                .WithTitle(reader.Get(Ids.TicketDeskViews.StatsTitle))
                .WithColor(Replies.BrandColor)
                .WithDescription("```\n" + Shorten(figures, 4000) + "\n```")
                .Build())
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>/ticket audit: the latest entries, newest first, in words (each entry's own sentence as it was recorded).</summary>
    public static MessagePayload Audit(IReadOnlyList<AuditEntry> entries, DateTimeOffset now, LocaleTexts reader)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(reader);
        if (entries.Count == 0)
        {
            return MessagePayload.Text(reader.Get(Ids.TicketDeskViews.AuditEmpty), ephemeral: true);
        }

        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            var who = entry.ActorId is { } actor ? Mention(actor) : reader.Get(Ids.TicketDeskViews.AuditTheBot);
            var about = entry.TargetMemberId is { } target ? " " + reader.Get(Ids.TicketDeskViews.AuditAbout, ("member", Mention(target))) : "";
            text.Append("• ").Append(TicketTime.Ago(entry.At, now, reader)).Append(" — ").Append(who).Append(' ')
                .Append(Shorten(entry.Detail, 300)).Append(about).Append(" · `").Append(entry.Action).Append('`').AppendLine();
        }

        return new MessageBuilder()
            .AddEmbed(new EmbedBuilder()
                .WithTitle(reader.Count(Ids.TicketDeskViews.AuditTitle, entries.Count))
                .WithColor(Replies.BrandColor)
                .WithDescription(Shorten(text.ToString(), 4096))
                .Build())
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>Why the ticket exists, in one line.</summary>
    public static string Why(TicketOrigin origin, TicketCard? card, ulong? requestedBy, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return origin switch
        {
            TicketOrigin.CheckFailed => card is { Failing.Count: > 0 }
                ? texts.Get(Ids.TicketWhy.CheckFailedWith, ("checks", string.Join(", ", card.FailingCheckIds.Select(id => $"`{id}`"))))
                : texts.Get(Ids.TicketWhy.CheckFailed),
            TicketOrigin.Stuck => card?.StoppedAt is { } where ? texts.Get(Ids.TicketWhy.StuckAt, ("where", where)) : texts.Get(Ids.TicketWhy.Stuck),
            TicketOrigin.ModeratorRequest => requestedBy is { } by ? texts.Get(Ids.TicketWhy.RequestedBy, ("moderator", Mention(by))) : texts.Get(Ids.TicketWhy.Requested),
            _ => texts.Get(Ids.TicketWhy.Command),
        };
    }

    /// <summary>How a ticket ended, in <paramref name="texts"/>' language.</summary>
    public static string OutcomeLabel(TicketCloseOutcome outcome, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Get(TicketOutcomeTexts.Id(outcome));
    }

    /// <summary>
    /// The close reason as stored: staff's own words stay as written; the reasons the bot gives itself (a timer, a
    /// passing check, the member's answer, the member leaving) are said in <paramref name="texts"/>' language.
    /// </summary>
    public static string? CloseReason(string? stored, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var id = stored switch
        {
            TicketStateMachine.MemberLeftReason => Ids.TicketOutcomes.ReasonMemberLeft,
            TicketStateMachine.AutoCloseReason => Ids.TicketOutcomes.ReasonNoReply,
            TicketStateMachine.ConfirmedReason => Ids.TicketOutcomes.ReasonConfirmed,
            TicketStateMachine.UnconfirmedReason => Ids.TicketOutcomes.ReasonUnconfirmed,
            TicketStateMachine.CheckPassedReason => Ids.TicketOutcomes.ReasonCheckPassed,
            _ => null,
        };
        return id is null ? stored : texts.Get(id);
    }

    public static string Mention(ulong userId) => $"<@{userId.ToString(CultureInfo.InvariantCulture)}>";

    public static string Channel(ulong channelId) => $"<#{channelId.ToString(CultureInfo.InvariantCulture)}>";

    public static MessagePayload Private(string text) => MessagePayload.Text(text, ephemeral: true);

    private static string Roles(IReadOnlyList<ulong> supportRoles) =>
        string.Join(" ", supportRoles.Select(r => $"<@&{r.ToString(CultureInfo.InvariantCulture)}>"));

    private static IEnumerable<MessageComponent> JoinAndClaim(int number, LocaleTexts staff) =>
    [
        Button.Create(ButtonStyle.Primary, TicketIds.Join(number), staff.Get(Ids.TicketStaff.JoinButton)),
        Button.Create(ButtonStyle.Success, TicketIds.Claim(number), staff.Get(Ids.TicketStaff.ClaimButton)),
    ];

    private static MessagePayload Plain(string text) => new MessageBuilder().WithContent(text).WithAllowedMentions(AllowedMentions.None).Build();

    private static string ClosedBy(Ticket ticket, LocaleTexts texts) => ticket.ClosedBy is { } staff ? Mention(staff) : texts.Get(Ids.TicketThread.TheBot);

    private static string Verdict(Verdict? verdict, LocaleTexts staff) => staff.Get(verdict switch
    {
        Core.Diagnostics.Verdict.Pass => Ids.TicketCard.VerdictPass,
        Core.Diagnostics.Verdict.Warn => Ids.TicketCard.VerdictWarn,
        Core.Diagnostics.Verdict.Fail => Ids.TicketCard.VerdictFail,
        _ => Ids.TicketCard.VerdictError,
    });

    private static string Stars(int stars) => new('★', stars);

    internal static string Timestamp(DateTimeOffset at, string style) =>
        string.Create(CultureInfo.InvariantCulture, $"<t:{at.ToUnixTimeSeconds()}:{style}>");

    private static string Shorten(string value, int max) => SafeText.Fit(value, max);

    /// <summary>What the member is told, in their language, about the ticket their failed check went into.</summary>
    public static string CheckWentInto(Ticket ticket, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(member);
        var where = ticket.ThreadId is { } thread ? Channel(thread) : member.Get(Ids.TicketThread.SupportChannel);
        return member.Get(Ids.TicketThread.CheckWentInto, ("ticket", ticket.DisplayNumber), ("where", where));
    }
}

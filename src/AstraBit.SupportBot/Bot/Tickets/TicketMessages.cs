using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.WorkingHours;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// What the ticket desk posts. Every message names people with mentions that ping nobody, except the two that
/// are meant to: the escalation of an unclaimed ticket (the support role) and the reminder (the member). Nothing
/// here ever receives a secret: cards hold a masked key only.
/// </summary>
public static class TicketMessages
{

    /// <summary>The diagnosis the ticket opened with (or a later one), as an embed.</summary>
    public static Embed Card(Ticket ticket, TicketCard? card, string heading)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var embed = new EmbedBuilder()
            .WithTitle(Shorten($"{heading} · ticket {ticket.DisplayNumber}", 256))
            .WithColor(card?.Verdict switch
            {
                Core.Diagnostics.Verdict.Pass => Replies.GoodColor,
                Core.Diagnostics.Verdict.Warn => Replies.WarningColor,
                null => Replies.BrandColor,
                _ => Replies.ProblemColor,
            });
        if (card is null)
        {
            return embed
                .WithDescription("No key check yet. The member can press \"Run the check again\" below to add one; the secret is typed into a private form, never into this thread.")
                .AddField("Member", Mention(ticket.MemberId), inline: true)
                .Build();
        }

        embed.WithDescription(Verdict(card.Verdict))
            .AddField("Member", Mention(ticket.MemberId), inline: true)
            .AddField("Account type", card.AccountType ?? "unknown", inline: true)
            .AddField("Bybit site", card.Region ?? "unknown", inline: true)
            .AddField("API key", card.MaskedKey ?? "none checked", inline: true);
        if (card.CheckedAt is { } at)
        {
            embed.AddField("Checked", Timestamp(at, "R"), inline: true);
        }

        if (card.StoppedAt is { } stopped)
        {
            embed.AddField("Where the member stopped", stopped);
        }

        // 25 fields at most (a card holds at most 11 checks), and 6000 characters over the whole embed: each check
        // gets an equal share of what the other fields leave.
        var checks = card.Failing.Concat(card.Warnings).Take(18).ToList();
        var share = checks.Count == 0 ? 0 : Math.Clamp(4000 / checks.Count, 120, 1024);
        foreach (var check in checks)
        {
            var value = new StringBuilder(Shorten(check.Detail, 600));
            if (check.Fix is { } fix)
            {
                value.Append("\n**Fix");
                if (check.GuideStep is { } step)
                {
                    value.Append(" (guide step ").Append(step.ToString(CultureInfo.InvariantCulture)).Append(')');
                }

                value.Append(":** ").Append(fix);
            }

            // Cards built from check history only know the id; don't print it twice.
            var name = check.Title == check.Id ? check.Id : $"{check.Title} ({check.Id})";
            embed.AddField(Shorten($"{DiagnosticMessages.Icon(check.Status)} {name}", 120), Shorten(value.ToString(), share));
        }

        return embed.WithFooter("The secret is never stored or shown; the key is masked.").Build();
    }

    /// <summary>The first message in a new ticket after the card: hello to the member, and the ticket's buttons.</summary>
    public static MessagePayload Welcome(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new MessageBuilder()
            .WithContent(
                $"Hi {Mention(ticket.MemberId)}, this is your private support ticket {ticket.DisplayNumber}. Only you and the support team can see it. " +
                "The card above is what the bot found; someone from the team will be with you soon.\n" +
                "If you change something on Bybit, press **Run the check again** and the new result lands here. " +
                "Never paste your API secret into this thread: nobody, staff included, needs it.")
            .AddActionRow(Button.Create(ButtonStyle.Primary, TicketIds.RunCheck(ticket.Number), "Run the check again"))
            .AddActionRow(StaffButtons(ticket.Number))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>A ticket opened outside working hours: when staff are back, e.g. "in about 7 hours, Monday 09:00 UTC".</summary>
    public static MessagePayload OutsideWorkingHours(Ticket ticket, StaffReturn back)
    {
        ArgumentNullException.ThrowIfNull(back);
        return Plain($"🌙 The support team is away right now; they're back {back.Text}. Your ticket {ticket.DisplayNumber} is first in line, " +
            "and everything you write here before then will be read.");
    }

    /// <summary>The buttons staff use inside the thread.</summary>
    public static IEnumerable<MessageComponent> StaffButtons(int number) =>
    [
        Button.Create(ButtonStyle.Success, TicketIds.Claim(number), "Claim"),
        Button.Create(ButtonStyle.Secondary, TicketIds.Unclaim(number), "Unclaim"),
        Button.Create(ButtonStyle.Danger, TicketIds.Close(number), "Close"),
    ];

    /// <summary>A card posted into a ticket that was already open (a new failure, "I'm stuck", a moderator's request).</summary>
    public static MessagePayload AppendedCard(Ticket ticket, TicketCard card, TicketOrigin origin) =>
        new MessageBuilder()
            .WithContent($"{Mention(ticket.MemberId)} {Why(origin, card, null)} — here is what the bot found:")
            .AddEmbed(Card(ticket, card, origin == TicketOrigin.Stuck ? "Stuck in the guide" : "New check result"))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();

    /// <summary>The opening card message in the thread.</summary>
    public static MessagePayload OpeningCard(Ticket ticket) =>
        new MessageBuilder()
            .WithContent($"Ticket {ticket.DisplayNumber} for {Mention(ticket.MemberId)} · {Why(ticket.Origin, ticket.Card, null)}")
            .AddEmbed(Card(ticket, ticket.Card, "Diagnosis"))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();

    /// <summary>A check the member ran inside the ticket, as the full report.</summary>
    public static MessagePayload CheckInTicket(ulong memberId, Embed report) =>
        new MessageBuilder()
            .WithContent($"{Mention(memberId)} ran the key check again:")
            .AddEmbed(report)
            .WithAllowedMentions(AllowedMentions.None)
            .Build();

    /// <summary>The notice in the staff channel: who, why, where, with Join and Claim. It pings nobody; the escalation does.</summary>
    public static MessagePayload StaffNotice(Ticket ticket, ulong? requestedBy)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var thread = ticket.ThreadId is { } id ? $" · {Channel(id)}" : "";
        return new MessageBuilder()
            .WithContent($"🎫 New ticket {ticket.DisplayNumber} from {Mention(ticket.MemberId)} — {Why(ticket.Origin, ticket.Card, requestedBy)}{thread}")
            .AddEmbed(Card(ticket, ticket.Card, "Diagnosis"))
            .AddActionRow(JoinAndClaim(ticket.Number))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>The support role pinged again for a ticket nobody claimed.</summary>
    public static MessagePayload Escalation(Ticket ticket, IReadOnlyList<ulong> supportRoles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(supportRoles);
        var roles = string.Join(" ", supportRoles.Select(r => $"<@&{r.ToString(CultureInfo.InvariantCulture)}>"));
        var waited = TicketWording.Duration(now - (ticket.ReopenedAt ?? ticket.OpenedAt));
        var thread = ticket.ThreadId is { } id ? $" ({Channel(id)})" : "";
        return new MessageBuilder()
            .WithContent($"{roles} ⏰ Ticket {ticket.DisplayNumber} from {Mention(ticket.MemberId)}{thread} has waited {waited} and nobody has claimed it yet.")
            .AddActionRow(JoinAndClaim(ticket.Number))
            .WithAllowedMentions(AllowedMentions.ForRoles(supportRoles))
            .Build();
    }

    /// <summary>The reminder to a member who hasn't answered staff; this one pings the member.</summary>
    public static MessagePayload Reminder(Ticket ticket, TimeSpan autoCloseAfter) =>
        new MessageBuilder()
            .WithContent(
                $"{Mention(ticket.MemberId)}, the support team answered here and is waiting for you. " +
                $"If there is no reply within {TicketWording.Duration(autoCloseAfter)}, this ticket closes by itself " +
                "(you can always open a new one with `/ticket open`).")
            .WithAllowedMentions(AllowedMentions.ForUsers(ticket.MemberId))
            .Build();

    public static MessagePayload Claimed(ulong staffId, Ticket ticket) =>
        Plain($"🙋 {Mention(staffId)} has claimed ticket {ticket.DisplayNumber} and will help you from here.");

    public static MessagePayload Unclaimed(ulong staffId, Ticket ticket) =>
        Plain($"{Mention(staffId)} unclaimed ticket {ticket.DisplayNumber}; it waits for the next person from the team.");

    public static MessagePayload Reopened(ulong staffId, Ticket ticket) =>
        new MessageBuilder()
            .WithContent($"🔓 {Mention(staffId)} reopened ticket {ticket.DisplayNumber}.")
            .AddActionRow(Button.Create(ButtonStyle.Primary, TicketIds.RunCheck(ticket.Number), "Run the check again"))
            .AddActionRow(StaffButtons(ticket.Number))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();

    /// <summary>"Is it fixed?" in the thread, to the member (pinged), with the three answers.</summary>
    public static MessagePayload IsItFixed(Ticket ticket, ulong staffId, TimeSpan confirmAfter) =>
        new MessageBuilder()
            .WithContent(
                $"{Mention(ticket.MemberId)}, {Mention(staffId)} thinks your problem is solved. **Is it fixed?** " +
                "**Run the check** proves it (a passing check closes the ticket); or tell us yourself. " +
                $"Without an answer within {TicketWording.Duration(confirmAfter)} the ticket closes as resolved.")
            .AddActionRow(
                Button.Create(ButtonStyle.Primary, TicketIds.RunCheck(ticket.Number), "Run the check"),
                Button.Create(ButtonStyle.Success, TicketIds.ConfirmFixed(ticket.Number), "Yes, close it"),
                Button.Create(ButtonStyle.Secondary, TicketIds.StillNeedHelp(ticket.Number), "No, I still need help"))
            .WithAllowedMentions(AllowedMentions.ForUsers(ticket.MemberId))
            .Build();

    /// <summary>The member still needs help: the claimer is pinged in the thread.</summary>
    public static MessagePayload StillNeedsHelp(Ticket ticket, ulong claimerId) =>
        new MessageBuilder()
            .WithContent($"{Mention(claimerId)}, {Mention(ticket.MemberId)} still needs help: ticket {ticket.DisplayNumber} stays open.")
            .WithAllowedMentions(AllowedMentions.ForUsers(claimerId))
            .Build();

    /// <summary>The member still needs help and nobody has claimed the ticket: the support role hears it in the staff channel.</summary>
    public static MessagePayload StillNeedsHelpUnclaimed(Ticket ticket, IReadOnlyList<ulong> supportRoles)
    {
        ArgumentNullException.ThrowIfNull(supportRoles);
        var roles = string.Join(" ", supportRoles.Select(r => $"<@&{r.ToString(CultureInfo.InvariantCulture)}>"));
        var thread = ticket.ThreadId is { } id ? $" ({Channel(id)})" : "";
        return new MessageBuilder()
            .WithContent($"{roles} {Mention(ticket.MemberId)} still needs help in ticket {ticket.DisplayNumber}{thread}; nobody has claimed it.")
            .AddActionRow(JoinAndClaim(ticket.Number))
            .WithAllowedMentions(AllowedMentions.ForRoles(supportRoles))
            .Build();
    }

    /// <summary>/ticket view: the ticket as staff see it, with its staff notes (ephemeral: members never see notes).</summary>
    public static MessagePayload View(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var state = ticket switch
        {
            { IsClosed: true } => $"closed {TicketWording.Ago(ticket.ClosedAt!.Value, now)} ({ticket.Outcome?.Label() ?? "no outcome"})",
            { AwaitingConfirmation: true } => $"waiting for the member to answer \"Is it fixed?\" (asked {TicketWording.Ago(ticket.CloseRequestedAt!.Value, now)})",
            { State: TicketState.Claimed } => $"claimed by {Mention(ticket.ClaimedBy!.Value)}",
            _ => "unclaimed",
        };
        var notes = ticket.Notes.Count == 0
            ? "none"
            : string.Join("\n", ticket.Notes.Select(n => $"{Timestamp(n.At, "R")} {Mention(n.AuthorId)}: {n.Text}"));
        var failing = ticket.AllCards.SelectMany(c => c.FailingCheckIds).Distinct(StringComparer.Ordinal).Select(id => $"`{id}`").ToList();
        var embed = new EmbedBuilder()
            .WithTitle($"Ticket {ticket.DisplayNumber}")
            .WithColor(Replies.BrandColor)
            .AddField("Member", Mention(ticket.MemberId), inline: true)
            .AddField("Opened", Timestamp(ticket.OpenedAt, "f"), inline: true)
            .AddField("State", state, inline: true)
            .AddField("Why", Why(ticket.Origin, ticket.Card, null))
            .AddField("Failing checks", failing.Count == 0 ? "none" : Shorten(string.Join(", ", failing), 1024))
            .AddField($"Staff notes ({ticket.Notes.Count.ToString(CultureInfo.InvariantCulture)}), only staff see these", Shorten(notes, 1024))
            .Build();
        return new MessageBuilder().AddEmbed(embed).WithEphemeral().WithAllowedMentions(AllowedMentions.None).Build();
    }

    /// <summary>The last message in the thread before it is locked.</summary>
    public static MessagePayload ClosedInThread(Ticket ticket) =>
        Plain($"🔒 Ticket {ticket.DisplayNumber} was closed by {ClosedBy(ticket)}: {ticket.CloseReason ?? "no reason given"}{OutcomeSuffix(ticket)}. " +
            "Thank you! If anything else comes up, `/ticket open` starts a new one.");

    /// <summary>The 1–5 rating question with its five buttons.</summary>
    public static MessagePayload RatingPrompt(Ticket ticket) =>
        new MessageBuilder()
            .WithContent($"Your support ticket {ticket.DisplayNumber} is closed. How did we do? One tap, 1 (poor) to 5 (great):")
            .AddActionRow(Enumerable.Range(1, 5).Select(stars => (MessageComponent)Button.Create(ButtonStyle.Secondary, TicketIds.Rate(ticket.Number, stars), Stars(stars))))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();

    /// <summary>The rating prompt once answered: the buttons go away.</summary>
    public static MessagePayload Rated(Ticket ticket, int stars) =>
        new MessageBuilder()
            .WithContent($"Thank you! You rated ticket {ticket.DisplayNumber} {Stars(stars)} ({stars.ToString(CultureInfo.InvariantCulture)}/5).")
            .ClearComponents()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();

    /// <summary>A rating as the log channel records it.</summary>
    public static MessagePayload RatingLogged(Ticket ticket, int stars) =>
        Plain($"⭐ {Mention(ticket.MemberId)} rated ticket {ticket.DisplayNumber} {stars.ToString(CultureInfo.InvariantCulture)}/5.");

    /// <summary>The summary and transcript file for the log channel: the outcome readable without opening the file.</summary>
    public static MessagePayload Transcript(Ticket ticket, HtmlTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(transcript);
        var failing = ticket.AllCards.SelectMany(c => c.FailingCheckIds).Distinct(StringComparer.Ordinal).ToList();
        var embed = new EmbedBuilder()
            .WithTitle($"Ticket {ticket.DisplayNumber} closed")
            .WithColor(Replies.BrandColor)
            .AddField("Member", Mention(ticket.MemberId), inline: true)
            .AddField("Claimed by", ticket.ClaimedBy is { } c ? Mention(c) : "nobody", inline: true)
            .AddField("Closed by", ClosedBy(ticket), inline: true)
            .AddField("Opened", Timestamp(ticket.OpenedAt, "f"), inline: true)
            .AddField("Closed", ticket.ClosedAt is { } closed ? Timestamp(closed, "f") : "not yet", inline: true)
            .AddField("First staff reply", ticket.FirstStaffReplyAt is { } first ? TicketWording.Duration(first - ticket.OpenedAt) + " after opening" : "none", inline: true)
            .AddField("Outcome", ticket.Outcome?.Label() ?? "none", inline: true)
            .AddField("Reason", Shorten(ticket.CloseReason ?? "none given", 1024))
            .AddField("Failing checks", failing.Count == 0 ? "none" : Shorten(string.Join(", ", failing.Select(id => $"`{id}`")), 1024))
            .AddField("Transcript", TranscriptCounts(transcript))
            .WithFooter("Transcript attached as a web page (opens offline, on a phone too). Secrets are never in it: anything that looks like one is replaced with [hidden].")
            .Build();
        return new MessageBuilder()
            .AddEmbed(embed)
            .AddFile(new FileUpload(transcript.FileName, transcript.Content, $"Transcript of ticket {ticket.DisplayNumber}", HtmlTranscript.ContentType))
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    private static string TranscriptCounts(HtmlTranscript transcript)
    {
        var counts = $"{TranscriptLabels.Count(transcript.MessageCount, "message")} · {TranscriptLabels.Count(transcript.CheckCount, "check")} · {TranscriptLabels.Count(transcript.TimelineCount, "staff action")}";
        return transcript.MessagesLeftOut > 0
            ? $"{counts} · the oldest {TranscriptLabels.Count(transcript.MessagesLeftOut, "message")} left out (upload limit)"
            : counts;
    }

    /// <summary>/ticket list.</summary>
    public static MessagePayload List(IReadOnlyList<TicketListItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return MessagePayload.Text("No open tickets. 🎉", ephemeral: true);
        }

        var text = new StringBuilder();
        foreach (var item in items.Take(25))
        {
            var t = item.Ticket;
            var state = t.ClaimedBy is { } by ? $"claimed by {Mention(by)}" : "**unclaimed**";
            var where = t.ThreadId is { } thread ? " " + Channel(thread) : "";
            text.Append("• **").Append(t.DisplayNumber).Append("** ").Append(Mention(t.MemberId)).Append(where)
                .Append(" — ").Append(state).Append(", ").Append(item.AgeText).Append(", ").Append(item.WaitText).AppendLine();
        }

        if (items.Count > 25)
        {
            text.Append("…and ").Append((items.Count - 25).ToString(CultureInfo.InvariantCulture)).Append(" more.");
        }

        return new MessageBuilder()
            .AddEmbed(new EmbedBuilder()
                .WithTitle($"Open tickets ({items.Count.ToString(CultureInfo.InvariantCulture)})")
                .WithColor(Replies.BrandColor)
                .WithDescription(Shorten(text.ToString(), 4096))
                .Build())
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>/ticket stats: the figures exactly as the `stats` verb prints them, in a code block (a fixed-width table reads best).</summary>
    public static MessagePayload Stats(string figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new MessageBuilder()
            .AddEmbed(new EmbedBuilder()
                .WithTitle("Support figures")
                .WithColor(Replies.BrandColor)
                .WithDescription("```\n" + Shorten(figures, 4000) + "\n```")
                .Build())
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>/ticket audit: the latest entries, newest first, in words.</summary>
    public static MessagePayload Audit(IReadOnlyList<AuditEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return MessagePayload.Text("The audit log is empty so far.", ephemeral: true);
        }

        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            var who = entry.ActorId is { } actor ? Mention(actor) : "The bot";
            var about = entry.TargetMemberId is { } target ? $" (member {Mention(target)})" : "";
            text.Append("• ").Append(TicketWording.Ago(entry.At, now)).Append(" — ").Append(who).Append(' ')
                .Append(Shorten(entry.Detail, 300)).Append(about).Append(" · `").Append(entry.Action).Append('`').AppendLine();
        }

        return new MessageBuilder()
            .AddEmbed(new EmbedBuilder()
                .WithTitle($"Audit log: the latest {entries.Count.ToString(CultureInfo.InvariantCulture)} actions")
                .WithColor(Replies.BrandColor)
                .WithDescription(Shorten(text.ToString(), 4096))
                .Build())
            .WithEphemeral()
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    /// <summary>Why the ticket exists, in one line.</summary>
    public static string Why(TicketOrigin origin, TicketCard? card, ulong? requestedBy) => origin switch
    {
        TicketOrigin.CheckFailed => card is { Failing.Count: > 0 }
            ? "the key check failed: " + string.Join(", ", card.FailingCheckIds.Select(id => $"`{id}`"))
            : "the key check failed",
        TicketOrigin.Stuck => card?.StoppedAt is { } where ? $"pressed \"I'm stuck\" at {where}" : "pressed \"I'm stuck\" in the guide",
        TicketOrigin.ModeratorRequest => requestedBy is { } by ? $"opened at {Mention(by)}'s request" : "opened at a moderator's request",
        _ => "opened with `/ticket open`",
    };

    public static string Mention(ulong userId) => $"<@{userId.ToString(CultureInfo.InvariantCulture)}>";

    public static string Channel(ulong channelId) => $"<#{channelId.ToString(CultureInfo.InvariantCulture)}>";

    public static MessagePayload Private(string text) => MessagePayload.Text(text, ephemeral: true);

    private static IEnumerable<MessageComponent> JoinAndClaim(int number) =>
    [
        Button.Create(ButtonStyle.Primary, TicketIds.Join(number), "Join"),
        Button.Create(ButtonStyle.Success, TicketIds.Claim(number), "Claim"),
    ];

    private static MessagePayload Plain(string text) => new MessageBuilder().WithContent(text).WithAllowedMentions(AllowedMentions.None).Build();

    private static string OutcomeSuffix(Ticket ticket) => ticket.Outcome is { } outcome ? $" ({outcome.Label()})" : "";

    private static string ClosedBy(Ticket ticket) => ticket.ClosedBy is { } staff ? Mention(staff) : "the bot";

    private static string Verdict(Verdict? verdict) => verdict switch
    {
        Core.Diagnostics.Verdict.Pass => "✅ The last check passed.",
        Core.Diagnostics.Verdict.Warn => "⚠️ The last check works, with warnings.",
        Core.Diagnostics.Verdict.Fail => "❌ The last check failed.",
        Core.Diagnostics.Verdict.Error => "⚠️ The last check could not run (Bybit unreachable or busy).",
        _ => "No key check yet.",
    };

    private static string Stars(int stars) => new('★', stars);

    private static string Timestamp(DateTimeOffset at, string style) =>
        string.Create(CultureInfo.InvariantCulture, $"<t:{at.ToUnixTimeSeconds()}:{style}>");

    private static string Shorten(string value, int max) => SafeText.Fit(value, max);

    /// <summary>What the member is told about the ticket their failed check went into.</summary>
    public static string CheckWentInto(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var where = ticket.ThreadId is { } thread ? Channel(thread) : "the support channel";
        return $"I've put this result in your private support ticket {ticket.DisplayNumber} ({where}), so the team sees what's wrong without asking you for anything.";
    }
}

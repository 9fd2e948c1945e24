using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Core.Privacy;

/// <summary>
/// /privacy and the staff export: what the bot keeps about a member, and deleting what nothing still needs.
/// </summary>
/// <remarks>
/// What is kept, and why (docs/staff-guide.md, "Privacy"): never a secret (there is none to keep) and keys only masked.
/// Deleting removes the walkthrough progress with its funnel marks, every stored check and the member's key-expiry
/// reminders (neither an open ticket nor the audit log needs them), and erases the member's
/// details from closed tickets (the diagnostic cards, later checks and staff notes). It keeps: an open ticket whole
/// (staff are working on it), each closed ticket's number, times, outcome, rating and staff ids (the audit log
/// names those tickets and the stats count them), and the audit log itself (who did what is the staff's record, not
/// the member's data to delete). The deletion is audited.
/// </remarks>
public sealed class MemberDataService(
    IMemberDataStore data,
    IWalkthroughStore walkthroughs,
    IAuditLog audit,
    TimeProvider clock,
    IKeyReminderStore reminders,
    IClosedTicketEraser tickets,
    IMemberLocaleStore? locales = null)
{
    private const int AuditLimit = 500;

    /// <summary>Everything kept about the member, member-facing: staff notes are left out.</summary>
    public async Task<MemberDataExport> ExportAsync(ulong memberId, CancellationToken cancellationToken = default)
    {
        var progress = await walkthroughs.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
        var marks = await data.MarksForMemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        var checks = await data.ChecksForMemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        var memberTickets = await data.TicketsForMemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        var entries = await audit.ForMemberAsync(memberId, AuditLimit, cancellationToken).ConfigureAwait(false);
        var memberReminders = await reminders.ListAsync(memberId, cancellationToken).ConfigureAwait(false);
        var locale = locales is null ? null : await locales.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
        return new MemberDataExport(memberId, clock.GetUtcNow(), progress, marks, checks, memberTickets, entries, [.. memberReminders.OrderBy(r => r.ExpiresAt)])
        {
            Locale = locale,
        };
    }

    /// <summary>
    /// Deletes what no open ticket or the audit log needs (see the remarks); <paramref name="requestedBy"/> is the member
    /// or the staff member acting on their request. The caller asks for confirmation first (show <see cref="ExportAsync"/>).
    /// </summary>
    public async Task<MemberDataDeletion> DeleteAsync(ulong memberId, ulong requestedBy, CancellationToken cancellationToken = default)
    {
        var progressDeleted = await walkthroughs.DeleteAsync(memberId, cancellationToken).ConfigureAwait(false);
        var checksDeleted = await data.DeleteChecksAsync(memberId, cancellationToken).ConfigureAwait(false);
        var remindersDeleted = 0;
        foreach (var reminder in await reminders.ListAsync(memberId, cancellationToken).ConfigureAwait(false))
        {
            remindersDeleted += await reminders.DeleteAsync(reminder.Id, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        var localeDeleted = locales is not null && await locales.DeleteAsync(memberId, cancellationToken).ConfigureAwait(false);
        var (erased, keptOpen) = await tickets.EraseClosedTicketDetailsAsync(memberId, cancellationToken).ConfigureAwait(false);
        var deletion = new MemberDataDeletion(progressDeleted, checksDeleted, erased, keptOpen, remindersDeleted) { LocaleDeleted = localeDeleted };
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"deleted the member's data on request: walkthrough {(progressDeleted ? "deleted" : "none")}, {checksDeleted} checks, {remindersDeleted} reminders, details of {erased} closed tickets");
        await audit.WriteAsync(new AuditEntry(requestedBy, AuditActions.MemberDataDeleted, memberId, null, detail, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return deletion;
    }
}

/// <summary>What a deletion removed, and the open tickets it left alone.</summary>
public sealed record MemberDataDeletion(bool WalkthroughDeleted, int ChecksDeleted, int ClosedTicketsErased, IReadOnlyList<int> OpenTicketsKept, int RemindersDeleted)
{
    /// <summary>Whether the member's last seen Discord language was stored and is now deleted.</summary>
    public bool LocaleDeleted { get; init; }
}

/// <summary>Everything the bot keeps about one member. Never a secret; keys masked; no staff notes.</summary>
public sealed record MemberDataExport(
    ulong MemberId,
    DateTimeOffset ExportedAt,
    WalkthroughProgress? Progress,
    WalkthroughMarks? Marks,
    IReadOnlyList<CheckHistoryEntry> Checks,
    IReadOnlyList<Ticket> Tickets,
    IReadOnlyList<AuditEntry> AuditEntries,
    IReadOnlyList<KeyReminder> Reminders)
{
    /// <summary>The member's Discord language as last seen ("es-419"), kept for DMs sent without an interaction; null when none.</summary>
    public string? Locale { get; init; }

    /// <summary>The export as indented JSON, for a file attachment.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("memberId", MemberId.ToString(CultureInfo.InvariantCulture));
            json.WriteString("exportedAt", ExportedAt);
            json.WriteString("locale", Locale);
            json.WritePropertyName("walkthrough");
            if (Progress is { } p)
            {
                json.WriteStartObject();
                json.WriteString("position", p.Position.ToString());
                json.WriteString("accountType", p.AccountType.ToString());
                json.WriteString("site", p.RegionKey);
                json.WriteString("startedAt", p.StartedAt);
                json.WriteString("updatedAt", p.UpdatedAt);
                if (Marks is { } marks)
                {
                    json.WriteStartObject("reached");
                    foreach (var (position, at) in marks.Reached.OrderBy(r => r.Key))
                    {
                        json.WriteString(position.ToString(), at);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteStartArray("checks");
            foreach (var check in Checks)
            {
                json.WriteStartObject();
                json.WriteString("checkedAt", check.CheckedAt);
                json.WriteString("verdict", check.Verdict.ToString().ToLowerInvariant());
                json.WriteString("apiKey", check.MaskedKey);
                json.WriteString("site", check.RegionKey);
                json.WriteStartArray("failing");
                foreach (var (id, _) in check.Checks.Where(c => c.Value == Diagnostics.CheckStatus.Fail))
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("tickets");
            foreach (var ticket in Tickets)
            {
                json.WriteStartObject();
                json.WriteString("number", ticket.DisplayNumber);
                json.WriteString("openedAt", ticket.OpenedAt);
                json.WriteString("state", ticket.State.ToString().ToLowerInvariant());
                json.WriteString("outcome", ticket.Outcome?.Key());
                if (ticket.ClosedAt is { } closed)
                {
                    json.WriteString("closedAt", closed);
                }

                if (ticket.Rating is { } rating)
                {
                    json.WriteNumber("rating", rating);
                }

                json.WriteNumber("checks", ticket.AllCards.Count());
                json.WriteBoolean("detailsErased", ticket.ErasedAt is not null);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("auditLog");
            foreach (var entry in AuditEntries)
            {
                json.WriteStartObject();
                json.WriteString("at", entry.At);
                json.WriteString("action", entry.Action);
                json.WriteString("detail", entry.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("reminders");
            foreach (var reminder in Reminders)
            {
                json.WriteStartObject();
                json.WriteString("memberId", reminder.MemberId.ToString(CultureInfo.InvariantCulture));
                json.WriteString("apiKey", reminder.MaskedKey);
                json.WriteString("expiresAt", reminder.ExpiresAt);
                json.WriteString("site", reminder.Site);
                json.WriteString("createdAt", reminder.CreatedAt);
                json.WriteStartArray("sentDaysBefore");
                foreach (var days in reminder.Done)
                {
                    json.WriteNumberValue(days);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Privacy;
using AstraBit.SupportBot.Core.Reminders;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Storage.MemberHelp;
using AstraBit.SupportBot.Storage.Tests.Tickets;
using AstraBit.SupportBot.Storage.Tickets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>Funnel marks, member history and privacy deletion over the real data file.</summary>
public sealed class DeskDataTests : IDisposable
{
    private const ulong Member = 123456789012345678;
    private const ulong Other = 55;
    private const ulong Staff = 876543210987654321;

    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider clock = new(TicketSamples.At);
    private readonly SupportDatabase database;
    private readonly TicketLedgerDriver tickets;
    private readonly LiteAuditLog audit;
    private readonly LiteWalkthroughStore walkthroughs;
    private readonly LiteCheckHistoryStore checks;
    private readonly LiteSupportData data;
    private readonly LiteKeyReminderStore reminders;

    public DeskDataTests()
    {
        database = new SupportDatabase(folder.File("bot.db"));
        audit = new LiteAuditLog(database);
        walkthroughs = new LiteWalkthroughStore(database);
        checks = new LiteCheckHistoryStore(database);
        data = new LiteSupportData(database);
        reminders = new LiteKeyReminderStore(database);
        tickets = new TicketLedgerDriver(new LiteTicketStore(database), audit, clock, Options.Create(new TicketOptions()));
    }

    [Fact]
    public async Task SaveProgress_EveryTransition_RecordsFirstReachAndFinalPassAcrossARestart()
    {
        var start = Samples.Progress(Member) with { Position = GuidePosition.BeforeYouBegin, LastCheck = null, StartedAt = Samples.At, UpdatedAt = Samples.At };
        await walkthroughs.SaveAsync(start);
        await walkthroughs.SaveAsync(start with { Position = GuidePosition.Step1, UpdatedAt = Samples.At.AddMinutes(1) });
        await walkthroughs.SaveAsync(start with { Position = GuidePosition.Step2, UpdatedAt = Samples.At.AddMinutes(2) });
        await walkthroughs.SaveAsync(start with { Position = GuidePosition.Step1, UpdatedAt = Samples.At.AddMinutes(3) });
        var passing = new CheckSummary(Verdict.Warn, [], [CheckIds.Balance], "…Xy12", "eu", Samples.At.AddMinutes(9), GuidePosition.FinalCheck);
        await walkthroughs.SaveAsync(start with { Position = GuidePosition.FinalCheck, LastCheck = passing, UpdatedAt = Samples.At.AddMinutes(10) });
        await walkthroughs.SaveAsync(start with { Position = GuidePosition.BeforeYouBegin, StartedAt = Samples.At.AddDays(3), UpdatedAt = Samples.At.AddDays(3) });

        var marks = (await data.MarksForMemberAsync(Member))!;

        Assert.Equal(
            [(GuidePosition.BeforeYouBegin, Samples.At), (GuidePosition.Step1, Samples.At.AddMinutes(1)), (GuidePosition.Step2, Samples.At.AddMinutes(2)), (GuidePosition.FinalCheck, Samples.At.AddMinutes(10))],
            marks.Reached.OrderBy(r => r.Key).Select(r => (r.Key, r.Value)));
        Assert.Equal(Samples.At.AddMinutes(9), marks.FinalCheckPassedAt);
        Assert.Equal(Samples.At, marks.StartedAt);
    }

    [Fact]
    public async Task History_ManyItems_PagedNewestFirstWithoutNotes()
    {
        for (var i = 0; i < 12; i++)
        {
            await checks.AddAsync(Samples.History(Member, Samples.At.AddMinutes(i), i % 2 == 0 ? Verdict.Fail : Verdict.Pass));
        }

        await checks.AddAsync(Samples.History(Other, Samples.At));
        clock.SetUtcNow(Samples.At.AddHours(1));
        var number = (await tickets.OpenOrAppendAsync(Member, TicketOrigin.CheckFailed, TicketSamples.Card())).Ticket.Number;
        await tickets.AttachThreadAsync(number, 9999);
        await tickets.ClaimAsync(number, Staff);
        await tickets.AddNoteAsync(number, Staff, "private: thinks it's a scam");
        await tickets.CloseAsync(number, Staff, "fixed in a call");
        await tickets.RateAsync(number, Member, 4);
        await reminders.SaveAsync(Reminder(Member, "mainnet"));
        var history = new MemberHistoryService(data, audit, reminders);

        var first = await history.GetPageAsync(Member, 1, pageSize: 5);
        var last = await history.GetPageAsync(Member, 99, pageSize: 5);

        Assert.Equal((16, 1, 12, 3), (first.Tickets + first.Checks + first.AuditEntries, first.Tickets, first.Checks, first.AuditEntries));
        Assert.Equal((1, 4), (first.Page, first.PageCount));
        Assert.Equal(1, first.Reminders);
        Assert.Equal(5, first.Items.Count);
        Assert.True(first.Items.Zip(first.Items.Skip(1)).All(p => p.First.At >= p.Second.At));
        var ticket = Assert.Single(new[] { first, await history.GetPageAsync(Member, 2, 5), await history.GetPageAsync(Member, 3, 5), last }.SelectMany(p => p.Items), i => i.Kind == MemberHistoryKind.Ticket);
        Assert.Equal(("#0001", TicketCloseOutcome.ClosedByStaff, 4, (ulong?)9999), (ticket.Ticket!.DisplayNumber, ticket.Ticket.Outcome, ticket.Ticket.Rating, ticket.ThreadId));
        Assert.Equal(["position-mode"], ticket.Ticket.Card!.Failing.Select(c => c.Id));
        Assert.Equal((4, 1), (last.Page, last.Items.Count));
        var oldest = last.Items[^1].Check!;
        Assert.Equal((Verdict.Fail, "…Xy12", "mainnet"), (oldest.Verdict, oldest.MaskedKey, oldest.RegionKey));
        Assert.DoesNotContain(new[] { first, last }.SelectMany(p => p.Items), i => i.Entry?.Detail.Contains("scam", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Delete_MemberData_KeepsOpenTicketAndAuditLog_ErasesTheRest()
    {
        await walkthroughs.SaveAsync(Samples.Progress(Member));
        await checks.AddAsync(Samples.History(Member, Samples.At));
        await checks.AddAsync(Samples.History(Member, Samples.At.AddMinutes(5)));
        await checks.AddAsync(Samples.History(Other, Samples.At));
        var closed = (await tickets.OpenOrAppendAsync(Member, TicketOrigin.CheckFailed, TicketSamples.Card())).Ticket.Number;
        await tickets.AddNoteAsync(closed, Staff, "called them");
        await tickets.CloseAsync(closed, Staff, "fixed");
        await tickets.RateAsync(closed, Member, 5);
        var open = (await tickets.OpenOrAppendAsync(Member, TicketOrigin.CheckFailed, TicketSamples.Card(CheckIds.Withdrawal))).Ticket.Number;
        await tickets.AddNoteAsync(open, Staff, "still on it");
        await reminders.SaveAsync(Reminder(Member, "mainnet"));
        await reminders.SaveAsync(Reminder(Member, "eu"));
        await reminders.SaveAsync(Reminder(Other, "mainnet"));
        var auditBefore = (await audit.ForMemberAsync(Member)).Count;
        var service = new MemberDataService(data, walkthroughs, audit, clock, reminders, tickets);

        var deletion = await service.DeleteAsync(Member, requestedBy: Member);

        Assert.Equal((true, 2, 1, 2), (deletion.WalkthroughDeleted, deletion.ChecksDeleted, deletion.ClosedTicketsErased, deletion.RemindersDeleted));
        Assert.Empty(await reminders.ListAsync(Member));
        Assert.Single(await reminders.ListAsync(Other));
        Assert.Equal([open], deletion.OpenTicketsKept);
        Assert.Null(await walkthroughs.GetAsync(Member));
        Assert.Null(await data.MarksForMemberAsync(Member));
        Assert.Empty(await data.ChecksForMemberAsync(Member));
        Assert.Single(await data.ChecksForMemberAsync(Other));
        var erased = (await tickets.GetAsync(closed))!;
        Assert.Equal((null, 0, 0, 5, (TicketCloseOutcome?)TicketCloseOutcome.ClosedByStaff), (erased.Card, erased.LaterChecks.Count, erased.Notes.Count, erased.Rating!.Value, erased.Outcome));
        Assert.NotNull(erased.ErasedAt);
        var kept = (await tickets.GetAsync(open))!;
        Assert.Equal((CheckIds.Withdrawal, 1), (kept.Card!.Failing[0].Id, kept.Notes.Count));
        var entries = await audit.ForMemberAsync(Member);
        Assert.Equal(auditBefore + 1, entries.Count);
        Assert.Equal((AuditActions.MemberDataDeleted, "deleted the member's data on request: walkthrough deleted, 2 checks, 2 reminders, details of 1 closed tickets"), (entries[0].Action, entries[0].Detail));
    }

    [Fact]
    public async Task Export_MemberData_HasEverythingButNotesAndNoSecret()
    {
        await walkthroughs.SaveAsync(Samples.Progress(Member));
        await checks.AddAsync(Samples.History(Member, Samples.At));
        var number = (await tickets.OpenOrAppendAsync(Member, TicketOrigin.CheckFailed, TicketSamples.Card())).Ticket.Number;
        await tickets.AddNoteAsync(number, Staff, "private staff remark");
        await reminders.SaveAsync(Reminder(Member, "mainnet"));
        var service = new MemberDataService(data, walkthroughs, audit, clock, reminders, tickets);

        var export = await service.ExportAsync(Member);
        var json = export.ToJson();

        Assert.Equal(GuidePosition.Step5, export.Progress?.Position);
        Assert.Single(export.Checks);
        Assert.False(Assert.Single(export.Tickets).IsClosed);
        Assert.Single(export.AuditEntries);
        Assert.Equal("…Xy12", Assert.Single(export.Reminders).MaskedKey);
        Assert.Contains("\"apiKey\": \"…Xy12\"", json, StringComparison.Ordinal);
        Assert.Contains("\"number\": \"#0001\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reminders\": [\n    {\n      \"memberId\": \"123456789012345678\",\n      \"apiKey\": \"…Xy12\",\n      \"expiresAt\": \"2027-01-05T00:00:00+00:00\",\n      \"site\": \"mainnet\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("private staff remark", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.ApiKey, json, StringComparison.Ordinal);
    }

    private static KeyReminder Reminder(ulong member, string site) =>
        new(member, "…Xy12", new DateTimeOffset(2027, 1, 5, 0, 0, 0, TimeSpan.Zero), site, TicketSamples.At, []);

    public void Dispose()
    {
        tickets.Dispose();
        database.Dispose();
        folder.Dispose();
    }
}

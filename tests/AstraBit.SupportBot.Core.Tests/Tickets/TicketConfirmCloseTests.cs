using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tests.Guide;
using AstraBit.SupportBot.Core.Tests.WorkingHours;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

public sealed class TicketConfirmCloseTests : IDisposable
{
    private readonly TicketHarness harness = new(new TicketOptions { CloseConfirmAfter = TimeSpan.FromDays(1) });

    private TicketLedgerDriver Service => harness.Service;

    [Fact]
    public async Task RequestClose_FailedCheckTicket_StaysOpenAwaitingTheMember()
    {
        var ticket = await harness.OpenAsync();
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);

        var outcome = await Service.RequestCloseAsync(ticket.Number, TicketHarness.Staff);

        Assert.True(ticket.ClosesWithConfirmation);
        Assert.True(outcome.Succeeded);
        var stored = await harness.ReloadAsync(ticket.Number);
        Assert.True(stored.AwaitingConfirmation);
        Assert.False(stored.IsClosed);
        Assert.Equal((TicketHarness.Start, (ulong?)TicketHarness.Staff), (stored.CloseRequestedAt!.Value, stored.CloseRequestedBy));
        Assert.Equal(AuditActions.TicketCloseRequested, harness.Audit.Entries[^1].Action);
        Assert.Equal(TicketRefusal.AlreadyAwaitingConfirmation, (await Service.RequestCloseAsync(ticket.Number, TicketHarness.Staff)).Refusal);
    }

    [Fact]
    public async Task ConfirmFixed_TheMember_ClosesResolved()
    {
        var ticket = await harness.OpenAsync();
        await Service.RequestCloseAsync(ticket.Number, TicketHarness.Staff);

        var other = await Service.ConfirmFixedAsync(ticket.Number, TicketHarness.OtherMember);
        var outcome = await Service.ConfirmFixedAsync(ticket.Number, TicketHarness.Member);

        Assert.Equal(TicketRefusal.NotTheMember, other.Refusal);
        Assert.True(outcome.Ticket!.IsClosed);
        Assert.Equal(TicketCloseOutcome.Resolved, outcome.Ticket.Outcome);
        Assert.Null(outcome.Ticket.ClosedBy);
        Assert.Equal(TicketHarness.Staff, outcome.Ticket.ResolvedBy);
        Assert.Equal("closed #0001: the member confirmed it is fixed (resolved)", harness.Audit.Entries[^1].Detail);
    }

    [Fact]
    public async Task DeclineClose_TheMember_StaysOpenWithTheClaimer()
    {
        var ticket = await harness.OpenAsync();
        await Service.ClaimAsync(ticket.Number, TicketHarness.OtherStaff);
        await Service.RequestCloseAsync(ticket.Number, TicketHarness.Staff);
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var outcome = await Service.DeclineCloseAsync(ticket.Number, TicketHarness.Member);

        Assert.True(outcome.Succeeded);
        var stored = await harness.ReloadAsync(ticket.Number);
        Assert.False(stored.AwaitingConfirmation);
        Assert.Equal((TicketState.Claimed, (ulong?)TicketHarness.OtherStaff), (stored.State, stored.ClaimedBy));
        Assert.Null(stored.Outcome);
        Assert.Equal(AuditActions.TicketCloseDeclined, harness.Audit.Entries[^1].Action);
        harness.Clock.Advance(TimeSpan.FromDays(2));
        Assert.DoesNotContain(await Service.DueActionsAsync(), a => a.Kind == TicketActionKind.CloseUnconfirmed);
        Assert.Equal(TicketRefusal.NotAwaitingConfirmation, (await Service.ConfirmFixedAsync(ticket.Number, TicketHarness.Member)).Refusal);
    }

    [Theory]
    [InlineData(Verdict.Pass, true)]
    [InlineData(Verdict.Warn, true)]
    [InlineData(Verdict.Fail, false)]
    [InlineData(Verdict.Error, false)]
    public async Task AddCheck_WhileAwaitingConfirmation_PassingCheckClosesVerified(Verdict verdict, bool closes)
    {
        var ticket = await harness.OpenAsync();
        await Service.RequestCloseAsync(ticket.Number, TicketHarness.Staff);

        var outcome = await Service.AddCheckAsync(ticket.Number, TicketHarness.Card() with { Verdict = verdict });

        Assert.Equal(closes, outcome.Ticket!.IsClosed);
        Assert.Equal(closes ? TicketCloseOutcome.ResolvedVerified : null, outcome.Ticket.Outcome);
        Assert.Single(outcome.Ticket.LaterChecks);
        Assert.Equal(!closes, (await harness.ReloadAsync(ticket.Number)).AwaitingConfirmation);
    }

    [Fact]
    public async Task AddCheck_PassingWithoutACloseRequest_DoesNotClose()
    {
        var ticket = await harness.OpenAsync();

        var outcome = await Service.AddCheckAsync(ticket.Number, TicketHarness.Card() with { Verdict = Verdict.Pass });

        Assert.False(outcome.Ticket!.IsClosed);
    }

    [Fact]
    public async Task Timer_NoAnswerWithinCloseConfirmAfter_ClosesUnconfirmedEvenAfterARestart()
    {
        var ticket = await harness.OpenAsync();
        await Service.RequestCloseAsync(ticket.Number, TicketHarness.Staff);
        harness.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromTicks(1));
        Assert.Empty(await Service.DueActionsAsync());

        harness.Clock.Advance(TimeSpan.FromHours(3));
        harness.Restart();
        var performed = new List<TicketAction>();
        var count = await Service.RunDueAsync(a =>
        {
            performed.Add(a);
            return Task.CompletedTask;
        });

        Assert.Equal(1, count);
        Assert.Equal(new TicketAction(TicketActionKind.CloseUnconfirmed, 1, TicketHarness.Member, null, TicketHarness.Start.AddDays(1)), Assert.Single(performed));
        var stored = await harness.ReloadAsync(ticket.Number);
        Assert.Equal((TicketState.Closed, (TicketCloseOutcome?)TicketCloseOutcome.ResolvedUnconfirmed), (stored.State, stored.Outcome));
        Assert.Equal(0, await Service.RunDueAsync(_ => Task.CompletedTask));
    }

    [Fact]
    public async Task Timer_WhileAwaitingConfirmation_NoReminderOrAutoClose()
    {
        var ticket = await harness.OpenAsync();
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, TicketHarness.Start);
        await Service.RequestCloseAsync(ticket.Number, TicketHarness.Staff);
        harness.Clock.Advance(TimeSpan.FromHours(23));

        Assert.Empty(await Service.DueActionsAsync());
    }

    [Fact]
    public async Task Close_ForcedWhileAwaiting_ClosedByStaffWithReason()
    {
        var ticket = await harness.OpenAsync();
        await Service.RequestCloseAsync(ticket.Number, TicketHarness.Staff);

        var outcome = await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "duplicate of #0002");

        Assert.Equal((TicketCloseOutcome?)TicketCloseOutcome.ClosedByStaff, outcome.Ticket!.Outcome);
        Assert.Equal("duplicate of #0002", outcome.Ticket.CloseReason);
        Assert.Equal(TicketHarness.Staff, outcome.Ticket.ClosedBy);
    }

    [Fact]
    public async Task Outcomes_TimerAndMemberLeft_AreRecorded()
    {
        var first = await harness.OpenAsync();
        await Service.RecordMessageAsync(first.Number, TicketHarness.Staff, isStaff: true, TicketHarness.Start);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await Service.MarkRemindedAsync(first.Number);
        harness.Clock.Advance(TimeSpan.FromDays(2));
        await Service.AutoCloseAsync(first.Number);
        var second = await harness.OpenAsync(TicketHarness.OtherMember);
        await Service.MemberLeftAsync(TicketHarness.OtherMember);

        Assert.Equal(TicketCloseOutcome.NoReply, (await harness.ReloadAsync(first.Number)).Outcome);
        Assert.Equal(TicketCloseOutcome.MemberLeft, (await harness.ReloadAsync(second.Number)).Outcome);
    }

    [Fact]
    public async Task Reopen_AfterResolved_ClearsOutcomeAndRequest()
    {
        var ticket = await harness.OpenAsync();
        await Service.RequestCloseAsync(ticket.Number, TicketHarness.Staff);
        await Service.ConfirmFixedAsync(ticket.Number, TicketHarness.Member);

        var reopened = (await Service.ReopenAsync(ticket.Number, TicketHarness.Staff)).Ticket!;

        Assert.Equal((null, null, null), (reopened.Outcome, reopened.CloseRequestedAt, reopened.CloseRequestedBy));
    }

    [Fact]
    public async Task ClosesWithConfirmation_OpenedByCommandWithoutCheck_False()
    {
        var opening = await Service.OpenOrAppendAsync(TicketHarness.Member, TicketOrigin.Command, card: null);

        Assert.False(opening.Ticket.ClosesWithConfirmation);
    }

    [Fact]
    public async Task AddNote_Staff_StoredScrubbedAndAuditedWithoutItsText()
    {
        var ticket = await harness.OpenAsync();
        var secret = "c3FnJxFkQjVDZRucq2zyw8GOuLfafi1JrpRW"; // a realistic 36-character Bybit secret

        var outcome = await Service.AddNoteAsync(ticket.Number, TicketHarness.Staff, $"  member pasted {secret} earlier; asked to rotate  ");

        var note = Assert.Single(outcome.Ticket!.Notes);
        Assert.Equal((TicketHarness.Staff, "member pasted [hidden] earlier; asked to rotate", TicketHarness.Start), (note.AuthorId, note.Text, note.At));
        Assert.Single((await harness.ReloadAsync(ticket.Number)).Notes);
        var entry = harness.Audit.Entries[^1];
        Assert.Equal((AuditActions.TicketNoteAdded, "added a staff note to #0001"), (entry.Action, entry.Detail));
    }

    [Theory]
    [InlineData("   ", TicketRefusal.NoteRequired)]
    [InlineData(null, TicketRefusal.NoteRequired)]
    public async Task AddNote_Empty_Refused(string? text, TicketRefusal refusal)
    {
        var ticket = await harness.OpenAsync();

        Assert.Equal(refusal, (await Service.AddNoteAsync(ticket.Number, TicketHarness.Staff, text)).Refusal);
        Assert.Equal(TicketRefusal.NoteTooLong, (await Service.AddNoteAsync(ticket.Number, TicketHarness.Staff, new string('a', TicketNote.MaxLength + 1))).Refusal);
        Assert.Empty((await harness.ReloadAsync(ticket.Number)).Notes);
    }

    [Fact]
    public void Validate_BadWorkingHoursAndConfirmAfter_OneLinePerProblemNamingTheKey()
    {
        var hours = WorkingCalendarTests.OfficeHours();
        hours["Friday"] = "9:00-17:00";
        var options = new TicketOptions { CloseConfirmAfter = TimeSpan.Zero, WorkingHours = hours };

        var result = new TicketOptionsValidator().Validate(null, options);

        Assert.Equal(
            ["Tickets:CloseConfirmAfter must be greater than 00:00:00", "Tickets:WorkingHours:Friday (\"9:00-17:00\"): \"9:00-17:00\" is not a time range like 09:00-18:00 (24-hour clock, \"\" for closed)"],
            result.Failures);
        Assert.Equal(TimeSpan.FromDays(1), new TicketOptions().CloseConfirmAfter);
    }

    public void Dispose() => harness.Dispose();
}

public sealed class TicketWorkingHoursTimerTests : IDisposable
{
    // Saturday 2026-11-28 12:00 UTC; staff work Monday to Friday in London (UTC in winter).
    private static readonly DateTimeOffset Saturday = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayNine = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly TicketHarness harness = new(new TicketOptions { WorkingHours = WorkingCalendarTests.OfficeHours() });

    [Fact]
    public async Task Escalation_TicketOpenedSaturday_WaitsForMondayWorkingTime()
    {
        harness.Clock.SetUtcNow(Saturday);
        var ticket = await harness.OpenAsync();

        harness.Clock.SetUtcNow(MondayNine.AddMinutes(29));
        Assert.Empty(await harness.Service.DueActionsAsync());
        harness.Clock.SetUtcNow(MondayNine.AddMinutes(30));

        var action = Assert.Single(await harness.Service.DueActionsAsync());
        Assert.Equal((TicketActionKind.Escalate, MondayNine.AddMinutes(30)), (action.Kind, action.DueAt));
        Assert.Equal(MondayNine.AddMinutes(30), TicketTimers.EscalateDueAt(ticket, harness.Options));
    }

    [Fact]
    public async Task Reminder_StaffSpokeFridayAfternoon_CountsOnlyWorkingTime()
    {
        var fridayFour = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
        harness.Clock.SetUtcNow(fridayFour);
        var ticket = await harness.OpenAsync();
        await harness.Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, fridayFour);

        // StaleAfter is 24 hours of working time: Friday 16–17, Monday 9–18, Tuesday 9–18, Wednesday 9–14.
        Assert.Equal(MondayNine.AddDays(2).AddHours(5), TicketTimers.RemindDueAt(await harness.ReloadAsync(ticket.Number), harness.Options));
    }

    [Fact]
    public async Task CloseConfirmation_CountsWallClock()
    {
        harness.Clock.SetUtcNow(Saturday);
        var ticket = await harness.OpenAsync();
        await harness.Service.RequestCloseAsync(ticket.Number, TicketHarness.Staff);

        Assert.Equal(Saturday.AddDays(1), TicketTimers.CloseUnconfirmedDueAt(await harness.ReloadAsync(ticket.Number), harness.Options));
    }

    public void Dispose() => harness.Dispose();
}

public sealed class TicketListWorkingWaitTests : IDisposable
{
    private readonly TicketHarness harness = new(new TicketOptions { WorkingHours = WorkingCalendarTests.OfficeHours() });

    [Fact]
    public async Task ListOpen_WaitOverTheWeekend_SaysTheWorkingPart()
    {
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero));
        await harness.OpenAsync();
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));

        var item = Assert.Single(await harness.Service.ListOpenAsync());

        Assert.Equal(TimeSpan.FromHours(2), item.WorkingWait);
        Assert.Equal("waiting for staff for 2 days, 18 hours (2 hours in working hours)", TicketTime.WaitText(item, ShippedGuide.English));
    }

    public void Dispose() => harness.Dispose();
}

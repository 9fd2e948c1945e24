using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

public sealed class TicketTimerTests : IDisposable
{
    private readonly TicketHarness harness = new(new TicketOptions
    {
        EscalateAfter = TimeSpan.FromMinutes(30),
        StaleAfter = TimeSpan.FromDays(1),
        AutoCloseAfter = TimeSpan.FromDays(2),
    });

    private TicketLedgerDriver Service => harness.Service;

    [Fact]
    public async Task DueActions_UnclaimedJustBeforeEscalateAfter_Nothing()
    {
        await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromTicks(1));

        Assert.Empty(await Service.DueActionsAsync());
    }

    [Fact]
    public async Task DueActions_UnclaimedPastEscalateAfter_Escalate()
    {
        var ticket = await harness.OpenAsync();
        await Service.AttachThreadAsync(ticket.Number, 5000);
        harness.Clock.Advance(TimeSpan.FromMinutes(31));

        var action = Assert.Single(await Service.DueActionsAsync());

        Assert.Equal(new TicketAction(TicketActionKind.Escalate, 1, TicketHarness.Member, 5000, TicketHarness.Start.AddMinutes(30)), action);
    }

    [Fact]
    public async Task MarkEscalated_Due_OnceOnlyAndAudited()
    {
        var ticket = await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(31));

        var first = await Service.MarkEscalatedAsync(ticket.Number);
        var second = await Service.MarkEscalatedAsync(ticket.Number);
        harness.Clock.Advance(TimeSpan.FromDays(1));

        Assert.True(first.Succeeded);
        Assert.Equal(TicketHarness.Start.AddMinutes(31), first.Ticket!.EscalatedAt);
        Assert.Equal(TicketRefusal.NotDue, second.Refusal);
        Assert.Empty(await Service.DueActionsAsync());
        var entry = Assert.Single(harness.Audit.Entries);
        Assert.Equal((null, AuditActions.TicketEscalated, "#0001 unclaimed for 31 minutes; support pinged again"), (entry.ActorId, entry.Action, entry.Detail));
    }

    [Fact]
    public async Task MarkEscalated_NotYetDue_Refused()
    {
        var ticket = await harness.OpenAsync();

        var outcome = await Service.MarkEscalatedAsync(ticket.Number);

        Assert.Equal(TicketRefusal.NotDue, outcome.Refusal);
        Assert.Null((await harness.ReloadAsync(ticket.Number)).EscalatedAt);
    }

    [Fact]
    public async Task DueActions_Claimed_NoEscalation()
    {
        var ticket = await harness.OpenAsync();
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);
        harness.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Empty(await Service.DueActionsAsync());
    }

    [Fact]
    public async Task DueActions_EscalatedThenUnclaimed_NotAgain()
    {
        var ticket = await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(31));
        await Service.MarkEscalatedAsync(ticket.Number);
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);
        await Service.UnclaimAsync(ticket.Number, TicketHarness.Staff);
        harness.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Empty(await Service.DueActionsAsync());
    }

    [Fact]
    public async Task DueActions_Reopened_EscalatesAgainFromReopening()
    {
        var ticket = await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(31));
        await Service.MarkEscalatedAsync(ticket.Number);
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");
        await Service.ReopenAsync(ticket.Number, TicketHarness.Staff);
        harness.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(await Service.DueActionsAsync());

        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var action = Assert.Single(await Service.DueActionsAsync());
        Assert.Equal(TicketActionKind.Escalate, action.Kind);
        Assert.Equal(TicketHarness.Start.AddMinutes(61), action.DueAt);
    }

    [Fact]
    public async Task DueActions_StaffSpokeAndMemberSilentPastStaleAfter_RemindOnce()
    {
        var ticket = await ClaimedWithStaffMessageAsync();
        harness.Clock.Advance(TimeSpan.FromDays(1));

        var action = Assert.Single(await Service.DueActionsAsync());
        var marked = await Service.MarkRemindedAsync(ticket.Number);
        var again = await Service.MarkRemindedAsync(ticket.Number);

        Assert.Equal(TicketActionKind.Remind, action.Kind);
        Assert.Equal(TicketHarness.Start.AddDays(1), action.DueAt);
        Assert.Equal(TicketHarness.Start.AddDays(1), marked.Ticket!.RemindedAt);
        Assert.Equal(TicketRefusal.NotDue, again.Refusal);
        Assert.Empty(await Service.DueActionsAsync());
        Assert.Equal(AuditActions.TicketReminded, harness.Audit.Entries[^1].Action);
    }

    [Fact]
    public async Task DueActions_MemberAnsweredLast_NoReminder()
    {
        var ticket = await ClaimedWithStaffMessageAsync();
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Member, isStaff: false, TicketHarness.Start.AddMinutes(5));
        harness.Clock.Advance(TimeSpan.FromDays(10));

        Assert.Empty(await Service.DueActionsAsync());
    }

    [Fact]
    public async Task DueActions_RemindedAndSilentPastAutoCloseAfter_AutoClose()
    {
        var ticket = await ClaimedWithStaffMessageAsync();
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await Service.MarkRemindedAsync(ticket.Number);
        harness.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromTicks(1));
        Assert.Empty(await Service.DueActionsAsync());

        harness.Clock.Advance(TimeSpan.FromTicks(1));

        var action = Assert.Single(await Service.DueActionsAsync());
        Assert.Equal(TicketActionKind.AutoClose, action.Kind);
        var closed = await Service.AutoCloseAsync(ticket.Number);
        Assert.Equal(TicketState.Closed, closed.Ticket!.State);
        Assert.Null(closed.Ticket.ClosedBy);
        Assert.Equal(TicketStateMachine.AutoCloseReason, closed.Ticket.CloseReason);
        Assert.Empty(await Service.DueActionsAsync());
    }

    [Fact]
    public async Task DueActions_MemberAnswersAfterReminder_ReminderClearedNoAutoClose()
    {
        var ticket = await ClaimedWithStaffMessageAsync();
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await Service.MarkRemindedAsync(ticket.Number);

        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Member, isStaff: false, harness.Clock.GetUtcNow());
        harness.Clock.Advance(TimeSpan.FromDays(5));

        Assert.Null((await harness.ReloadAsync(ticket.Number)).RemindedAt);
        Assert.Empty(await Service.DueActionsAsync());
        Assert.Equal(TicketRefusal.NotDue, (await Service.AutoCloseAsync(ticket.Number)).Refusal);
    }

    [Fact]
    public async Task DueActions_StaffSpeaksAgainAfterReminder_NewStalePeriod()
    {
        var ticket = await ClaimedWithStaffMessageAsync();
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await Service.MarkRemindedAsync(ticket.Number);
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, harness.Clock.GetUtcNow());

        harness.Clock.Advance(TimeSpan.FromDays(1));

        var action = Assert.Single(await Service.DueActionsAsync());
        Assert.Equal(TicketActionKind.Remind, action.Kind);
    }

    [Fact]
    public async Task DueActions_UnclaimedWithStaffMessage_EscalateAndRemindEarliestFirst()
    {
        var ticket = await harness.OpenAsync();
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, TicketHarness.Start.AddMinutes(1));
        harness.Clock.Advance(TimeSpan.FromDays(2));

        var actions = await Service.DueActionsAsync();

        Assert.Equal([TicketActionKind.Escalate, TicketActionKind.Remind], actions.Select(a => a.Kind));
    }

    [Fact]
    public async Task DueActions_AfterRestart_StillDueAndMarksPersist()
    {
        var ticket = await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromHours(1));

        harness.Restart();
        var due = await Service.DueActionsAsync();
        await Service.MarkEscalatedAsync(ticket.Number);
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, harness.Clock.GetUtcNow());
        harness.Restart();
        var afterMark = await Service.DueActionsAsync();
        harness.Clock.Advance(TimeSpan.FromDays(1));
        harness.Restart();
        var remind = await Service.DueActionsAsync();
        await Service.MarkRemindedAsync(ticket.Number);
        harness.Clock.Advance(TimeSpan.FromDays(2));
        harness.Restart();
        var close = await Service.DueActionsAsync();

        Assert.Equal(TicketActionKind.Escalate, Assert.Single(due).Kind);
        Assert.Empty(afterMark);
        Assert.Equal(TicketActionKind.Remind, Assert.Single(remind).Kind);
        Assert.Equal(TicketActionKind.AutoClose, Assert.Single(close).Kind);
    }

    [Fact]
    public async Task DueActions_Closed_Nothing()
    {
        var ticket = await ClaimedWithStaffMessageAsync();
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");
        harness.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Empty(await Service.DueActionsAsync());
    }

    [Fact]
    public void Due_PureFunction_OrderedByDueTime()
    {
        var ticket = new Ticket(7, 1, TicketOrigin.Command, TicketHarness.Start, null)
        {
            LastStaffMessageAt = TicketHarness.Start.AddMinutes(-10),
        };
        var options = new TicketOptions { EscalateAfter = TimeSpan.FromHours(1), StaleAfter = TimeSpan.FromMinutes(20) };

        var due = TicketTimers.Due(ticket, TicketHarness.Start.AddHours(2), options);

        Assert.Equal([TicketActionKind.Remind, TicketActionKind.Escalate], due.Select(a => a.Kind));
        Assert.Equal(TicketHarness.Start.AddMinutes(10), TicketTimers.RemindDueAt(ticket, options));
        Assert.Null(TicketTimers.AutoCloseDueAt(ticket, options));
    }

    public void Dispose() => harness.Dispose();

    private async Task<Ticket> ClaimedWithStaffMessageAsync()
    {
        var ticket = await harness.OpenAsync();
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, TicketHarness.Start);
        return ticket;
    }
}

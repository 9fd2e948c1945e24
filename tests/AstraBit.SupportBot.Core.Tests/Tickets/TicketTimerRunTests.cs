using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

public sealed class TicketTimerRunTests : IDisposable
{
    private readonly TicketHarness harness = new();

    private TicketLedgerDriver Service => harness.Service;

    [Fact]
    public async Task RunDue_EscalationDue_PerformedThenMarkedOnce()
    {
        await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(31));
        var performed = new List<TicketAction>();

        var first = await Service.RunDueAsync(a => { performed.Add(a); return Task.CompletedTask; });
        var second = await Service.RunDueAsync(a => { performed.Add(a); return Task.CompletedTask; });

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(TicketActionKind.Escalate, Assert.Single(performed).Kind);
        Assert.NotNull((await harness.ReloadAsync(1)).EscalatedAt);
    }

    [Fact]
    public async Task RunDue_AutoCloseDue_ClosedBeforePerform()
    {
        var ticket = await harness.OpenAsync();
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, true, TicketHarness.Start);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await Service.RunDueAsync(_ => Task.CompletedTask);
        harness.Clock.Advance(TimeSpan.FromDays(2));
        Ticket? seen = null;

        var count = await Service.RunDueAsync(async a => seen = await Service.GetAsync(a.Number));

        Assert.Equal(1, count);
        Assert.Equal(TicketState.Closed, seen!.State);
        Assert.Equal(TicketStateMachine.AutoCloseReason, seen.CloseReason);
    }

    [Fact]
    public async Task RunDue_OneActionFails_OthersDoneFailedStaysDueAndThrown()
    {
        await harness.OpenAsync(TicketHarness.Member);
        await harness.OpenAsync(TicketHarness.OtherMember);
        harness.Clock.Advance(TimeSpan.FromMinutes(31));

        var error = await Assert.ThrowsAsync<TicketTimerException>(() => Service.RunDueAsync(a =>
            a.Number == 1 ? throw new InvalidOperationException("Discord said no") : Task.CompletedTask));

        Assert.Contains("Discord said no", error.Message, StringComparison.Ordinal);
        Assert.Null((await harness.ReloadAsync(1)).EscalatedAt);
        Assert.NotNull((await harness.ReloadAsync(2)).EscalatedAt);
        Assert.Equal(1, Assert.Single(await Service.DueActionsAsync()).Number);
    }

    public void Dispose() => harness.Dispose();
}

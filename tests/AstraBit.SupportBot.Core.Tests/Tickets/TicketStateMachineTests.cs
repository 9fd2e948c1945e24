using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

/// <summary>The ticket's rules as pure functions: a ticket, a command and a time in, the changed ticket or a refusal out.</summary>
public sealed class TicketStateMachineTests
{
    private const ulong Member = TicketHarness.Member;
    private const ulong Staff = TicketHarness.Staff;
    private const ulong OtherStaff = TicketHarness.OtherStaff;

    private static readonly DateTimeOffset T0 = TicketHarness.Start;
    private static readonly DateTimeOffset Later = T0.AddHours(1);
    private static readonly TicketOptions Options = new();

    private static Ticket FromFailedCheck() => TicketStateMachine.Open(7, Member, TicketOrigin.CheckFailed, TicketHarness.Card(), T0);

    private static Ticket ByCommand() => TicketStateMachine.Open(8, Member, TicketOrigin.Command, null, T0);

    private static Ticket Closed(Ticket ticket) => Decide(ticket, new TicketCommand.Close(Staff, "done")).Outcome.Ticket!;

    private static TicketTransition Decide(Ticket ticket, TicketCommand command, DateTimeOffset? at = null, Ticket? membersOpen = null) =>
        TicketStateMachine.Decide(ticket, command, at ?? Later, Options, membersOpen);

    private static Ticket Changed(TicketTransition transition)
    {
        Assert.True(transition.Outcome.Succeeded, transition.Outcome.Message);
        return transition.Outcome.Ticket;
    }

    private static void AssertRefused(TicketRefusal refusal, TicketTransition transition, Ticket before)
    {
        Assert.Equal(refusal, transition.Outcome.Refusal);
        Assert.False(transition.Changes(before));
        Assert.Null(transition.Act);
    }

    [Fact]
    public void Claim_OpenTicket_ClaimedByStaffAtThatTimeAndAudited()
    {
        var ticket = FromFailedCheck();

        var transition = Decide(ticket, new TicketCommand.Claim(Staff));

        var claimed = Changed(transition);
        Assert.Equal((TicketState.Claimed, Staff, Later), (claimed.State, claimed.ClaimedBy, claimed.ClaimedAt!.Value));
        Assert.Equal(new TicketAct(Staff, AuditActions.TicketClaimed, "claimed #0007"), transition.Act);
    }

    [Theory]
    [InlineData(Staff, "You have already claimed ticket #0007.")]
    [InlineData(OtherStaff, "Ticket #0007 is already claimed by someone else; they, or any staff member, can unclaim it.")]
    public void Claim_AlreadyClaimed_Refused(ulong claimer, string message)
    {
        var claimed = Changed(Decide(FromFailedCheck(), new TicketCommand.Claim(Staff)));

        var transition = Decide(claimed, new TicketCommand.Claim(claimer));

        AssertRefused(TicketRefusal.AlreadyClaimed, transition, claimed);
        Assert.Equal(message, transition.Outcome.Message);
    }

    [Fact]
    public void Unclaim_BySomeoneElse_OpenAgainAndTheAuditNamesTheClaimer()
    {
        var claimed = Changed(Decide(FromFailedCheck(), new TicketCommand.Claim(Staff)));

        var transition = Decide(claimed, new TicketCommand.Unclaim(OtherStaff));

        Assert.Equal((TicketState.Open, null), (Changed(transition).State, Changed(transition).ClaimedBy));
        Assert.Equal($"unclaimed #0007 from <@{Staff}>", transition.Act!.Detail);
    }

    [Fact]
    public void Unclaim_NotClaimed_Refused()
    {
        var ticket = FromFailedCheck();

        AssertRefused(TicketRefusal.NotClaimed, Decide(ticket, new TicketCommand.Unclaim(Staff)), ticket);
    }

    [Theory]
    [InlineData(TicketOrigin.CheckFailed, false, null, StaffCloseStep.AskTheMember)]
    [InlineData(TicketOrigin.CheckFailed, true, null, StaffCloseStep.AskForReason)]
    [InlineData(TicketOrigin.CheckFailed, true, "fixed", StaffCloseStep.Close)]
    [InlineData(TicketOrigin.Command, false, null, StaffCloseStep.AskForReason)]
    [InlineData(TicketOrigin.Command, false, "fixed", StaffCloseStep.Close)]
    public void StaffClose_ByOriginForceAndReason_AsksTheMemberOnlyForAFailedCheck(TicketOrigin origin, bool force, string? reason, StaffCloseStep expected)
    {
        var ticket = TicketStateMachine.Open(1, Member, origin, null, T0);

        Assert.Equal(expected, TicketStateMachine.StaffClose(ticket, force, reason));
    }

    [Fact]
    public void StaffClose_AlreadyAsked_AsksForTheReasonInstead()
    {
        var asked = Changed(Decide(FromFailedCheck(), new TicketCommand.RequestClose(Staff)));

        Assert.Equal(StaffCloseStep.AskForReason, TicketStateMachine.StaffClose(asked, force: false, reason: null));
    }

    [Fact]
    public void RequestClose_Open_WaitsForTheMemberAndClearsTheReminder()
    {
        var reminded = FromFailedCheck() with { RemindedAt = T0.AddMinutes(5) };

        var asked = Changed(Decide(reminded, new TicketCommand.RequestClose(Staff)));

        Assert.True(asked.AwaitingConfirmation);
        Assert.Equal((Later, Staff, null), (asked.CloseRequestedAt!.Value, asked.CloseRequestedBy!.Value, asked.RemindedAt));
    }

    [Fact]
    public void RequestClose_AlreadyAsked_Refused()
    {
        var asked = Changed(Decide(FromFailedCheck(), new TicketCommand.RequestClose(Staff)));

        AssertRefused(TicketRefusal.AlreadyAwaitingConfirmation, Decide(asked, new TicketCommand.RequestClose(Staff)), asked);
    }

    [Fact]
    public void ConfirmFixed_ByTheMember_ClosedAsResolvedByNobody()
    {
        var asked = Changed(Decide(FromFailedCheck(), new TicketCommand.RequestClose(Staff)));

        var closed = Changed(Decide(asked, new TicketCommand.ConfirmFixed(Member), T0.AddHours(2)));

        Assert.Equal((TicketState.Closed, TicketCloseOutcome.Resolved, null, T0.AddHours(2)), (closed.State, closed.Outcome, closed.ClosedBy, closed.ClosedAt!.Value));
        Assert.Equal(TicketCloseSteps.None, closed.CloseDone);
    }

    [Fact]
    public void ConfirmFixed_BySomeoneElse_RefusedNamingTheMember()
    {
        var asked = Changed(Decide(FromFailedCheck(), new TicketCommand.RequestClose(Staff)));

        var transition = Decide(asked, new TicketCommand.ConfirmFixed(Staff));

        AssertRefused(TicketRefusal.NotTheMember, transition, asked);
        Assert.Equal($"Only <@{Member}> can answer whether their problem is fixed.", transition.Outcome.Message);
    }

    [Fact]
    public void ConfirmFixed_NotAsked_Refused()
    {
        var ticket = FromFailedCheck();

        AssertRefused(TicketRefusal.NotAwaitingConfirmation, Decide(ticket, new TicketCommand.ConfirmFixed(Member)), ticket);
    }

    [Fact]
    public void DeclineClose_ByTheMember_StaysOpenAndCountsAsTheMemberSpeaking()
    {
        var asked = Changed(Decide(FromFailedCheck(), new TicketCommand.RequestClose(Staff)));

        var transition = Decide(asked, new TicketCommand.DeclineClose(Member), T0.AddHours(2));

        var declined = Changed(transition);
        Assert.False(declined.AwaitingConfirmation);
        Assert.False(declined.IsClosed);
        Assert.Equal(T0.AddHours(2), declined.LastMemberMessageAt);
        Assert.Equal(AuditActions.TicketCloseDeclined, transition.Act!.Action);
    }

    [Theory]
    [InlineData(Verdict.Pass, true)]
    [InlineData(Verdict.Warn, true)]
    [InlineData(Verdict.Fail, false)]
    public void AddCheck_WhileAsked_APassingCheckClosesAsVerified(Verdict verdict, bool closes)
    {
        var asked = Changed(Decide(FromFailedCheck(), new TicketCommand.RequestClose(Staff)));
        var card = TicketHarness.Card() with { Verdict = verdict };

        var after = Changed(Decide(asked, new TicketCommand.AddCheck(card)));

        Assert.Equal(closes, after.IsClosed);
        Assert.Equal(closes ? TicketCloseOutcome.ResolvedVerified : null, after.Outcome);
        Assert.Equal([card], after.LaterChecks);
    }

    [Fact]
    public void AddCheck_NotAsked_APassingCheckIsOnlyRecorded()
    {
        var ticket = FromFailedCheck();

        var after = Changed(Decide(ticket, new TicketCommand.AddCheck(TicketHarness.Card() with { Verdict = Verdict.Pass })));

        Assert.False(after.IsClosed);
        Assert.Single(after.LaterChecks);
    }

    [Fact]
    public void CloseUnconfirmed_BeforeAndAfterTheConfirmWindow_RefusedThenClosedAsUnconfirmed()
    {
        var asked = Changed(Decide(FromFailedCheck(), new TicketCommand.RequestClose(Staff), T0));

        AssertRefused(TicketRefusal.NotDue, Decide(asked, new TicketCommand.CloseUnconfirmed(), T0 + Options.CloseConfirmAfter - TimeSpan.FromSeconds(1)), asked);
        var closed = Changed(Decide(asked, new TicketCommand.CloseUnconfirmed(), T0 + Options.CloseConfirmAfter));
        Assert.Equal(TicketCloseOutcome.ResolvedUnconfirmed, closed.Outcome);
    }

    [Theory]
    [InlineData(null, TicketRefusal.ReasonRequired)]
    [InlineData("   ", TicketRefusal.ReasonRequired)]
    public void Close_WithoutReason_RefusedBeforeLookingAtTheTicket(string? reason, TicketRefusal refusal)
    {
        var refused = TicketStateMachine.CheckInput(new TicketCommand.Close(Staff, reason));

        Assert.Equal(refusal, refused?.Refusal);
    }

    [Fact]
    public void Close_ReasonTooLong_Refused()
    {
        var refused = TicketStateMachine.CheckInput(new TicketCommand.Close(Staff, new string('x', Ticket.MaxCloseReasonLength + 1)));

        Assert.Equal(TicketRefusal.ReasonTooLong, refused?.Refusal);
    }

    [Fact]
    public void Close_WithReason_ClosedByStaffWithTheReasonTrimmedAndSecretsHidden()
    {
        var secret = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

        var transition = Decide(ByCommand(), new TicketCommand.Close(Staff, $"  member pasted {secret}  "));

        var closed = Changed(transition);
        Assert.Equal((TicketCloseOutcome.ClosedByStaff, Staff), (closed.Outcome, closed.ClosedBy!.Value));
        Assert.DoesNotContain(secret, closed.CloseReason, StringComparison.Ordinal);
        Assert.StartsWith("member pasted", closed.CloseReason, StringComparison.Ordinal);
        Assert.Equal(AuditActions.TicketClosed, transition.Act!.Action);
    }

    [Fact]
    public void Close_AlreadyClosed_Refused()
    {
        var closed = Closed(ByCommand());

        AssertRefused(TicketRefusal.Closed, Decide(closed, new TicketCommand.Close(Staff, "again")), closed);
    }

    [Fact]
    public void MemberLeft_Open_ClosedWithNoRatingToAsk()
    {
        var left = Changed(Decide(ByCommand(), new TicketCommand.MemberLeft()));

        Assert.Equal((TicketCloseOutcome.MemberLeft, TicketStateMachine.MemberLeftReason), (left.Outcome, left.CloseReason));
        Assert.Equal(TicketCloseSteps.RatingRequested, left.CloseDone);
    }

    [Fact]
    public void Reopen_Closed_OpenUnclaimedWithTimersReArmedAndTheRatingKept()
    {
        var claimed = Changed(Decide(ByCommand(), new TicketCommand.Claim(Staff)));
        var rated = Changed(Decide(Closed(claimed), new TicketCommand.Rate(Member, 4)));

        var transition = Decide(rated with { EscalatedAt = T0 }, new TicketCommand.Reopen(OtherStaff), T0.AddDays(1));

        var reopened = Changed(transition);
        Assert.Equal((TicketState.Open, null, null, null, T0.AddDays(1)), (reopened.State, reopened.ClaimedBy, reopened.Outcome, reopened.EscalatedAt, reopened.ReopenedAt!.Value));
        Assert.Equal((4, TicketCloseSteps.All), (reopened.Rating!.Value, reopened.CloseDone));
        Assert.Equal(new TicketAct(OtherStaff, AuditActions.TicketReopened, "reopened #0008"), transition.Act);
    }

    [Fact]
    public void Reopen_MemberHasAnotherOpenTicket_RefusedNamingIt()
    {
        var closed = Closed(ByCommand());
        var other = TicketStateMachine.Open(9, Member, TicketOrigin.Command, null, Later);

        var transition = Decide(closed, new TicketCommand.Reopen(Staff), membersOpen: other);

        AssertRefused(TicketRefusal.MemberHasAnotherOpenTicket, transition, closed);
        Assert.Equal("The member already has ticket #0009 open; continue there.", transition.Outcome.Message);
    }

    [Fact]
    public void Reopen_Open_Refused()
    {
        var ticket = ByCommand();

        AssertRefused(TicketRefusal.NotClosed, Decide(ticket, new TicketCommand.Reopen(Staff)), ticket);
    }

    [Fact]
    public void RecordMessage_StaffThenEarlierStaff_FirstReplyIsTheEarliest()
    {
        var first = Changed(Decide(ByCommand(), new TicketCommand.RecordMessage(Staff, true, T0.AddMinutes(30))));

        var second = Changed(Decide(first, new TicketCommand.RecordMessage(OtherStaff, true, T0.AddMinutes(10))));

        Assert.Equal((T0.AddMinutes(10), T0.AddMinutes(30)), (second.FirstStaffReplyAt!.Value, second.LastStaffMessageAt!.Value));
    }

    [Fact]
    public void RecordMessage_Member_ClearsTheReminder()
    {
        var reminded = ByCommand() with { RemindedAt = T0 };

        var after = Changed(Decide(reminded, new TicketCommand.RecordMessage(Member, false, Later)));

        Assert.Equal((Later, null), (after.LastMemberMessageAt!.Value, after.RemindedAt));
    }

    [Fact]
    public void RecordMessage_NotStaffNotTheMember_Unchanged()
    {
        var ticket = ByCommand();

        var transition = Decide(ticket, new TicketCommand.RecordMessage(12345, false, Later));

        Assert.True(transition.Outcome.Succeeded);
        Assert.False(transition.Changes(ticket));
    }

    [Fact]
    public void Rate_Open_RefusedUntilClosed()
    {
        var ticket = ByCommand();

        AssertRefused(TicketRefusal.NotClosed, Decide(ticket, new TicketCommand.Rate(Member, 5)), ticket);
    }

    [Theory]
    [InlineData(0, TicketRefusal.RatingOutOfRange)]
    [InlineData(6, TicketRefusal.RatingOutOfRange)]
    public void Rate_OutOfRange_Refused(int stars, TicketRefusal refusal)
    {
        var closed = Closed(ByCommand());

        AssertRefused(refusal, Decide(closed, new TicketCommand.Rate(Member, stars)), closed);
    }

    [Fact]
    public void Rate_TwiceOrBySomeoneElse_Refused()
    {
        var closed = Closed(ByCommand());
        var rated = Changed(Decide(closed, new TicketCommand.Rate(Member, 5)));

        AssertRefused(TicketRefusal.AlreadyRated, Decide(rated, new TicketCommand.Rate(Member, 1)), rated);
        AssertRefused(TicketRefusal.NotTheMember, Decide(closed, new TicketCommand.Rate(Staff, 5)), closed);
    }

    [Fact]
    public void AddNote_ErasedTicket_Refused()
    {
        var erased = Closed(ByCommand()) with { ErasedAt = Later };

        AssertRefused(TicketRefusal.Erased, Decide(erased, new TicketCommand.AddNote(Staff, "called them")), erased);
    }

    [Fact]
    public void AddNote_Open_KeptWithTheStaffMemberAndTime()
    {
        var noted = Changed(Decide(ByCommand(), new TicketCommand.AddNote(Staff, "  called them  ")));

        Assert.Equal(new TicketNote(Staff, "called them", Later), Assert.Single(noted.Notes));
    }

    [Fact]
    public void AttachThread_SecondDifferentThread_RefusedAndTheSameOneIsHarmless()
    {
        var attached = Changed(Decide(ByCommand(), new TicketCommand.AttachThread(5555)));

        Assert.Equal((5555UL, TicketBuildSteps.None), (attached.ThreadId!.Value, attached.Built));
        Assert.False(Decide(attached, new TicketCommand.AttachThread(5555)).Changes(attached));
        AssertRefused(TicketRefusal.ThreadAlreadyAttached, Decide(attached, new TicketCommand.AttachThread(6666)), attached);
    }

    [Fact]
    public void RecordCloseStep_Open_RefusedAndClosed_Added()
    {
        var open = ByCommand();
        var closed = Closed(open);

        AssertRefused(TicketRefusal.NotClosed, Decide(open, new TicketCommand.RecordCloseStep(TicketCloseSteps.Announced)), open);
        Assert.Equal(TicketCloseSteps.Announced | TicketCloseSteps.Archived, Changed(Decide(closed with { CloseDone = TicketCloseSteps.Archived }, new TicketCommand.RecordCloseStep(TicketCloseSteps.Announced))).CloseDone);
    }

    [Fact]
    public void MarkEscalated_BeforeDue_RefusedAndAtDue_Marked()
    {
        var ticket = ByCommand();
        var due = TicketTimers.EscalateDueAt(ticket, Options)!.Value;

        AssertRefused(TicketRefusal.NotDue, Decide(ticket, new TicketCommand.MarkEscalated(), due.AddSeconds(-1)), ticket);
        Assert.Equal(due, Changed(Decide(ticket, new TicketCommand.MarkEscalated(), due)).EscalatedAt);
    }

    [Fact]
    public void AutoClose_RemindedAndSilent_ClosedAsNoReplyOnlyWhenDue()
    {
        var reminded = ByCommand() with { LastStaffMessageAt = T0, RemindedAt = T0 };
        var due = TicketTimers.AutoCloseDueAt(reminded, Options)!.Value;

        AssertRefused(TicketRefusal.NotDue, Decide(reminded, new TicketCommand.AutoClose(), due.AddSeconds(-1)), reminded);
        var closed = Changed(Decide(reminded, new TicketCommand.AutoClose(), due));
        Assert.Equal((TicketCloseOutcome.NoReply, TicketStateMachine.AutoCloseReason), (closed.Outcome, closed.CloseReason));
    }

    [Fact]
    public void Append_OpenTicketAndCard_AddsALaterCheckAndWithoutCard_Nothing()
    {
        var ticket = FromFailedCheck();
        var card = TicketHarness.Card(CheckIds.Withdrawal);

        Assert.Equal([card], TicketStateMachine.Append(ticket, card)!.LaterChecks);
        Assert.Null(TicketStateMachine.Append(ticket, null));
    }

    [Fact]
    public void Opened_ByStaff_AuditedNamingTheOriginAndByTheMember_NotAudited()
    {
        var ticket = TicketStateMachine.Open(3, Member, TicketOrigin.ModeratorRequest, null, T0);

        Assert.Equal(new TicketAct(Staff, AuditActions.TicketOpened, "opened #0003 for the member (at a moderator's request)"), TicketStateMachine.Opened(ticket, Staff));
        Assert.Null(TicketStateMachine.Opened(ticket, null));
    }
}

using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

public sealed class TicketLedgerLifecycleTests : IDisposable
{
    private readonly TicketHarness harness = new();

    private TicketLedgerDriver Service => harness.Service;

    [Fact]
    public async Task OpenOrAppend_NoOpenTicket_OpensNumberOneWithCard()
    {
        var card = TicketHarness.Card();

        var opening = await Service.OpenOrAppendAsync(TicketHarness.Member, TicketOrigin.CheckFailed, card);

        Assert.True(opening.IsNew);
        Assert.Null(opening.AppendedCard);
        Assert.Equal(1, opening.Ticket.Number);
        Assert.Equal("#0001", opening.Ticket.DisplayNumber);
        Assert.Equal(TicketState.Open, opening.Ticket.State);
        Assert.Equal(TicketHarness.Start, opening.Ticket.OpenedAt);
        Assert.Equal(TicketOrigin.CheckFailed, opening.Ticket.Origin);
        Assert.Same(card, opening.Ticket.Card);
        Assert.Empty(harness.Audit.Entries);
    }

    [Fact]
    public async Task OpenOrAppend_MemberHasOpenTicket_AppendsCardToIt()
    {
        var first = await harness.OpenAsync();
        var second = TicketHarness.Card(CheckIds.Withdrawal);

        var opening = await Service.OpenOrAppendAsync(TicketHarness.Member, TicketOrigin.CheckFailed, second);

        Assert.False(opening.IsNew);
        Assert.Equal(first.Number, opening.Ticket.Number);
        Assert.Same(second, opening.AppendedCard);
        Assert.Equal([second], (await harness.ReloadAsync(first.Number)).LaterChecks);
    }

    [Fact]
    public async Task OpenOrAppend_OpenTicketAndNoCard_ReturnsItUnchanged()
    {
        var first = await harness.OpenAsync();

        var opening = await Service.OpenOrAppendAsync(TicketHarness.Member, TicketOrigin.Command, null);

        Assert.False(opening.IsNew);
        Assert.Null(opening.AppendedCard);
        Assert.Equal(first, opening.Ticket);
        Assert.Equal(0, harness.Store.Updates);
    }

    [Fact]
    public async Task OpenOrAppend_ManyAtOnceForOneMember_OneTicket()
    {
        var openings = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Service.OpenOrAppendAsync(TicketHarness.Member, TicketOrigin.CheckFailed, TicketHarness.Card())));

        Assert.Single(openings, o => o.IsNew);
        Assert.All(openings, o => Assert.Equal(1, o.Ticket.Number));
        Assert.Equal(19, (await harness.ReloadAsync(1)).LaterChecks.Count);
    }

    [Fact]
    public async Task OpenOrAppend_TwoMembers_SequentialNumbers()
    {
        var first = await harness.OpenAsync(TicketHarness.Member);
        var second = await harness.OpenAsync(TicketHarness.OtherMember);

        Assert.Equal(1, first.Number);
        Assert.Equal(2, second.Number);
    }

    [Fact]
    public async Task OpenOrAppend_AfterClose_OpensNewNumberNeverReused()
    {
        var first = await harness.OpenAsync();
        await Service.CloseAsync(first.Number, TicketHarness.Staff, "fixed");

        harness.Restart();
        var second = await harness.OpenAsync();

        Assert.Equal(2, second.Number);
    }

    [Fact]
    public async Task OpenOrAppend_ByModerator_Audited()
    {
        var opening = await Service.OpenOrAppendAsync(TicketHarness.Member, TicketOrigin.ModeratorRequest, null, requestedBy: TicketHarness.Staff);

        var entry = Assert.Single(harness.Audit.Entries);
        Assert.Equal(new AuditEntry(TicketHarness.Staff, AuditActions.TicketOpened, TicketHarness.Member, opening.Ticket.Number, "opened #0001 for the member (at a moderator's request)", TicketHarness.Start), entry);
    }

    [Fact]
    public async Task AttachThread_New_SetsIt()
    {
        var ticket = await harness.OpenAsync();

        var outcome = await Service.AttachThreadAsync(ticket.Number, 5000);

        Assert.True(outcome.Succeeded);
        Assert.Equal(5000ul, (await harness.ReloadAsync(ticket.Number)).ThreadId);
        Assert.Equal(ticket.Number, (await Service.FindByThreadAsync(5000))!.Number);
    }

    [Fact]
    public async Task BuildSteps_NewThreadStartsWithNone_EachRecordedStepCounts_BuiltOnlyWhenAllAre()
    {
        var ticket = await harness.OpenAsync();
        Assert.False(ticket.IsBuilt);
        Assert.Equal(TicketRefusal.NotFound, (await Service.RecordBuildStepAsync(ticket.Number, TicketBuildSteps.CardPosted)).Refusal);

        await Service.AttachThreadAsync(ticket.Number, 5000);
        Assert.Equal(TicketBuildSteps.None, (await harness.ReloadAsync(ticket.Number)).Built);
        await Service.RecordBuildStepAsync(ticket.Number, TicketBuildSteps.CardPosted);
        await Service.RecordBuildStepAsync(ticket.Number, TicketBuildSteps.MemberAdded);
        await Service.RecordBuildStepAsync(ticket.Number, TicketBuildSteps.MemberAdded);
        var halfBuilt = await harness.ReloadAsync(ticket.Number);
        Assert.Equal(TicketBuildSteps.CardPosted | TicketBuildSteps.MemberAdded, halfBuilt.Built);
        Assert.False(halfBuilt.IsBuilt);
        Assert.Equal([ticket.Number], (await Service.ListUnbuiltAsync()).Select(t => t.Number));

        await Service.RecordBuildStepAsync(ticket.Number, TicketBuildSteps.StaffNotified);

        Assert.True((await harness.ReloadAsync(ticket.Number)).IsBuilt);
        Assert.Empty(await Service.ListUnbuiltAsync());
    }

    [Fact]
    public async Task AttachThread_AlreadyAttachedToAnother_Refused()
    {
        var ticket = await harness.OpenAsync();
        await Service.AttachThreadAsync(ticket.Number, 5000);

        var same = await Service.AttachThreadAsync(ticket.Number, 5000);
        var other = await Service.AttachThreadAsync(ticket.Number, 6000);

        Assert.True(same.Succeeded);
        Assert.Equal(TicketRefusal.ThreadAlreadyAttached, other.Refusal);
        Assert.Equal(5000ul, (await harness.ReloadAsync(ticket.Number)).ThreadId);
    }

    [Fact]
    public async Task AnyOperation_UnknownNumber_RefusedNotFound()
    {
        Assert.Equal(TicketRefusal.NotFound, (await Service.ClaimAsync(42, TicketHarness.Staff)).Refusal);
        Assert.Equal(TicketRefusal.NotFound, (await Service.ReopenAsync(42, TicketHarness.Staff)).Refusal);
        Assert.Equal("There is no ticket #0042.", (await Service.CloseAsync(42, TicketHarness.Staff, "x")).Message);
        Assert.Equal(TicketRefusal.NotFound, (await Service.MemberLeftAsync(TicketHarness.Member)).Refusal);
        Assert.Null(await Service.GetAsync(42));
    }

    [Fact]
    public async Task Claim_Open_ClaimedAndAudited()
    {
        var ticket = await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var outcome = await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);

        Assert.True(outcome.Succeeded);
        Assert.Equal(TicketState.Claimed, outcome.Ticket!.State);
        Assert.Equal(TicketHarness.Staff, outcome.Ticket.ClaimedBy);
        Assert.Equal(TicketHarness.Start.AddMinutes(5), outcome.Ticket.ClaimedAt);
        Assert.Equal(outcome.Ticket, await harness.ReloadAsync(ticket.Number));
        var entry = Assert.Single(harness.Audit.Entries);
        Assert.Equal(new AuditEntry(TicketHarness.Staff, AuditActions.TicketClaimed, TicketHarness.Member, 1, "claimed #0001", TicketHarness.Start.AddMinutes(5)), entry);
    }

    [Theory]
    [InlineData(TicketHarness.Staff, "You have already claimed ticket #0001.")]
    [InlineData(TicketHarness.OtherStaff, "Ticket #0001 is already claimed by someone else; they, or any staff member, can unclaim it.")]
    public async Task Claim_AlreadyClaimed_RefusedNotAudited(ulong staff, string message)
    {
        var ticket = await harness.OpenAsync();
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);

        var outcome = await Service.ClaimAsync(ticket.Number, staff);

        Assert.Equal(TicketRefusal.AlreadyClaimed, outcome.Refusal);
        Assert.Equal(message, outcome.Message);
        Assert.Equal(TicketHarness.Staff, (await harness.ReloadAsync(ticket.Number)).ClaimedBy);
        Assert.Single(harness.Audit.Entries);
    }

    [Fact]
    public async Task Claim_Closed_Refused()
    {
        var ticket = await harness.OpenAsync();
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");

        var outcome = await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);

        Assert.Equal(TicketRefusal.Closed, outcome.Refusal);
    }

    [Theory]
    [InlineData(TicketHarness.Staff, "unclaimed #0001")]
    [InlineData(TicketHarness.OtherStaff, "unclaimed #0001 from <@900>")]
    public async Task Unclaim_ByClaimerOrAnyOtherStaff_UnclaimedAndAudited(ulong staff, string detail)
    {
        var ticket = await harness.OpenAsync();
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);

        var outcome = await Service.UnclaimAsync(ticket.Number, staff);

        Assert.True(outcome.Succeeded);
        Assert.Equal(TicketState.Open, outcome.Ticket!.State);
        Assert.Null(outcome.Ticket.ClaimedBy);
        Assert.Null(outcome.Ticket.ClaimedAt);
        var entry = harness.Audit.Entries[^1];
        Assert.Equal((staff, AuditActions.TicketUnclaimed, detail), (entry.ActorId!.Value, entry.Action, entry.Detail));
    }

    [Fact]
    public async Task Unclaim_NotClaimed_Refused()
    {
        var ticket = await harness.OpenAsync();

        var outcome = await Service.UnclaimAsync(ticket.Number, TicketHarness.Staff);

        Assert.Equal(TicketRefusal.NotClaimed, outcome.Refusal);
        Assert.Empty(harness.Audit.Entries);
    }

    [Fact]
    public async Task Close_WithReason_ClosedAndAudited()
    {
        var ticket = await harness.OpenAsync();
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var outcome = await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "  switched to one-way mode  ");

        var closed = outcome.Ticket!;
        Assert.Equal(TicketState.Closed, closed.State);
        Assert.Equal(TicketHarness.Start.AddHours(2), closed.ClosedAt);
        Assert.Equal(TicketHarness.Staff, closed.ClosedBy);
        Assert.Equal("switched to one-way mode", closed.CloseReason);
        Assert.Null(await Service.FindOpenForMemberAsync(TicketHarness.Member));
        var entry = Assert.Single(harness.Audit.Entries);
        Assert.Equal(new AuditEntry(TicketHarness.Staff, AuditActions.TicketClosed, TicketHarness.Member, 1, "closed #0001: switched to one-way mode", TicketHarness.Start.AddHours(2)), entry);
    }

    [Theory]
    [InlineData(null, TicketRefusal.ReasonRequired)]
    [InlineData("", TicketRefusal.ReasonRequired)]
    [InlineData("   ", TicketRefusal.ReasonRequired)]
    public async Task Close_NoReason_Refused(string? reason, TicketRefusal refusal)
    {
        var ticket = await harness.OpenAsync();

        var outcome = await Service.CloseAsync(ticket.Number, TicketHarness.Staff, reason);

        Assert.Equal(refusal, outcome.Refusal);
        Assert.Equal("Give a reason for closing the ticket.", outcome.Message);
        Assert.False((await harness.ReloadAsync(ticket.Number)).IsClosed);
        Assert.Empty(harness.Audit.Entries);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public async Task Close_ReasonLength_AtMost500(int length, bool accepted)
    {
        var ticket = await harness.OpenAsync();

        var outcome = await Service.CloseAsync(ticket.Number, TicketHarness.Staff, string.Concat(Enumerable.Repeat("fix ", 200))[..length]);

        Assert.Equal(accepted, outcome.Succeeded);
        if (!accepted)
        {
            Assert.Equal(TicketRefusal.ReasonTooLong, outcome.Refusal);
            Assert.Equal("The reason is 501 characters long; keep it to 500.", outcome.Message);
        }
    }

    [Fact]
    public async Task Close_ReasonWithPastedSecret_SecretHidden()
    {
        var ticket = await harness.OpenAsync();
        const string secret = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

        var outcome = await Service.CloseAsync(ticket.Number, TicketHarness.Staff, $"member pasted {secret} here");

        Assert.Equal("member pasted [hidden] here", outcome.Ticket!.CloseReason);
        Assert.DoesNotContain(secret, harness.Audit.Entries[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_AlreadyClosed_Refused()
    {
        var ticket = await harness.OpenAsync();
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");

        var outcome = await Service.CloseAsync(ticket.Number, TicketHarness.OtherStaff, "again");

        Assert.Equal(TicketRefusal.Closed, outcome.Refusal);
        Assert.Equal("done", (await harness.ReloadAsync(ticket.Number)).CloseReason);
    }

    [Fact]
    public async Task MemberLeft_OpenTicket_ClosedBySystemWithReason()
    {
        var ticket = await harness.OpenAsync();
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);

        var outcome = await Service.MemberLeftAsync(TicketHarness.Member);

        Assert.Equal(TicketState.Closed, outcome.Ticket!.State);
        Assert.Null(outcome.Ticket.ClosedBy);
        Assert.Equal("member left the server", outcome.Ticket.CloseReason);
        var entry = harness.Audit.Entries[^1];
        Assert.Null(entry.ActorId);
        Assert.Equal(AuditActions.TicketClosed, entry.Action);
    }

    [Fact]
    public async Task Reopen_Closed_OpenUnclaimedTimersRearmedRatingKept()
    {
        var ticket = await harness.OpenAsync();
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");
        await Service.RateAsync(ticket.Number, TicketHarness.Member, 4);
        harness.Clock.Advance(TimeSpan.FromDays(1));

        var outcome = await Service.ReopenAsync(ticket.Number, TicketHarness.OtherStaff);

        var reopened = outcome.Ticket!;
        Assert.Equal(TicketState.Open, reopened.State);
        Assert.Null(reopened.ClaimedBy);
        Assert.Null(reopened.ClosedAt);
        Assert.Null(reopened.ClosedBy);
        Assert.Null(reopened.CloseReason);
        Assert.Null(reopened.EscalatedAt);
        Assert.Equal(TicketHarness.Start.AddDays(1), reopened.ReopenedAt);
        Assert.Equal(4, reopened.Rating);
        Assert.Equal(reopened.Number, (await Service.FindOpenForMemberAsync(TicketHarness.Member))!.Number);
        var entry = harness.Audit.Entries[^1];
        Assert.Equal((TicketHarness.OtherStaff, AuditActions.TicketReopened), (entry.ActorId!.Value, entry.Action));
    }

    [Fact]
    public async Task Reopen_NotClosed_Refused()
    {
        var ticket = await harness.OpenAsync();

        var outcome = await Service.ReopenAsync(ticket.Number, TicketHarness.Staff);

        Assert.Equal(TicketRefusal.NotClosed, outcome.Refusal);
    }

    [Fact]
    public async Task Reopen_MemberHasAnotherOpenTicket_RefusedNamingIt()
    {
        var first = await harness.OpenAsync();
        await Service.CloseAsync(first.Number, TicketHarness.Staff, "done");
        await harness.OpenAsync();

        var outcome = await Service.ReopenAsync(first.Number, TicketHarness.Staff);

        Assert.Equal(TicketRefusal.MemberHasAnotherOpenTicket, outcome.Refusal);
        Assert.Equal("The member already has ticket #0002 open; continue there.", outcome.Message);
    }

    [Fact]
    public async Task AddCheck_Open_AppendedClosed_Refused()
    {
        var ticket = await harness.OpenAsync();
        var rerun = TicketHarness.Card(CheckIds.Transfer);

        var added = await Service.AddCheckAsync(ticket.Number, rerun);
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");
        var refused = await Service.AddCheckAsync(ticket.Number, rerun);

        Assert.Equal([rerun], added.Ticket!.LaterChecks);
        Assert.Equal(TicketRefusal.Closed, refused.Refusal);
    }

    [Fact]
    public async Task RecordMessage_StaffThenMember_SetsTimes()
    {
        var ticket = await harness.OpenAsync();
        var staffAt = TicketHarness.Start.AddMinutes(10);
        var laterStaffAt = TicketHarness.Start.AddMinutes(20);
        var memberAt = TicketHarness.Start.AddMinutes(15);

        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Staff, isStaff: true, staffAt);
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Member, isStaff: false, memberAt);
        await Service.RecordMessageAsync(ticket.Number, TicketHarness.OtherStaff, isStaff: true, laterStaffAt);

        var stored = await harness.ReloadAsync(ticket.Number);
        Assert.Equal(staffAt, stored.FirstStaffReplyAt);
        Assert.Equal(laterStaffAt, stored.LastStaffMessageAt);
        Assert.Equal(memberAt, stored.LastMemberMessageAt);
        Assert.True(stored.WaitingForMember);
        Assert.Empty(harness.Audit.Entries);
    }

    [Fact]
    public async Task RecordMessage_MemberWhoIsAlsoStaff_CountsAsMember()
    {
        var ticket = await harness.OpenAsync();

        await Service.RecordMessageAsync(ticket.Number, TicketHarness.Member, isStaff: true, TicketHarness.Start.AddMinutes(1));

        var stored = await harness.ReloadAsync(ticket.Number);
        Assert.Null(stored.FirstStaffReplyAt);
        Assert.Equal(TicketHarness.Start.AddMinutes(1), stored.LastMemberMessageAt);
    }

    [Fact]
    public async Task RecordMessage_SomeoneElse_Ignored()
    {
        var ticket = await harness.OpenAsync();

        var outcome = await Service.RecordMessageAsync(ticket.Number, TicketHarness.OtherMember, isStaff: false, TicketHarness.Start.AddMinutes(1));

        Assert.True(outcome.Succeeded);
        Assert.Equal(ticket, await harness.ReloadAsync(ticket.Number));
    }

    [Fact]
    public async Task RecordMessage_Closed_Refused()
    {
        var ticket = await harness.OpenAsync();
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");

        var outcome = await Service.RecordMessageAsync(ticket.Number, TicketHarness.Member, isStaff: false, TicketHarness.Start);

        Assert.Equal(TicketRefusal.Closed, outcome.Refusal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Rate_ClosedByItsMember_Stored(int stars)
    {
        var ticket = await harness.OpenAsync();
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");
        harness.Clock.Advance(TimeSpan.FromMinutes(3));

        var outcome = await Service.RateAsync(ticket.Number, TicketHarness.Member, stars);

        Assert.Equal(stars, outcome.Ticket!.Rating);
        Assert.Equal(TicketHarness.Start.AddMinutes(3), outcome.Ticket.RatedAt);
        Assert.Equal(stars, (await harness.ReloadAsync(ticket.Number)).Rating);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public async Task Rate_OutOfRange_Refused(int stars)
    {
        var ticket = await harness.OpenAsync();
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");

        var outcome = await Service.RateAsync(ticket.Number, TicketHarness.Member, stars);

        Assert.Equal(TicketRefusal.RatingOutOfRange, outcome.Refusal);
        Assert.Null((await harness.ReloadAsync(ticket.Number)).Rating);
    }

    [Fact]
    public async Task Rate_NotTheMember_Refused()
    {
        var ticket = await harness.OpenAsync();
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");

        var outcome = await Service.RateAsync(ticket.Number, TicketHarness.Staff, 5);

        Assert.Equal(TicketRefusal.NotTheMember, outcome.Refusal);
    }

    [Fact]
    public async Task Rate_BeforeClose_Refused()
    {
        var ticket = await harness.OpenAsync();

        var outcome = await Service.RateAsync(ticket.Number, TicketHarness.Member, 5);

        Assert.Equal(TicketRefusal.NotClosed, outcome.Refusal);
    }

    [Fact]
    public async Task Rate_Twice_SecondRefusedFirstKept()
    {
        var ticket = await harness.OpenAsync();
        await Service.CloseAsync(ticket.Number, TicketHarness.Staff, "done");
        await Service.RateAsync(ticket.Number, TicketHarness.Member, 2);

        var outcome = await Service.RateAsync(ticket.Number, TicketHarness.Member, 5);

        Assert.Equal(TicketRefusal.AlreadyRated, outcome.Refusal);
        Assert.Equal(2, (await harness.ReloadAsync(ticket.Number)).Rating);
    }

    [Fact]
    public async Task EveryStaffAction_Audited_WithWhoWhatWhomWhen()
    {
        var ticket = await harness.OpenAsync();
        await Service.ClaimAsync(ticket.Number, TicketHarness.Staff);
        await Service.UnclaimAsync(ticket.Number, TicketHarness.OtherStaff);
        await Service.CloseAsync(ticket.Number, TicketHarness.OtherStaff, "fixed");
        await Service.ReopenAsync(ticket.Number, TicketHarness.Staff);

        Assert.Equal(
            [AuditActions.TicketClaimed, AuditActions.TicketUnclaimed, AuditActions.TicketClosed, AuditActions.TicketReopened],
            harness.Audit.Entries.Select(e => e.Action));
        Assert.All(harness.Audit.Entries, e =>
        {
            Assert.Equal(TicketHarness.Member, e.TargetMemberId);
            Assert.Equal(ticket.Number, e.TicketNumber);
            Assert.Equal(TicketHarness.Start, e.At);
            Assert.NotNull(e.ActorId);
        });
        Assert.Equal(4, (await harness.Audit.ForMemberAsync(TicketHarness.Member)).Count);
    }

    public void Dispose() => harness.Dispose();
}

using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

public sealed class TicketSecretTests
{
    private const string Secret = "Xq7Lr2Vb9Nt4Kp1Zs8Wd3Hf6Jc0Mg5Ry2Ta4";
    private const string Key = "AbCdEfGhIjKlMnXy12";

    [Theory]
    [InlineData("…Xy12")]
    [InlineData("…y12")]
    [InlineData("…")]
    [InlineData(null)]
    public void TicketCard_MaskedKey_Accepted(string? maskedKey)
    {
        var card = TicketHarness.Card(maskedKey: "…Xy12") with { MaskedKey = maskedKey };

        Assert.Equal(maskedKey, card.MaskedKey);
    }

    [Theory]
    [InlineData(Key)]
    [InlineData("…Xy123")]
    [InlineData("Xy12")]
    [InlineData("...Xy12")]
    [InlineData("")]
    public void TicketCard_UnmaskedKey_Rejected(string maskedKey)
    {
        Assert.Throws<ArgumentException>(() => TicketHarness.Card(maskedKey: maskedKey));
        Assert.Throws<ArgumentException>(() => TicketHarness.Card() with { MaskedKey = maskedKey });
    }

    [Fact]
    public void TicketCard_SecretInAnyText_Rejected()
    {
        var card = TicketHarness.Card();
        var check = card.Failing[0];

        Assert.Throws<ArgumentException>(() => card with { Region = Secret });
        Assert.Throws<ArgumentException>(() => card with { StoppedAt = $"step 5 {Secret}" });
        Assert.Throws<ArgumentException>(() => card with { AccountType = Secret });
        Assert.Throws<ArgumentException>(() => check with { Detail = Secret });
        Assert.Throws<ArgumentException>(() => check with { Fix = Secret });
        Assert.Throws<ArgumentException>(() => check with { Title = Secret });
        Assert.Throws<ArgumentException>(() => new TicketCheck(CheckIds.ApiKey, CheckStatus.Fail, "Key", $"secret was {Secret}", null, 2));
    }

    [Fact]
    public void TicketCard_FromReport_FailingAndWarningsMaskedKey()
    {
        var report = new DiagnosticReport(
            Verdict.Fail,
            "https://api.bybit.com",
            CredentialInput.MaskedKey(Key),
            new ReportAccount(ReportAccount.Unified, true),
            [
                new CheckResult(CheckIds.Connectivity, CheckStatus.Pass, "Connection", "Reached Bybit.", null, null),
                new CheckResult(CheckIds.PositionMode, CheckStatus.Fail, "Position mode", "BTCUSDT is in Hedge Mode.", "Switch to One-Way Mode.", 5),
                new CheckResult(CheckIds.Balance, CheckStatus.Warn, "Balance", "$80.", "Top up.", null),
            ],
            TicketHarness.Start,
            400);

        var card = TicketCard.FromReport(report, "Bybit EU", "Part 2 of 3 · Step 5 of 6");

        Assert.Equal(Verdict.Fail, card.Verdict);
        Assert.Equal([CheckIds.PositionMode], card.FailingCheckIds);
        Assert.Equal(new TicketCheck(CheckIds.PositionMode, CheckStatus.Fail, "Position mode", "BTCUSDT is in Hedge Mode.", "Switch to One-Way Mode.", 5), card.Failing[0]);
        Assert.Equal(CheckIds.Balance, Assert.Single(card.Warnings).Id);
        Assert.Equal("…Xy12", card.MaskedKey);
        Assert.Equal("unified", card.AccountType);
        Assert.Equal("Bybit EU", card.Region);
        Assert.Equal("Part 2 of 3 · Step 5 of 6", card.StoppedAt);
        Assert.Equal(TicketHarness.Start, card.CheckedAt);
    }

    [Fact]
    public void TicketCard_FromReportWithSecretInBybitTextOrFullKey_ScrubbedAndMasked()
    {
        var report = new DiagnosticReport(
            Verdict.Fail,
            "https://api.bybit.com",
            Key,
            null,
            [new CheckResult(CheckIds.ApiKey, CheckStatus.Fail, "API key", $"Bybit said: bad sign {Secret}", $"Not {Secret}", 4)],
            TicketHarness.Start,
            5);

        var card = TicketCard.FromReport(report, null);

        Assert.Equal("…Xy12", card.MaskedKey);
        Assert.Equal("Bybit said: bad sign [hidden]", card.Failing[0].Detail);
        Assert.Equal("Not [hidden]", card.Failing[0].Fix);
    }

    [Fact]
    public void TicketCard_FromStuck_WhereAndLastCheck()
    {
        var summary = new CheckSummary(Verdict.Fail, [CheckIds.Withdrawal], [CheckIds.ExtraPermissions], "…Xy12", "eu", TicketHarness.Start, GuidePosition.Step3);
        var context = new StuckContext(TicketHarness.Member, GuidePosition.Step3, "Part 1 of 3 · Step 3 of 6", AccountType.Unified, "eu", "Bybit EU", summary, TicketHarness.Start);

        var card = TicketCard.FromStuck(context);

        Assert.Equal("Part 1 of 3 · Step 3 of 6", card.StoppedAt);
        Assert.Equal("Bybit EU", card.Region);
        Assert.Equal("unified", card.AccountType);
        Assert.Equal("…Xy12", card.MaskedKey);
        Assert.Equal([CheckIds.Withdrawal], card.FailingCheckIds);
        Assert.Equal(CheckIds.ExtraPermissions, Assert.Single(card.Warnings).Id);
    }

    [Fact]
    public void TicketCard_FromStuckWithoutCheck_NoVerdictNoKey()
    {
        var context = new StuckContext(TicketHarness.Member, GuidePosition.Step1, "Part 1 of 3 · Step 1 of 6", AccountType.Unknown, null, null, null, TicketHarness.Start);

        var card = TicketCard.FromStuck(context);

        Assert.Null(card.Verdict);
        Assert.Null(card.MaskedKey);
        Assert.Empty(card.Failing);
        Assert.Null(card.Region);
        Assert.Null(card.AccountType);
    }

    [Fact]
    public void AuditEntry_SecretInDetail_Rejected()
    {
        Assert.Throws<ArgumentException>(() => new AuditEntry(1, AuditActions.TicketClosed, 2, 3, $"closed: {Secret}", TicketHarness.Start));
        Assert.Throws<ArgumentException>(() => new AuditEntry(1, AuditActions.TicketClosed, 2, 3, "fine", TicketHarness.Start) with { Detail = Secret });
        Assert.Throws<ArgumentException>(() => new AuditEntry(1, Secret, 2, 3, "fine", TicketHarness.Start));
        Assert.Throws<ArgumentException>(() => new AuditEntry(1, " ", 2, 3, "fine", TicketHarness.Start));
    }

    [Fact]
    public void Ticket_SecretInCloseReason_Rejected()
    {
        var ticket = new Ticket(1, 2, TicketOrigin.Command, TicketHarness.Start, null);

        Assert.Throws<ArgumentException>(() => ticket with { CloseReason = Secret });
    }

    [Theory]
    [InlineData("position-mode", false)]
    [InlineData("https://api.bybit.com/v5/account/info", false)]
    [InlineData("123456789012345678", false)]
    [InlineData("Xq7Lr2Vb9Nt4Kp1Zs8Wd3Hf6Jc0Mg5", false)] // 30: not a Bybit secret's length
    [InlineData("my secret is Xq7Lr2Vb9Nt4Kp1Zs8Wd3Hf6Jc0Mg5Ry2Ta4 ok", true)]
    public void LooksLikeSecret_Text_BybitSecretShape(string text, bool expected)
    {
        Assert.Equal(expected, SecretGuard.LooksLikeSecret(text));
    }

    [Fact]
    public void Ticket_DisplayNumber_FourDigitsAndMore()
    {
        Assert.Equal("#0042", Ticket.Format(42));
        Assert.Equal("#12345", Ticket.Format(12345));
    }
}

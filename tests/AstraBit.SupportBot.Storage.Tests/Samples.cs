using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Storage.Tests;

internal static class Samples
{
    public const string ApiKey = "AbCdEfGhIjKlMnXy12";
    public const string ApiSecret = "Zq9Wv8Ut7Sr6Qp5On4Ml3Kj2Ih1Gf0EdCbAz";

    public static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 24, 10, 0, 0, 123, TimeSpan.Zero).AddTicks(4567);

    public static WalkthroughProgress Progress(ulong userId) => new(
        userId,
        GuidePosition.Step5,
        AccountType.Unified,
        "eu",
        new CheckSummary(Verdict.Fail, [CheckIds.PositionMode, CheckIds.Withdrawal], [CheckIds.Balance], CredentialInput.MaskedKey(ApiKey), "eu", At.AddMinutes(-3), GuidePosition.Step5),
        WalkthroughDelivery.DirectMessage(ulong.MaxValue - 7, 1_234_567_890_123_456_789),
        At.AddDays(-1),
        At);

    public static CheckHistoryEntry History(ulong userId, DateTimeOffset checkedAt, Verdict verdict = Verdict.Fail) => new(
        userId,
        checkedAt,
        verdict,
        CheckIds.All.ToDictionary(id => id, id => id == CheckIds.Transfer ? CheckStatus.Fail : id == CheckIds.Balance ? CheckStatus.Warn : CheckStatus.Pass),
        CredentialInput.MaskedKey(ApiKey),
        "mainnet",
        "https://api.bybit.com");

    public static void AssertSame(WalkthroughProgress expected, WalkthroughProgress? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { LastCheck = null }, actual with { LastCheck = null });
        AssertSame(expected.LastCheck, actual.LastCheck);
    }

    public static void AssertSame(CheckSummary? expected, CheckSummary? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.FailingCheckIds, actual.FailingCheckIds);
        Assert.Equal(expected.WarningCheckIds, actual.WarningCheckIds);
        Assert.Equal(expected with { FailingCheckIds = [], WarningCheckIds = [] }, actual with { FailingCheckIds = [], WarningCheckIds = [] });
    }

    public static void AssertSame(CheckHistoryEntry expected, CheckHistoryEntry actual)
    {
        Assert.Equal(expected.Checks.OrderBy(c => c.Key, StringComparer.Ordinal), actual.Checks.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(expected with { Checks = new Dictionary<string, CheckStatus>() }, actual with { Checks = new Dictionary<string, CheckStatus>() }, new EntryComparer());
    }

    private sealed class EntryComparer : IEqualityComparer<CheckHistoryEntry>
    {
        public bool Equals(CheckHistoryEntry? x, CheckHistoryEntry? y) =>
            x is not null && y is not null
            && x.UserId == y.UserId && x.CheckedAt == y.CheckedAt && x.CheckedAt.Offset == y.CheckedAt.Offset
            && x.Verdict == y.Verdict && x.MaskedKey == y.MaskedKey && x.RegionKey == y.RegionKey && x.Host == y.Host;

        public int GetHashCode(CheckHistoryEntry obj) => obj.UserId.GetHashCode();
    }
}

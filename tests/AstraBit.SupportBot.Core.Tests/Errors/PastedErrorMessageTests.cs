using AstraBit.SupportBot.Core.Errors;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Core.Tests.Errors;

public sealed class PastedErrorMessageTests
{
    private static readonly BybitErrorCatalog Catalog = ShippedCatalog.Instance;

    [Theory]
    [InlineData("my bot says retCode 10003, what now?", "10003")]
    [InlineData("my bot says 10003", "10003")]
    [InlineData("Error 10010 since this morning", "10010")]
    [InlineData("""I got {"retCode":10003,"retMsg":"API key is invalid.","result":{},"retExtInfo":{},"time":1714065629010} when connecting""", "10003")]
    [InlineData("""{"ret_code":10004,"ret_msg":"error sign! origin_string[***]"}""", "10004")]
    [InlineData("AstraBit shows: position idx not match position mode", "position idx not match position mode")]
    [InlineData("retCode 10001 position idx not match position mode (ErrCode: 10001)", "position idx not match position mode")]
    [InlineData("it says Your api key has expired.", "-2015")]
    [InlineData("HTTP 403 from the bot", "HTTP 403")]
    public void FindInMessage_KnownError_OneEntry(string message, string key)
    {
        var match = Assert.Single(Catalog.FindInMessage(message));

        Assert.Equal(key, match.Key);
        Assert.True(match.Explanation.Known);
        Assert.False(string.IsNullOrWhiteSpace(match.Explanation.Fix));
    }

    [Theory]
    [InlineData("hi all, how do I connect Bybit?")]
    [InlineData("BTC is at 97000 and I have 150 USDT")]
    [InlineData("the bot opened a trade at 10:03")]
    [InlineData("my uid is 123456789 and order 10003 was filled")]
    [InlineData("got code 0, all fine")]
    [InlineData("is there an error signal on the chart?")]
    [InlineData("retCode 99999 something odd")]
    public void FindInMessage_NoKnownError_Nothing(string message)
    {
        Assert.Empty(Catalog.FindInMessage(message));
    }

    [Fact]
    public void FindInMessage_TwoErrors_BothInOrder()
    {
        var matches = Catalog.FindInMessage("first retCode 10010, after rebinding: 10003 API key is invalid");

        Assert.Equal(["10010", "10003"], matches.Select(m => m.Key));
    }

    [Fact]
    public void FindInMessage_CodeAndItsPhrase_OneEntry()
    {
        var match = Assert.Single(Catalog.FindInMessage("10003 API key is invalid. Check whether the key and domain are matched"));

        Assert.Equal("10003", match.Key);
    }

    [Fact]
    public void Admit_SameMemberSameErrorWithinTheHour_AnsweredOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var throttle = new PastedErrorThrottle(time);
        var matches = Catalog.FindInMessage("retCode 10003");

        Assert.Single(throttle.Admit(1, matches));
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(throttle.Admit(1, Catalog.FindInMessage("still API key is invalid")));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(throttle.Admit(1, matches));
    }

    [Fact]
    public void Admit_OtherMemberOrOtherError_AnsweredIndependently()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var throttle = new PastedErrorThrottle(time);

        Assert.Single(throttle.Admit(1, Catalog.FindInMessage("retCode 10003")));
        Assert.Single(throttle.Admit(2, Catalog.FindInMessage("retCode 10003")));
        var both = throttle.Admit(1, Catalog.FindInMessage("retCode 10003 and then 10010"));

        Assert.Equal("10010", Assert.Single(both).Key);
    }

    [Fact]
    public void Admit_AfterTheHour_OldAnswersForgotten()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var throttle = new PastedErrorThrottle(time);
        for (ulong member = 0; member < 100; member++)
        {
            throttle.Admit(member, Catalog.FindInMessage("retCode 10003"));
        }

        time.Advance(TimeSpan.FromHours(2));
        throttle.Admit(1000, Catalog.FindInMessage("retCode 10010"));

        Assert.Equal(1, throttle.Count);
    }
}

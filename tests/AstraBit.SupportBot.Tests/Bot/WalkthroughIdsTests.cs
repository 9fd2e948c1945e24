using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Tests.Bot;

public sealed class WalkthroughIdsTests
{
    public static TheoryData<string, WalkthroughActionKind, GuidePosition?> Known => new()
    {
        { "wt:next", WalkthroughActionKind.Next, null },
        { "wt:back", WalkthroughActionKind.Back, null },
        { "wt:stuck", WalkthroughActionKind.Stuck, null },
        { "wt:forget", WalkthroughActionKind.ForgetKey, null },
        { "wt:acct", WalkthroughActionKind.ChooseAccountType, null },
        { "wt:region", WalkthroughActionKind.ChooseRegion, null },
        { "wt:check:3", WalkthroughActionKind.CheckNow, GuidePosition.Step3 },
        { "wt:check:5", WalkthroughActionKind.CheckNow, GuidePosition.Step5 },
        { "wt:check:final", WalkthroughActionKind.CheckNow, GuidePosition.FinalCheck },
        { "wt:goto:before", WalkthroughActionKind.GoTo, GuidePosition.BeforeYouBegin },
        { "wt:goto:1", WalkthroughActionKind.GoTo, GuidePosition.Step1 },
        { "wt:goto:6", WalkthroughActionKind.GoTo, GuidePosition.Step6 },
        { "wt:goto:done", WalkthroughActionKind.GoTo, GuidePosition.Done },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void Parse_KnownId_GivesAction(string customId, WalkthroughActionKind kind, GuidePosition? position)
    {
        Assert.Equal(new WalkthroughAction(kind, position), WalkthroughIds.Parse(customId));
    }

    [Theory]
    [MemberData(nameof(Known))]
    public void Encode_Action_GivesTheSameId(string customId, WalkthroughActionKind kind, GuidePosition? position)
    {
        Assert.Equal(customId, WalkthroughIds.Encode(new WalkthroughAction(kind, position)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wt:")]
    [InlineData("wt:NEXT")]
    [InlineData("wt:next ")]
    [InlineData("ticket:claim")]
    [InlineData("wt:check:")]
    [InlineData("wt:check:4x")]
    [InlineData("wt:check:7")]
    [InlineData("wt:check:0")]
    [InlineData("wt:check:before")]
    [InlineData("wt:check:done")]
    [InlineData("wt:goto:12")]
    [InlineData("wt:goto:-1")]
    [InlineData("wt:next:123456789")]
    public void Parse_UnknownOrMalformed_ReturnsNull(string? customId)
    {
        Assert.Null(WalkthroughIds.Parse(customId));
    }

    [Fact]
    public void Parse_LongerThanDiscordAllows_ReturnsNull()
    {
        Assert.Null(WalkthroughIds.Parse("wt:next" + new string(' ', 100)));
    }

    [Fact]
    public void Encode_CheckNowWithoutPosition_Throws()
    {
        Assert.Throws<ArgumentException>(() => WalkthroughIds.Encode(new WalkthroughAction(WalkthroughActionKind.CheckNow)));
    }

    [Fact]
    public void Encode_EveryActionAtEveryPosition_ParsesBackWithinDiscordsLimit()
    {
        foreach (var kind in Enum.GetValues<WalkthroughActionKind>())
        {
            GuidePosition?[] positions = kind is WalkthroughActionKind.CheckNow or WalkthroughActionKind.GoTo
                ? [.. Enum.GetValues<GuidePosition>().Where(p => kind == WalkthroughActionKind.GoTo || p is not (GuidePosition.BeforeYouBegin or GuidePosition.Done)).Select(p => (GuidePosition?)p)]
                : [null];
            foreach (var position in positions)
            {
                var action = new WalkthroughAction(kind, position);
                var id = WalkthroughIds.Encode(action);
                Assert.InRange(id.Length, 1, 100);
                Assert.Equal(action, WalkthroughIds.Parse(id));
            }
        }
    }
}

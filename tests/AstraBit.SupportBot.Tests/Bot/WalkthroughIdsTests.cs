using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Core.Tests.Walkthrough;

public sealed class CustomIdsTests
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
        Assert.Equal(new WalkthroughAction(kind, position), CustomIds.Parse(customId));
    }

    [Theory]
    [MemberData(nameof(Known))]
    public void Encode_Action_GivesTheSameId(string customId, WalkthroughActionKind kind, GuidePosition? position)
    {
        Assert.Equal(customId, CustomIds.Encode(new WalkthroughAction(kind, position)));
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
        Assert.Null(CustomIds.Parse(customId));
    }

    [Fact]
    public void Parse_LongerThanDiscordAllows_ReturnsNull()
    {
        Assert.Null(CustomIds.Parse("wt:next" + new string(' ', 100)));
    }

    [Fact]
    public void Encode_CheckNowWithoutPosition_Throws()
    {
        Assert.Throws<ArgumentException>(() => CustomIds.Encode(new WalkthroughAction(WalkthroughActionKind.CheckNow)));
    }
}

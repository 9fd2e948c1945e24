using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.Tests.Guide;

public sealed class GuidePositionWordsTests
{
    [Theory]
    [InlineData(GuidePosition.BeforeYouBegin, "before step 1")]
    [InlineData(GuidePosition.Step1, "step 1")]
    [InlineData(GuidePosition.Step5, "step 5")]
    [InlineData(GuidePosition.FinalCheck, "the final check")]
    [InlineData(GuidePosition.Done, "the end of the guide")]
    public void Describe_Position_InWordsNotTheEnumName(GuidePosition position, string expected)
    {
        Assert.Equal(expected, position.Describe());
    }
}

using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Tests.Bot;

public sealed class KeyModalTests
{
    [Fact]
    public void InputProblems_SecretTooShort_NamesTheFieldSaysNothingWasSentAndHowToTryAgainPrivately()
    {
        var input = CredentialInput.Validate("0lR8acRYSi4MDF8kWC", "Zq9xW");

        var reply = KeyModal.InputProblems(input.Problems, "Press **Run the check again** in the ticket");

        Assert.Equal(64, (int)reply.Flags & 64);
        Assert.Contains("haven't sent anything to Bybit", reply.Content, StringComparison.Ordinal);
        Assert.Contains("**API secret:**", reply.Content, StringComparison.Ordinal);
        Assert.Contains("Press **Run the check again** in the ticket to enter", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq9xW", reply.Content, StringComparison.Ordinal);
    }
}

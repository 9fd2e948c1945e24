using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Tests.Languages;

namespace AstraBit.SupportBot.Tests.Bot;

public sealed class KeyModalTests
{
    [Fact]
    public void InputProblems_SecretTooShort_NamesTheFieldSaysNothingWasSentAndHowToTryAgainPrivately()
    {
        var input = CredentialInput.Validate("0lR8acRYSi4MDF8kWC", "Zq9xW");

        var reply = KeyModal.InputProblems(input.Problems, KeyCheckEntry.Ticket, ShippedTexts.English);

        Assert.Equal(64, (int)reply.Flags & 64);
        Assert.Contains("haven't sent anything to Bybit", reply.Content, StringComparison.Ordinal);
        Assert.Contains("**API secret:**", reply.Content, StringComparison.Ordinal);
        Assert.Contains("Press **Run the check again** in the ticket to enter", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq9xW", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GermanReader_FormTitleLabelsAndHintsInGerman()
    {
        var modal = KeyModal.Build("key:command", ShippedTexts.Catalog.For("de"));

        Assert.Equal("Bybit-API-Schlüssel prüfen", modal.Title);
        Assert.Equal(["API-Schlüssel", "API-Secret"], modal.Fields.Select(f => f.Label));
        Assert.Equal("Nur lesende Prüfung: Der Bot handelt nie, zahlt nie aus und überweist nie.", modal.Fields[0].Description);
    }
}

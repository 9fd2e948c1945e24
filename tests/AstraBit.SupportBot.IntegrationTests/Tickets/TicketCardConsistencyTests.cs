using System.Text.RegularExpressions;
using AstraBit.SupportBot.Emulators.Discord;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>One key, two tickets: the card says the same account type and Bybit site on both, in the site's own name.</summary>
public sealed class TicketCardConsistencyTests
{
    [Fact]
    public async Task SameKey_TicketFromTheCheckAndTicketOpenLater_SameAccountTypeAndSiteName()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        await people.FailDiagnoseAsync(bot.Bybit.Scenario("withdrawal-enabled"));
        await people.StaffNoticeAsync();
        var first = people.Thread();
        await people.StaffInThreadAsync("close", first.Id, SlashOption.String("reason", "Explained it"), SlashOption.Boolean("force", true));

        // Later the member opens a ticket by hand: its card comes from the same key's last stored check.
        var (open, _) = await people.OpenTicketAsync(Member);
        Assert.Contains("#0002", await people.DeferredAnswerAsync(open), StringComparison.Ordinal);
        await people.StaffNoticeAsync(2);

        var fromCheck = CardFields(people, first.Id);
        var byHand = CardFields(people, people.Thread(2).Id);
        Assert.Equal(("unified", "bybit.com"), (fromCheck["Account type"], fromCheck["Bybit site"]));
        Assert.Equal((fromCheck["Account type"], fromCheck["Bybit site"]), (byHand["Account type"], byHand["Bybit site"]));
        await people.DeleteDataAsync();
    }

    // The card's facts as the Components V2 card writes them: "**Account type** unified · **Bybit site** bybit.com".
    private static Dictionary<string, string> CardFields(TicketPeople people, ulong thread)
    {
        var card = people.MessagesIn(thread).First(m => m.IsComponentsV2);
        return Regex.Matches(card.Text, @"\*\*(?<name>[^*\n]+)\*\* (?<value>[^·\n]+)")
            .GroupBy(m => m.Groups["name"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Groups["value"].Value.Trim(), StringComparer.Ordinal);
    }
}

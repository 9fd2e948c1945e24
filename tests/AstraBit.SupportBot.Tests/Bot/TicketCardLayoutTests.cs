using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Tests.Languages;

namespace AstraBit.SupportBot.Tests.Bot;

/// <summary>
/// The Components V2 card within Discord's limits for one message: however many checks fail and however long their
/// texts, the card is built (40 components counting nested ones, 4,000 characters of text displays), the checks that
/// don't fit are named, long texts end in "…", and every "Run the check again" has a custom_id of its own.
/// </summary>
public sealed class TicketCardLayoutTests
{
    [Theory]
    [InlineData(1, 80)]
    [InlineData(4, 2000)]
    [InlineData(11, 900)]
    public void OpeningCard_ManyLongChecks_StaysWithinDiscordsLimitsAndSaysWhatItLeftOut(int failing, int detailLength)
    {
        var checks = CheckIds.All.Take(failing)
            .Select(id => new TicketCheck(id, CheckStatus.Fail, id, $"{id} " + new string('d', detailLength), "Fix " + new string('f', detailLength / 2), 3))
            .ToList();
        var card = new TicketCard(Verdict.Fail, checks, [], "unified", "bybit.com", "…Xy12", "Part 1 of 3 · Step 3 of 6", DateTimeOffset.UnixEpoch)
        {
            Intake = new TicketIntake("connection", "Connecting Bybit", new string('w', 1500), ["a.png"]),
        };
        var ticket = new Ticket(1, 42, TicketOrigin.CheckFailed, DateTimeOffset.UnixEpoch, card) { ThreadId = 7 };

        var message = TicketMessages.OpeningCard(ticket, ShippedTexts.English, ShippedTexts.Catalog.For("es-ES"));

        Assert.True(message.IsComponentsV2);
        Assert.Null(message.Content);
        Assert.Empty(message.Embeds);
        Assert.InRange(message.Components!.Sum(ComponentsV2.CountOf), 1, DiscordLimits.ComponentsV2Total);
        Assert.InRange(ComponentsV2.TextLengthOf(message.Components!), 1, DiscordLimits.ComponentsV2Text);
        var container = Assert.Single(message.Components!.OfType<Container>());
        Assert.Equal(0xD9534F, container.AccentColor);
        var sections = container.Components.OfType<Section>().ToList();
        Assert.NotEmpty(sections);
        Assert.Equal(sections.Count, sections.Select(s => s.Accessory.CustomId).Distinct().Count());
        Assert.All(sections, s => Assert.Equal("Volver a comprobar", s.Accessory.Label));
        var shown = sections.Count;
        Assert.True(failing < 11 || shown < failing, "eleven checks with their buttons are more than one message's 40 components");
        var text = string.Join("\n", container.Components.OfType<TextDisplay>().Select(t => t.Content).Concat(sections.SelectMany(s => s.Texts).Select(t => t.Content)));
        if (shown < failing)
        {
            Assert.Contains("not shown here because of Discord's limits", text, StringComparison.Ordinal);
            Assert.All(checks.Skip(shown), c => Assert.Contains($"`{c.Id}`", text, StringComparison.Ordinal));
        }

        Assert.Contains("Connecting Bybit", text, StringComparison.Ordinal);
        if (detailLength > 1000)
        {
            Assert.Contains("…", text, StringComparison.Ordinal);
        }
    }
}

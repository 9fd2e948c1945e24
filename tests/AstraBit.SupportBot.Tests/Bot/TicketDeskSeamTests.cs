using System.Reflection;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Tests.Bot;

/// <summary>The ticket desk is the one way into tickets: nothing else in the bot takes the ledger or the ticket store.</summary>
public sealed class TicketDeskSeamTests
{
    private static readonly Type[] Ways = [typeof(TicketLedger), typeof(ITicketStore), typeof(LiteTicketStore)];

    [Fact]
    public void Constructors_InEveryBotAssembly_OnlyTheDeskTakesTheLedgerOrTheStore()
    {
        var assemblies = new[] { typeof(TicketDesk), typeof(TicketLedger), typeof(LiteTicketStore) }.Select(t => t.Assembly).Distinct();

        var takers = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Any(c => c.GetParameters().Any(p => Ways.Contains(p.ParameterType))))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        // The desk takes the ledger (its writes) and the store (its reads); the ledger takes the store it writes.
        Assert.Equal([typeof(TicketDesk).FullName, typeof(TicketLedger).FullName], takers);
    }

    [Fact]
    public void TicketDesk_ReachesDiscordOnlyThroughItsPort()
    {
        var parameters = typeof(TicketDesk).GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToList();

        Assert.Contains(typeof(ITicketDiscord), parameters);
        Assert.DoesNotContain(typeof(DiscordRestClient), parameters);
    }
}

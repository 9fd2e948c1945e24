using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Core;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>
/// The bot's composition, as the bot process builds it: each of its services is registered once, so which one a
/// class gets never depends on the order things were registered in, and its three clocks are the ones it was given,
/// each under its own name.
/// </summary>
public sealed class ServiceRegistrationTests
{
    // Services that are many by design: every handler of a gateway event, every command and component handler.
    private static readonly Type[] ManyByDesign = [typeof(ICommandHandler), typeof(IComponentHandler), typeof(IGatewayEventHandler)];

    [Fact]
    public void TheBotsServices_AreEachRegisteredOnce()
    {
        var services = new ServiceCollection().AddSupportBot(new ConfigurationBuilder().Build());

        var twice = services
            .Where(d => IsOurs(d.ServiceType) && !IsManyByDesign(d.ServiceType))
            .GroupBy(d => (d.ServiceType, d.ServiceKey))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.ServiceType.FullName}{(g.Key.ServiceKey is { } key ? $" [{key}]" : "")}: {g.Count()} registrations")
            .ToList();

        Assert.True(twice.Count == 0, "Registered more than once:\n" + string.Join('\n', twice));
    }

    [Fact]
    public void TheClocks_AreTheOnesGiven_EachRegisteredOnceUnderItsName()
    {
        var clocks = new BotClocks(new FakeTimeProvider(), new FakeTimeProvider(), new FakeTimeProvider());
        var services = new ServiceCollection().AddSupportBot(new ConfigurationBuilder().Build(), clocks);

        var registered = services.Where(d => d.ServiceType == typeof(TimeProvider)).ToList();
        Assert.Equal(3, registered.Count);
        Assert.Same(clocks.Wall, Assert.Single(registered, d => !d.IsKeyedService).ImplementationInstance);
        Assert.Same(clocks.Support, Assert.Single(registered, d => d.IsKeyedService && Equals(d.ServiceKey, SupportClock.Key)).KeyedImplementationInstance);
        Assert.Same(clocks.Liveness, Assert.Single(registered, d => d.IsKeyedService && Equals(d.ServiceKey, LivenessClock.Key)).KeyedImplementationInstance);
    }

    [Fact]
    public void AClockRegisteredBeforeTheBots_StopsTheComposition()
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton<TimeProvider>(SupportClock.Key, new FakeTimeProvider());

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddSupportBot(new ConfigurationBuilder().Build()));

        Assert.Contains("'support'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("AddBotClocks", refused.Message, StringComparison.Ordinal);
    }

    private static bool IsOurs(Type type) =>
        type == typeof(TimeProvider) || type.Assembly.GetName().Name?.StartsWith("AstraBit.SupportBot", StringComparison.Ordinal) == true;

    private static bool IsManyByDesign(Type type) =>
        ManyByDesign.Contains(type) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IGatewayEventHandler<>));
}

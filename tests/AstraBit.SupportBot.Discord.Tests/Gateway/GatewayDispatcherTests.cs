using System.Collections.Concurrent;
using System.Text.Json;
using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

public sealed class GatewayDispatcherTests
{
    [Fact]
    public async Task RunAsync_EventsTheBotUses_ReachTypedHandlersParsed()
    {
        var (dispatcher, seen, services) = Build();
        dispatcher.Post(Raw("READY", 1, """{"session_id":"s1","user":{"id":"900","username":"bot"},"application":{"id":"1234567890123"},"resume_gateway_url":"wss://x"}"""));
        dispatcher.Post(Raw("MESSAGE_CREATE", 2, """{"id":"77","channel_id":"55","guild_id":"1","author":{"id":"42","username":"alice"},"member":{"roles":["7","8"]},"content":"hi","timestamp":"2026-11-24T10:00:00.000000+00:00"}"""));
        dispatcher.Post(Raw("GUILD_MEMBER_REMOVE", 3, """{"guild_id":"1","user":{"id":"42","username":"alice"}}"""));
        dispatcher.Complete();

        await dispatcher.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains(new ReadyEvent(1_234_567_890_123, 900, "s1"), seen);
        var message = Assert.Single(seen.OfType<MessageCreatedEvent>());
        Assert.Equal((77UL, 55UL, 42UL, "hi", false), (message.MessageId, message.ChannelId, message.Author.Id, message.Content, message.FromWebhook));
        Assert.Equal([7UL, 8UL], message.MemberRoles);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), message.Timestamp);
        Assert.Equal(42UL, Assert.Single(seen.OfType<GuildMemberRemovedEvent>()).User.Id);
        await services.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_UnreadableEvent_IsSkippedAndTheNextOneStillArrives()
    {
        var (dispatcher, seen, services) = Build();
        dispatcher.Post(Raw("MESSAGE_CREATE", 1, """{"id":"77","channel_id":"55"}"""));
        dispatcher.Post(Raw("GUILD_MEMBER_REMOVE", 2, """{"guild_id":"1","user":{"id":"43","username":"bob"}}"""));
        dispatcher.Complete();

        await dispatcher.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(seen.OfType<MessageCreatedEvent>());
        Assert.Equal(43UL, Assert.Single(seen.OfType<GuildMemberRemovedEvent>()).User.Id);
        await services.DisposeAsync();
    }

    private static (GatewayDispatcher Dispatcher, ConcurrentBag<object> Seen, ServiceProvider Services) Build()
    {
        var seen = new ConcurrentBag<object>();
        var services = new ServiceCollection()
            .AddSingleton(seen)
            .AddScoped<TypedRecorder>()
            .AddScoped<IGatewayEventHandler<ReadyEvent>>(sp => sp.GetRequiredService<TypedRecorder>())
            .AddScoped<IGatewayEventHandler<MessageCreatedEvent>>(sp => sp.GetRequiredService<TypedRecorder>())
            .AddScoped<IGatewayEventHandler<GuildMemberRemovedEvent>>(sp => sp.GetRequiredService<TypedRecorder>())
            .BuildServiceProvider();
        return (new GatewayDispatcher(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<GatewayDispatcher>.Instance), seen, services);
    }

    private static GatewayEvent Raw(string name, int sequence, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new GatewayEvent(name, sequence, document.RootElement.Clone());
    }

    private sealed class TypedRecorder(ConcurrentBag<object> seen)
        : IGatewayEventHandler<ReadyEvent>, IGatewayEventHandler<MessageCreatedEvent>, IGatewayEventHandler<GuildMemberRemovedEvent>
    {
        public Task HandleAsync(ReadyEvent gatewayEvent, CancellationToken cancellationToken) => Record(gatewayEvent);

        public Task HandleAsync(MessageCreatedEvent gatewayEvent, CancellationToken cancellationToken) => Record(gatewayEvent);

        public Task HandleAsync(GuildMemberRemovedEvent gatewayEvent, CancellationToken cancellationToken) => Record(gatewayEvent);

        private Task Record(object gatewayEvent)
        {
            seen.Add(gatewayEvent);
            return Task.CompletedTask;
        }
    }
}

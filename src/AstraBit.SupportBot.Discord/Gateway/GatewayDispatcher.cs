using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using AstraBit.SupportBot.Discord.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// Hands the dispatches <see cref="DiscordGatewayClient"/> receives to the handlers, off its receive loop: each event in
/// a fresh DI scope, at most <see cref="GatewayClientSettings.MaxConcurrentHandlers"/> at once, so a slow handler never
/// delays heartbeats. The events the bot uses are parsed once here into records (<see cref="ReadyEvent"/>,
/// <see cref="InteractionCreatedEvent"/>, <see cref="MessageCreatedEvent"/>, <see cref="MessageUpdatedEvent"/>,
/// <see cref="GuildMemberRemovedEvent"/>) for
/// <see cref="IGatewayEventHandler{TEvent}"/>; every event also goes, raw, to <see cref="IGatewayEventHandler"/>s. A
/// handler that fails is logged and never stops the others or the gateway.
/// </summary>
public sealed partial class GatewayDispatcher(IServiceScopeFactory scopeFactory, ILogger<GatewayDispatcher> logger, GatewayClientSettings? settings = null)
{
    private readonly Channel<GatewayEvent> _events = Channel.CreateUnbounded<GatewayEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly int _maxConcurrent = (settings ?? new GatewayClientSettings()).MaxConcurrentHandlers;

    /// <summary>Queues a dispatch for the handlers; never blocks the caller.</summary>
    public void Post(GatewayEvent gatewayEvent) => _events.Writer.TryWrite(gatewayEvent);

    /// <summary>No more events: <see cref="RunAsync"/> returns once the queued ones are handled.</summary>
    public void Complete() => _events.Writer.TryComplete();

    /// <summary>Runs the handlers until <see cref="Complete"/> or cancellation, then waits for those still running.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Not disposed: tasks still running may release it after the pump has finished.
        var gate = new SemaphoreSlim(_maxConcurrent);
        var running = new ConcurrentDictionary<long, Task>();
        long next = 0;
        try
        {
            await foreach (var gatewayEvent in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                var id = next++;
                running[id] = Task.Run(
                    async () =>
                    {
                        try
                        {
                            await HandleAsync(gatewayEvent, cancellationToken).ConfigureAwait(false);
                        }
                        finally
                        {
                            gate.Release();
                            running.TryRemove(id, out _);
                        }
                    },
                    CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        try
        {
            var scope = scopeFactory.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var services = scope.ServiceProvider;
                await TypedAsync(services, gatewayEvent, cancellationToken).ConfigureAwait(false);
                foreach (var handler in services.GetServices<IGatewayEventHandler>())
                {
                    if (handler.Handles(gatewayEvent.Name))
                    {
                        await RunHandlerAsync(handler, gatewayEvent, h => h.HandleAsync(gatewayEvent, cancellationToken), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, "(resolving handlers)", gatewayEvent.Name, gatewayEvent.Sequence);
        }
    }

    private Task TypedAsync(IServiceProvider services, GatewayEvent raw, CancellationToken cancellationToken)
    {
        try
        {
            return raw.Name switch
            {
                ReadyEvent.Name => EachAsync(services, raw, ReadyEvent.Parse(raw.Data), cancellationToken),
                InteractionCreatedEvent.Name => EachAsync(services, raw, new InteractionCreatedEvent(Interaction.Parse(raw.Data)), cancellationToken),
                MessageCreatedEvent.Name => EachAsync(services, raw, MessageCreatedEvent.Parse(raw.Data), cancellationToken),
                MessageUpdatedEvent.Name => EachAsync(services, raw, MessageUpdatedEvent.Parse(raw.Data), cancellationToken),
                GuildMemberRemovedEvent.Name => EachAsync(services, raw, GuildMemberRemovedEvent.Parse(raw.Data), cancellationToken),
                _ => Task.CompletedTask,
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            LogUnreadable(logger, ex, raw.Name, raw.Sequence);
            return Task.CompletedTask;
        }
    }

    private async Task EachAsync<TEvent>(IServiceProvider services, GatewayEvent raw, TEvent parsed, CancellationToken cancellationToken)
        where TEvent : class
    {
        foreach (var handler in services.GetServices<IGatewayEventHandler<TEvent>>())
        {
            await RunHandlerAsync(handler, raw, h => h.HandleAsync(parsed, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunHandlerAsync<THandler>(THandler handler, GatewayEvent raw, Func<THandler, Task> run, CancellationToken cancellationToken)
        where THandler : notnull
    {
        try
        {
            await run(handler).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, handler.GetType().Name, raw.Name, raw.Sequence);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway event handler {Handler} failed on {EventName} #{Sequence}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string eventName, int sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable {EventName} #{Sequence}: it reaches no typed handler")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string eventName, int sequence);
}

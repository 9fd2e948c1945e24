namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// Handles gateway events as Discord sent them, by name (the events the bot uses arrive parsed through
/// <see cref="IGatewayEventHandler{TEvent}"/>). Register implementations as scoped <see cref="IGatewayEventHandler"/> services;
/// they are resolved in a fresh DI scope for every event and run off the receive loop, so a slow handler
/// never delays heartbeats. Events may arrive out of order relative to each other, and Discord may send
/// an event more than once across sessions, so handlers should be idempotent.
/// </summary>
public interface IGatewayEventHandler
{
    /// <summary>Whether this handler wants events named <paramref name="eventName"/> (for example <c>INTERACTION_CREATE</c>).</summary>
    bool Handles(string eventName);

    /// <summary>Handles one event. Exceptions are logged and never stop the gateway.</summary>
    Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken);
}

namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// Supplies the gateway URL when <see cref="DiscordClientOptions.GatewayUrl"/> is not set
/// (normally from <c>GET /gateway/bot</c>). Asked once per new session, never for a resume.
/// </summary>
public interface IGatewayUrlSource
{
    /// <summary>Returns the gateway URL, without query string (for example <c>wss://gateway.discord.gg/</c>).</summary>
    Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken);
}

namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>What READY told us about the session and the bot.</summary>
/// <param name="SessionId">The session id used to resume.</param>
/// <param name="ResumeGatewayUrl">Where to reconnect to resume.</param>
/// <param name="UserId">The bot user's id (snowflake string).</param>
/// <param name="Username">The bot user's name.</param>
/// <param name="ApplicationId">The application id (snowflake string), if READY carried one.</param>
public sealed record GatewaySession(string SessionId, Uri ResumeGatewayUrl, string UserId, string Username, string? ApplicationId);

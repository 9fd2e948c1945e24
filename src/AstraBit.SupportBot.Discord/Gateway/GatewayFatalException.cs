namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// The gateway closed with a code that reconnecting cannot fix (4004, 4010–4014). The message says what the
/// operator has to do; the client does not reconnect.
/// </summary>
public sealed class GatewayFatalException : Exception
{
    /// <summary>Creates the exception for the close code <paramref name="closeCode"/>.</summary>
    public GatewayFatalException(int closeCode)
        : base(Describe(closeCode)) => CloseCode = closeCode;

    /// <summary>The raw close code Discord sent.</summary>
    public int CloseCode { get; }

    /// <summary>The close code as a known enum member (undefined members for unknown codes).</summary>
    public GatewayCloseCode KnownCloseCode => (GatewayCloseCode)CloseCode;

    /// <summary>What the close code means and what the operator must do.</summary>
    public static string Describe(int closeCode) => closeCode switch
    {
        4004 => "Discord gateway closed with 4004 (authentication failed): the token is wrong — check Discord:Token, and reset it in the Developer Portal if it leaked.",
        4010 => "Discord gateway closed with 4010 (invalid shard): the shard sent in IDENTIFY is invalid — fix the shard configuration.",
        4011 => "Discord gateway closed with 4011 (sharding required): the bot is in too many guilds for one connection — sharding is required.",
        4012 => "Discord gateway closed with 4012 (invalid API version): the client must connect with v=10 — this is a bug in the client.",
        4013 => "Discord gateway closed with 4013 (invalid intents): the intents bit set is malformed — fix Discord:Intents.",
        4014 => "Discord gateway closed with 4014 (disallowed intents): a privileged intent (GUILD_MEMBERS, GUILD_PRESENCES or MESSAGE_CONTENT) is not enabled — enable it under Bot → Privileged Gateway Intents in the Developer Portal, or remove it from Discord:Intents.",
        _ => $"Discord gateway closed with {closeCode}, which cannot be recovered by reconnecting.",
    };
}

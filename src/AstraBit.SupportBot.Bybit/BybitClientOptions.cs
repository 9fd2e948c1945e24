namespace AstraBit.SupportBot.Bybit;

/// <summary>Settings of the Bybit client, bound from the configuration section "Bybit".</summary>
public sealed class BybitClientOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Bybit";

    /// <summary>Host for bybit.com, the global site.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.bybit.com");

    /// <summary>Other named hosts (regional sites, testnet, demo). Defaults are Bybit's published hosts.</summary>
    public Dictionary<string, Uri> Hosts { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bytick"] = new("https://api.bytick.com"),
        ["testnet"] = new("https://api-testnet.bybit.com"),
        ["demo"] = new("https://api-demo.bybit.com"),
        ["demo-testnet"] = new("https://api-demo-testnet.bybit.com"),
        ["nl"] = new("https://api.bybit.nl"),
        ["tr"] = new("https://api.bybit.tr"),
        ["kz"] = new("https://api.bybit.kz"),
        ["ge"] = new("https://api.bybitgeorgia.ge"),
        ["ae"] = new("https://api.bybit.ae"),
        ["eu"] = new("https://api.bybit.eu"),
        ["id"] = new("https://api.bybit.id"),
        ["jp"] = new("https://api.manepa.jp"),
        ["jp-testnet"] = new("https://api-testnet.manepa.jp"),
    };

    /// <summary>X-BAPI-RECV-WINDOW; 1–60 s.</summary>
    public TimeSpan RecvWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deadline of one HTTP attempt, from sending the request to the last byte of the body; 1–120 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Base delay of the jittered exponential backoff between retries of transient failures; 0–10 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Largest response body read; a longer one is refused unread (no Bybit answer the check uses comes near 1 MiB).</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a measured server-time offset is trusted before it is measured again.</summary>
    public TimeSpan TimeSyncInterval { get; set; } = TimeSpan.FromMinutes(10);
}

namespace AstraBit.SupportBot.Bybit;

/// <summary>An HMAC API key and its secret. <see cref="ToString"/> never shows the secret.</summary>
/// <param name="ApiKey">The API key.</param>
/// <param name="ApiSecret">The API secret; only used to sign requests.</param>
public sealed record BybitCredentials(string ApiKey, string ApiSecret)
{
    /// <summary>The key masked to its last four characters, e.g. "…Xy12", safe for logs and messages.</summary>
    public string MaskedApiKey => Mask(ApiKey);

    /// <summary>Masks a key to its last four characters.</summary>
    public static string Mask(string? apiKey) =>
        string.IsNullOrEmpty(apiKey) ? "…" : apiKey.Length <= 4 ? "…" : "…" + apiKey[^4..];

    /// <inheritdoc />
    public override string ToString() => $"BybitCredentials {{ ApiKey = {MaskedApiKey} }}";
}

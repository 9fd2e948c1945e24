using System.Security.Cryptography;
using System.Text;

namespace AstraBit.SupportBot.Bybit;

/// <summary>
/// Bybit V5 HMAC-SHA256 request signature (https://bybit-exchange.github.io/docs/v5/guide, "Create A Request").
/// </summary>
public static class BybitSigner
{
    /// <summary>
    /// Signs <c>timestamp + apiKey + recvWindow + payload</c> with the secret and returns lowercase hex.
    /// For a GET the payload is the query string exactly as sent (without '?'); empty when there is none.
    /// </summary>
    /// <param name="timestampMs">X-BAPI-TIMESTAMP, UTC milliseconds.</param>
    /// <param name="apiKey">X-BAPI-API-KEY.</param>
    /// <param name="recvWindowMs">X-BAPI-RECV-WINDOW in milliseconds.</param>
    /// <param name="payload">The raw query string for GET requests.</param>
    /// <param name="apiSecret">The API secret; used as the HMAC key (UTF-8).</param>
    public static string Sign(long timestampMs, string apiKey, long recvWindowMs, string payload, string apiSecret)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(apiSecret);

        var plain = string.Concat(
            timestampMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            apiKey,
            recvWindowMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            payload);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(plain));
        return Convert.ToHexStringLower(hash);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using AstraBit.SupportBot.Bybit.Internal;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace AstraBit.SupportBot.Bybit;

/// <summary>
/// Read-only Bybit V5 REST client for one host (https://bybit-exchange.github.io/docs/v5/intro).
/// Every call is a GET; the client has no way to send another verb. Calls return
/// <see cref="BybitResult{T}"/> and never throw for Bybit or transport failures; only cancellation by the
/// caller throws <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class BybitClient
{
    private const int MaxErrorBodyChars = 2048;

    private readonly HttpClient _http;
    private readonly BybitClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly BybitTimeSync _timeSync;
    private readonly ILogger _logger;
    private readonly BybitMetrics? _metrics;

    /// <summary>Creates a client for one host.</summary>
    /// <param name="httpClient">The HTTP client (from <see cref="IBybitClientFactory"/> it carries the retry/timeout pipeline).</param>
    /// <param name="host">The Bybit host, e.g. https://api.bybit.com.</param>
    /// <param name="options">Client settings.</param>
    /// <param name="timeProvider">The local clock, used for timestamps.</param>
    /// <param name="logger">Logger; never receives secrets, signatures or headers.</param>
    /// <param name="timeSync">Server-time offsets shared across clients; a private cache when null.</param>
    /// <param name="metrics">Counts answers by endpoint and retCode; none when null.</param>
    public BybitClient(
        HttpClient httpClient,
        Uri host,
        BybitClientOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        BybitTimeSync? timeSync = null,
        BybitMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        if (!host.IsAbsoluteUri)
        {
            throw new ArgumentException("The Bybit host must be an absolute URI.", nameof(host));
        }

        _http = httpClient;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _timeSync = timeSync ?? new BybitTimeSync(timeProvider, options.TimeSyncInterval);

        // A trailing slash keeps a base path (e.g. a proxy prefix) when the endpoint path is appended.
        Host = host.AbsolutePath.EndsWith('/') ? host : new Uri(host.AbsoluteUri + "/");
        Market = new BybitMarketClient(this);
        User = new BybitUserClient(this);
        Account = new BybitAccountClient(this);
        Position = new BybitPositionClient(this);
        Asset = new BybitAssetClient(this);
        System = new BybitSystemClient(this);
    }

    /// <summary>The host this client talks to.</summary>
    public Uri Host { get; }

    /// <summary>Public market endpoints.</summary>
    public BybitMarketClient Market { get; }

    /// <summary>User (API key) endpoints.</summary>
    public BybitUserClient User { get; }

    /// <summary>Account endpoints.</summary>
    public BybitAccountClient Account { get; }

    /// <summary>Position endpoints.</summary>
    public BybitPositionClient Position { get; }

    /// <summary>Asset endpoints.</summary>
    public BybitAssetClient Asset { get; }

    /// <summary>Public system endpoints (maintenance status).</summary>
    public BybitSystemClient System { get; }

    internal async Task<BybitResult<BybitServerTime>> GetServerTimeCoreAsync(CancellationToken cancellationToken)
    {
        const string path = "v5/market/time";
        var sentAt = _timeProvider.GetUtcNow();
        var response = await SendAsync(path, [], credentials: null, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        var receivedAt = _timeProvider.GetUtcNow();
        if (response.Error is not null)
        {
            return BybitResult<BybitServerTime>.Fail(response.Error, response.RateLimit);
        }

        var wire = Deserialize<WireServerTime>(response.Result);
        DateTimeOffset? serverTime = wire?.TimeNano is { } nanos
            ? DateTimeOffset.UnixEpoch.AddTicks(nanos / 100)
            : wire?.TimeSecond is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : response.Time is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        if (serverTime is null)
        {
            return InvalidResult<BybitServerTime>(path, "The server time was missing from the response.");
        }

        var measured = new BybitServerTime(serverTime.Value, sentAt, receivedAt);
        _timeSync.Record(Host, measured.Offset);
        return BybitResult<BybitServerTime>.Ok(measured, response.RateLimit);
    }

    /// <summary>
    /// Sends a signed GET at once, signed with the cached server-time offset (the local clock when none was
    /// measured yet) while a clock measurement runs alongside; only when Bybit answers 10002 does it wait for that
    /// measurement, re-sign and send once more. Then maps the result.
    /// </summary>
    internal async Task<BybitResult<T>> GetSignedAsync<TWire, T>(
        string path,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        BybitCredentials credentials,
        Func<TWire, T?> map,
        CancellationToken cancellationToken)
        where TWire : class
        where T : class
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var sync = _timeSync.Current(Host, MeasureOffsetAsync);
        var response = await SendAsync(path, parameters, credentials, sync.Offset, cancellationToken).ConfigureAwait(false);

        if (response.Error is { Kind: BybitErrorKind.TimestampRejected } rejected)
        {
            _logger.LogInformation(
                "Bybit rejected the timestamp for {Path} (key {ApiKey}); signing again with Bybit's clock and retrying once",
                path,
                credentials.MaskedApiKey);
            // The rejection carries Bybit's clock: signing with it can only err on the late side (by the answer's
            // travel time), which the receive window allows, and it needs no wait. Without it, wait for the
            // measurement that started alongside (or a new one).
            TimeSpan offset;
            if (OffsetFromRejection(rejected.Message) is { } fromRejection)
            {
                offset = fromRejection;
                _timeSync.Record(Host, offset);
            }
            else
            {
                var staleBefore = sync.MeasuredAt ?? DateTimeOffset.MinValue;
                offset = (await _timeSync.GetAsync(Host, MeasureOffsetAsync, staleBefore, cancellationToken).ConfigureAwait(false)).Offset;
            }

            response = await SendAsync(path, parameters, credentials, offset, cancellationToken).ConfigureAwait(false);
        }

        return MapResult(path, response, map);
    }

    /// <summary>Sends an unsigned GET to a public endpoint and maps the result.</summary>
    internal async Task<BybitResult<T>> GetPublicAsync<TWire, T>(
        string path,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        Func<TWire, T?> map,
        CancellationToken cancellationToken)
        where TWire : class
        where T : class
    {
        var response = await SendAsync(path, parameters, credentials: null, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return MapResult(path, response, map);
    }

    private BybitResult<T> MapResult<TWire, T>(string path, RawResponse response, Func<TWire, T?> map)
        where TWire : class
        where T : class
    {
        if (response.Error is not null)
        {
            return BybitResult<T>.Fail(response.Error, response.RateLimit);
        }

        if (response.Result.ValueKind != JsonValueKind.Object)
        {
            return InvalidResult<T>(path, "retCode 0 came without a result object.", response.RateLimit);
        }

        TWire? wire;
        try
        {
            wire = response.Result.Deserialize(WireJson.TypeInfo<TWire>());
        }
        catch (JsonException ex)
        {
            return InvalidResult<T>(path, "The result held a value that could not be read: " + ex.Message, response.RateLimit);
        }

        if (wire is null)
        {
            return InvalidResult<T>(path, "The result was empty.", response.RateLimit);
        }

        try
        {
            var data = map(wire);
            return data is null
                ? InvalidResult<T>(path, "The result could not be read.", response.RateLimit)
                : BybitResult<T>.Ok(data, response.RateLimit);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return InvalidResult<T>(path, ex.Message, response.RateLimit);
        }
    }

    // A 10002 message carries Bybit's clock: "... req_timestamp[1755542601897],server_timestamp[1755542600895],recv_window[5000]".
    private TimeSpan? OffsetFromRejection(string message)
    {
        const string marker = "server_timestamp[";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = message.IndexOf(']', start);
        return end > start && long.TryParse(message.AsSpan(start, end - start), NumberStyles.Integer, CultureInfo.InvariantCulture, out var serverMs)
            ? DateTimeOffset.FromUnixTimeMilliseconds(serverMs) - _timeProvider.GetUtcNow()
            : null;
    }

    private async Task<TimeSpan?> MeasureOffsetAsync(CancellationToken cancellationToken)
    {
        var result = await GetServerTimeCoreAsync(cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            _logger.LogWarning(
                "Could not read Bybit server time from {Host}: {Kind} {Message}",
                Host,
                result.Error.Kind,
                result.Error.Message);
            return null;
        }

        _logger.LogDebug(
            "Bybit server time offset for {Host} is {OffsetMs} ms (round trip {RoundTripMs} ms)",
            Host,
            result.Data.Offset.TotalMilliseconds,
            result.Data.RoundTrip.TotalMilliseconds);
        return result.Data.Offset;
    }

    private async Task<RawResponse> SendAsync(
        string path,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        BybitCredentials? credentials,
        TimeSpan clockOffset,
        CancellationToken cancellationToken)
    {
        // The query is built once: the same string goes on the wire and into the signature.
        var query = BuildQuery(parameters);
        var requestUri = new Uri(Host, query.Length == 0 ? path : path + "?" + query);
        var wireQuery = requestUri.Query.Length > 0 ? requestUri.Query[1..] : string.Empty;
        var logPath = "/" + path;

        using var request = new HttpRequestMessage(HttpMethod.Get, requestUri);
        if (credentials is not null)
        {
            var timestamp = (_timeProvider.GetUtcNow() + clockOffset).ToUnixTimeMilliseconds();
            var recvWindow = (long)_options.RecvWindow.TotalMilliseconds;
            var signature = BybitSigner.Sign(timestamp, credentials.ApiKey, recvWindow, wireQuery, credentials.ApiSecret);
            request.Headers.TryAddWithoutValidation("X-BAPI-API-KEY", credentials.ApiKey);
            request.Headers.TryAddWithoutValidation("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("X-BAPI-SIGN", signature);
            request.Headers.TryAddWithoutValidation("X-BAPI-RECV-WINDOW", recvWindow.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("X-BAPI-SIGN-TYPE", "2");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            return Failed(logPath, credentials, new BybitError(
                BybitErrorKind.Timeout, null, null, $"No complete answer from {Host.Host} within {_options.Timeout}.", true));
        }
        catch (BybitResponseTooLargeException ex)
        {
            return Failed(logPath, credentials, new BybitError(
                BybitErrorKind.ResponseTooLarge, null, null, $"The answer from {Host.Host} was larger than {ex.MaxBytes} bytes and was not read.", false));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return Failed(logPath, credentials, new BybitError(
                BybitErrorKind.Unreachable, null, null, $"{Host.Host} could not be reached or the answer was cut off: {ex.Message}", true));
        }

        using (response)
        {
            var rateLimit = ReadRateLimit(response);
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or TimeoutRejectedException)
            {
                return Failed(logPath, credentials, new BybitError(
                    BybitErrorKind.Unreachable, null, (int)response.StatusCode, $"The response from {Host.Host} was cut off.", true), rateLimit);
            }

            if (!response.IsSuccessStatusCode)
            {
                return Failed(logPath, credentials, HttpError(response, body, logPath), rateLimit);
            }

            return ReadEnvelope(logPath, credentials, response, body, rateLimit);
        }
    }

    private RawResponse ReadEnvelope(
        string logPath,
        BybitCredentials? credentials,
        HttpResponseMessage response,
        string body,
        BybitRateLimit? rateLimit)
    {
        var status = (int)response.StatusCode;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Failed(logPath, credentials, new BybitError(
                BybitErrorKind.InvalidResponse, null, status, "The response was not JSON.", false), rateLimit);
        }

        if (root.ValueKind != JsonValueKind.Object || ReadLong(root, "retCode") is not { } retCode)
        {
            return Failed(logPath, credentials, new BybitError(
                BybitErrorKind.InvalidResponse, null, status, "The response had no retCode.", false), rateLimit);
        }

        var retMsg = root.TryGetProperty("retMsg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() ?? "" : "";
        var time = ReadLong(root, "time");
        if (retCode != 0)
        {
            var entry = BybitErrorTable.Classify((int)retCode, retMsg);
            TimeSpan? retryAfter = entry.Kind == BybitErrorKind.RateLimited && rateLimit?.ResetAt is { } resetAt
                ? Max(resetAt - (time is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : _timeProvider.GetUtcNow()))
                : null;
            return Failed(logPath, credentials, new BybitError(entry.Kind, (int)retCode, status, retMsg, entry.IsTransient, retryAfter), rateLimit);
        }

        var result = root.TryGetProperty("result", out var r) ? r : default;
        _metrics?.Answered(logPath, status, 0, null);
        _logger.LogDebug("Bybit {Path} for key {ApiKey} succeeded", logPath, credentials?.MaskedApiKey ?? "(public)");
        return new RawResponse(result, time, null, rateLimit);
    }

    private static TimeSpan Max(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    private static BybitError HttpError(HttpResponseMessage response, string body, string logPath)
    {
        var status = response.StatusCode;
        var snippet = body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] : body;
        var entry = BybitErrorTable.ClassifyHttp(status, snippet, logPath);
        var retryAfter = entry.Kind switch
        {
            BybitErrorKind.RateLimited when (int)status == 403 => TimeSpan.FromMinutes(10),
            _ => response.Headers.RetryAfter?.Delta,
        };
        var message = entry.Kind switch
        {
            BybitErrorKind.GeoBlocked => "Bybit refused this network location (HTTP 403 with an HTML page).",
            BybitErrorKind.RateLimited when (int)status == 403 => "HTTP 403: access too frequent (IP rate limit).",
            _ => $"HTTP {(int)status} {response.ReasonPhrase}".TrimEnd(),
        };
        return new BybitError(entry.Kind, null, (int)status, message, entry.IsTransient, retryAfter);
    }

    private RawResponse Failed(string logPath, BybitCredentials? credentials, BybitError error, BybitRateLimit? rateLimit = null)
    {
        _metrics?.Answered(logPath, error.HttpStatus ?? 0, error.RetCode, error.Kind);
        _logger.LogWarning(
            "Bybit {Path} for key {ApiKey} failed: {Kind} retCode {RetCode} HTTP {HttpStatus} {Message}",
            logPath,
            credentials?.MaskedApiKey ?? "(public)",
            error.Kind,
            error.RetCode,
            error.HttpStatus,
            error.Message);
        return new RawResponse(default, null, error, rateLimit);
    }

    private BybitResult<T> InvalidResult<T>(string path, string message, BybitRateLimit? rateLimit = null)
    {
        _logger.LogWarning("Bybit {Path} returned an unreadable result: {Message}", path, message);
        return BybitResult<T>.Fail(new BybitError(BybitErrorKind.InvalidResponse, 0, 200, message, false), rateLimit);
    }

    private static T? Deserialize<T>(JsonElement element)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return element.Deserialize(WireJson.TypeInfo<T>());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string BuildQuery(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private static BybitRateLimit? ReadRateLimit(HttpResponseMessage response)
    {
        var limit = HeaderLong(response, "X-Bapi-Limit");
        var remaining = HeaderLong(response, "X-Bapi-Limit-Status");
        var reset = HeaderLong(response, "X-Bapi-Limit-Reset-Timestamp");
        if (limit is null && remaining is null && reset is null)
        {
            return null;
        }

        return new BybitRateLimit(
            (int?)limit,
            (int?)remaining,
            reset is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }

    private static long? HeaderLong(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) &&
        long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static long? ReadLong(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element))
        {
            return null;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number when element.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }

    private sealed record RawResponse(JsonElement Result, long? Time, BybitError? Error, BybitRateLimit? RateLimit);
}

using System.Collections.Concurrent;

namespace AstraBit.SupportBot.Emulators.Bybit;

/// <summary>Fault injection, changeable at run time. Scripted faults apply to private endpoints only.</summary>
public sealed class BybitEmulatorFaults
{
    private readonly ConcurrentQueue<BybitScriptedFault> _scripted = new();
    private BybitHold? _hold;

    /// <summary>Latency added to every request; set it above the client timeout for "slow responses".</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every request gets HTTP 403 with a CloudFront HTML page.</summary>
    public bool GeoBlocked { get; set; }

    /// <summary>Every request gets HTTP 403 "access too frequent".</summary>
    public bool AccessTooFrequent { get; set; }

    /// <summary>Every private request gets HTTP 503 until switched off (an outage, not one failed request).</summary>
    public bool Outage { get; set; }

    /// <summary>
    /// Slow-loris answers: when above zero, every response sends its status and headers at once and then its body
    /// one byte per interval (on the emulator's clock) until done or the client hangs up.
    /// </summary>
    public TimeSpan SlowBody { get; set; }

    /// <summary>When above zero, every JSON answer is preceded by this many bytes of whitespace (still valid JSON), streamed.</summary>
    public long BodyPadding { get; set; }

    /// <summary>
    /// Raw JSON to send as <c>result</c> (with retCode 0) instead of the real answer, by path, e.g.
    /// "/v5/account/wallet-balance" → <c>{"list":[{"totalEquity":"NaN"}]}</c>: partial or garbage answers.
    /// </summary>
    public ConcurrentDictionary<string, string> ResultOverrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// One field of the real answer's result set to raw JSON, by (path, field): ("/v5/user/query-api",
    /// "permissions.ContractTrade") → <c>null</c>, or ("/v5/position/list", "list[].positionIdx") → <c>7</c> for every row.
    /// A faithful answer but for one value outside Bybit's documented domain.
    /// </summary>
    public ConcurrentDictionary<(string Path, string Field), string> FieldOverrides { get; } = new();

    /// <summary>Maintenance windows GET /v5/system/status lists; while one is ongoing, private endpoints answer HTTP 503.</summary>
    public IReadOnlyList<EmulatedMaintenance> Maintenance { get; set; } = [];

    /// <summary>Scripted faults not yet used.</summary>
    public int Pending => _scripted.Count;

    /// <summary>The next <paramref name="count"/> private requests fail with an HTTP 5xx.</summary>
    public void FailNext(int count, int statusCode = 503)
    {
        for (var i = 0; i < count; i++)
        {
            _scripted.Enqueue(new BybitScriptedFault(statusCode, null, $"<html><body>{statusCode} Service Temporarily Unavailable</body></html>", "text/html"));
        }
    }

    /// <summary>The next private request gets HTTP 200 with this retCode/retMsg.</summary>
    public void EnqueueRetCode(int retCode, string retMsg) =>
        _scripted.Enqueue(new BybitScriptedFault(200, retCode, retMsg, "application/json"));

    /// <summary>The next private request gets this raw HTTP response.</summary>
    public void EnqueueHttp(int statusCode, string body, string contentType = "text/plain") =>
        _scripted.Enqueue(new BybitScriptedFault(statusCode, null, body, contentType));

    /// <summary>
    /// Holds every request (after the geo-block and rate checks, before the answer) until the returned handle is
    /// released or disposed: a check kept in flight for as long as a test needs, without real waiting.
    /// </summary>
    public BybitHold Hold()
    {
        var hold = new BybitHold();
        Interlocked.Exchange(ref _hold, hold)?.Release();
        return hold;
    }

    /// <summary>Drops every scripted fault and switches the modes off.</summary>
    public void Clear()
    {
        _scripted.Clear();
        Latency = TimeSpan.Zero;
        SlowBody = TimeSpan.Zero;
        BodyPadding = 0;
        ResultOverrides.Clear();
        FieldOverrides.Clear();
        Maintenance = [];
        GeoBlocked = false;
        AccessTooFrequent = false;
        Outage = false;
        Interlocked.Exchange(ref _hold, null)?.Release();
    }

    internal Task WaitWhileHeldAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _hold) is { } hold ? hold.WaitAsync(cancellationToken) : Task.CompletedTask;

    internal bool TryTake(out BybitScriptedFault fault) => _scripted.TryDequeue(out fault!);
}

/// <summary>A gate on the emulator's answers from <see cref="BybitEmulatorFaults.Hold"/>; requests wait on it until released.</summary>
public sealed class BybitHold : IDisposable
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first request is waiting on the gate.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets every held request (and any later one) through.</summary>
    public void Release() => _released.TrySetResult();

    public void Dispose() => Release();

    internal Task WaitAsync(CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        return _released.Task.WaitAsync(cancellationToken);
    }
}

/// <summary>One scripted answer.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="RetCode">Bybit retCode for an envelope answer; null for a raw body.</param>
/// <param name="Body">retMsg for an envelope, otherwise the raw body.</param>
/// <param name="ContentType">Content type of a raw body.</param>
public sealed record BybitScriptedFault(int StatusCode, int? RetCode, string Body, string ContentType);

/// <summary>One request as the emulator saw it (the X-BAPI-SIGN value is replaced by "***").</summary>
/// <param name="ReceivedAt">Emulator clock at arrival.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path, e.g. /v5/user/query-api.</param>
/// <param name="Query">Raw query string without '?'.</param>
/// <param name="Headers">Request headers.</param>
/// <param name="RemoteIp">Source address.</param>
/// <param name="StatusCode">HTTP status answered.</param>
/// <param name="RetCode">retCode answered, when the answer was an envelope.</param>
public sealed record BybitRecordedRequest(
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string RemoteIp,
    int StatusCode,
    int? RetCode);

/// <summary>One maintenance window of GET /v5/system/status.</summary>
/// <param name="Title">e.g. "Scheduled system upgrade".</param>
/// <param name="Begin">Start.</param>
/// <param name="End">Expected end.</param>
/// <param name="State">scheduled, ongoing or completed; null derives it from the emulator's clock.</param>
public sealed record EmulatedMaintenance(string Title, DateTimeOffset Begin, DateTimeOffset End, string? State = null);

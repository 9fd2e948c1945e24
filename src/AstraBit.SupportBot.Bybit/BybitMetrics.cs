using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AstraBit.SupportBot.Bybit;

/// <summary>
/// The Bybit client's instruments, on the meter <see cref="MeterName"/>. Labels are the endpoint path (no query),
/// the HTTP status, Bybit's retCode and the error kind: never a key, a signature or a host's answer text.
/// </summary>
public sealed class BybitMetrics
{
    public const string MeterName = "AstraBit.SupportBot.Bybit";

    private readonly Counter<long> _requests;

    public BybitMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>(
            "bybit.requests",
            "{request}",
            "Bybit answers by endpoint path, HTTP status (0: no answer), retCode (when the envelope was read) and error kind (on failure).");
    }

    internal void Answered(string endpoint, int status, long? retCode, BybitErrorKind? error)
    {
        var tags = new TagList
        {
            { "bybit.endpoint", endpoint },
            { "http.response.status_code", status },
        };
        if (retCode is { } code)
        {
            tags.Add("bybit.ret_code", code);
        }

        if (error is { } kind)
        {
            tags.Add("error.type", kind.ToString());
        }

        _requests.Add(1, tags);
    }
}

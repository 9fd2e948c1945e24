using System.Globalization;
using AstraBit.SupportBot.Bybit;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Doctor;

/// <summary>
/// Every configured Bybit host (Bybit:BaseUrl and each Bybit:Hosts entry) answers GET /v5/market/time, and
/// this machine's clock is within Bybit:RecvWindow of Bybit's (signed requests outside it are refused, 10002).
/// </summary>
public sealed class BybitHostCheck(IBybitClientFactory factory, IOptions<BybitClientOptions> options)
{
    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var hosts = new List<(string Name, string Key, Uri Url)> { ("bybit.com", "Bybit:BaseUrl", settings.BaseUrl) };
        hosts.AddRange(settings.Hosts.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => (h.Key, "Bybit:Hosts:" + h.Key, h.Value)));
        var checks = await Task.WhenAll(hosts.Select(h => CheckAsync(h.Name, h.Key, h.Url, h.Name == "bybit.com", settings.RecvWindow, cancellationToken)));
        return checks;
    }

    private async Task<DoctorCheck> CheckAsync(string name, string key, Uri url, bool isMain, TimeSpan recvWindow, CancellationToken cancellationToken)
    {
        var id = "bybit-host-" + name;
        var title = $"Bybit {name} answers";
        var result = await factory.Create(url).Market.GetServerTimeAsync(cancellationToken);
        if (result.Error is { } error)
        {
            var detail = $"{url} did not answer GET /v5/market/time: {error.Message.TrimEnd('.')}.";
            const string reach = "Check that this machine can reach the host (firewall, proxy, DNS); Bybit refuses some countries with 403.";
            return isMain
                ? DoctorCheck.Fail(id, title, detail + " Key checks on bybit.com can't run.", $"{reach} Or correct {key}.")
                : DoctorCheck.Warn(id, title, detail + $" Members who choose this site can't be checked.", $"{reach} Or correct {key}.");
        }

        var offset = result.Data!.Offset;
        var seconds = Math.Abs(offset.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);
        if (offset.Duration() > recvWindow)
        {
            return DoctorCheck.Fail(id, title,
                $"{url} answered, but this machine's clock is {seconds} s {(offset > TimeSpan.Zero ? "behind" : "ahead of")} Bybit's, more than Bybit:RecvWindow ({recvWindow.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s): signed requests risk being refused (10002).",
                "Synchronise this machine's clock (e.g. `timedatectl set-ntp true`, or the container host's NTP).");
        }

        return DoctorCheck.Pass(id, title, $"{url}, clock offset {seconds} s (within {recvWindow.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s).");
    }
}

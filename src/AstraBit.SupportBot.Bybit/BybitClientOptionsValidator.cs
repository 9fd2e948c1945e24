using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bybit;

/// <summary>Validates <see cref="BybitClientOptions"/> at start; failures name the configuration key.</summary>
public sealed class BybitClientOptionsValidator : IValidateOptions<BybitClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BybitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = BybitClientOptions.SectionName;

        if (!IsHttpUri(options.BaseUrl))
        {
            failures.Add($"{section}:BaseUrl must be an absolute http or https URL.");
        }

        foreach (var (hostName, uri) in options.Hosts ?? [])
        {
            if (!IsHttpUri(uri))
            {
                failures.Add($"{section}:Hosts:{hostName} must be an absolute http or https URL.");
            }
        }

        if (options.RecvWindow < TimeSpan.FromSeconds(1) || options.RecvWindow > TimeSpan.FromSeconds(60))
        {
            failures.Add($"{section}:RecvWindow must be between 00:00:01 and 00:01:00.");
        }

        if (options.Timeout < TimeSpan.FromMilliseconds(100) || options.Timeout > TimeSpan.FromSeconds(120))
        {
            failures.Add($"{section}:Timeout must be between 00:00:00.100 and 00:02:00.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromSeconds(10))
        {
            failures.Add($"{section}:RetryBaseDelay must be between 00:00:00 and 00:00:10.");
        }

        if (options.MaxResponseBytes < 4 * 1024 || options.MaxResponseBytes > 64 * 1024 * 1024)
        {
            failures.Add($"{section}:MaxResponseBytes must be between 4096 and 67108864.");
        }

        if (options.TimeSyncInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:TimeSyncInterval must be at least 00:00:01.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUri(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

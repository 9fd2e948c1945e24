namespace AstraBit.SupportBot.Bybit;

/// <summary>Resolves a site or environment name ("mainnet", "testnet", "tr", …) to a Bybit host.</summary>
public static class BybitHosts
{
    /// <summary>Names that mean the global site, <see cref="BybitClientOptions.BaseUrl"/>.</summary>
    public static IReadOnlyList<string> MainnetNames { get; } = ["mainnet", "bybit.com"];

    /// <summary>Every name <see cref="Resolve"/> accepts, mainnet names first, then the configured hosts sorted.</summary>
    public static IReadOnlyList<string> KnownNames(BybitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. MainnetNames, .. options.Hosts.Keys.Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Looks a name up, case-insensitively.</summary>
    public static bool TryResolve(BybitClientOptions options, string? name, out Uri host)
    {
        ArgumentNullException.ThrowIfNull(options);
        host = options.BaseUrl;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var trimmed = name.Trim();
        if (MainnetNames.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var (key, uri) in options.Hosts)
        {
            if (string.Equals(key, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                host = uri;
                return true;
            }
        }

        return false;
    }

    /// <summary>Looks a name up; an unknown name throws <see cref="ArgumentException"/> listing the valid names.</summary>
    public static Uri Resolve(BybitClientOptions options, string name)
    {
        if (TryResolve(options, name, out var host))
        {
            return host;
        }

        throw new ArgumentException(
            $"Unknown Bybit site '{name}'. Valid names: {string.Join(", ", KnownNames(options))}.",
            nameof(name));
    }
}

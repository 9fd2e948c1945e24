namespace AstraBit.SupportBot.Emulators.Bybit;

/// <summary>Start-up settings of <see cref="BybitEmulator"/>.</summary>
public sealed record BybitEmulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The emulator's base clock; <see cref="BybitEmulator.ClockSkew"/> is added to it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Initial skew of the emulator's clock against <see cref="TimeProvider"/>.</summary>
    public TimeSpan ClockSkew { get; init; }

    /// <summary>Initial accounts; null loads every built-in scenario.</summary>
    public IReadOnlyList<BybitAccountScenario>? Accounts { get; init; }

    /// <summary>Initial latency added to every request.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>IP limit: requests per <see cref="IpRateLimitWindow"/> per source address before HTTP 403.</summary>
    public int IpRateLimit { get; init; } = 600;

    /// <summary>IP limit window.</summary>
    public TimeSpan IpRateLimitWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Oldest recorded requests are dropped beyond this many (keeps a long sandbox run bounded).</summary>
    public int MaxRecordedRequests { get; init; } = 100_000;

    /// <summary>
    /// Behave like Bybit's demo-trading host (api-demo.bybit.com): endpoints the demo service lacks (the asset
    /// balance endpoints) answer 10032 "Demo trading are not supported.".
    /// </summary>
    public bool Demo { get; init; }

    /// <summary>When true, disposing throws if a non-GET request arrived or the server failed.</summary>
    public bool ThrowOnDisposeIfViolations { get; init; } = true;
}

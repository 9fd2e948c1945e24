namespace AstraBit.SupportBot.Cli;

/// <summary>The exit codes of `diagnose` (PRODUCT.md §5); other tools rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Verdict pass or warn.</summary>
    public const int Ok = 0;

    /// <summary>Verdict fail: the key or account needs fixing.</summary>
    public const int Failed = 1;

    /// <summary>Usage or input error: bad flags, bad key or secret, bad configuration.</summary>
    public const int Usage = 2;

    /// <summary>The check could not run (Bybit unreachable, 5xx, rate limited, geo-blocked).</summary>
    public const int CouldNotRun = 3;
}

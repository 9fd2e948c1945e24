namespace AstraBit.SupportBot.Cli;

/// <summary>The program's exit codes (PRODUCT.md §5 for `diagnose`, §11 for `health`); other tools rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Verdict pass or warn; `health`: healthy; `backup`: written.</summary>
    public const int Ok = 0;

    /// <summary>Verdict fail: the key or account needs fixing; `health`: unhealthy or not running.</summary>
    public const int Failed = 1;

    /// <summary>Usage or input error: bad flags, bad key or secret, bad configuration, a data file the bot won't use.</summary>
    public const int Usage = 2;

    /// <summary>The check could not run (Bybit unreachable, 5xx, rate limited, geo-blocked).</summary>
    public const int CouldNotRun = 3;

    /// <summary>
    /// The bot stopped because it could not serve members: its handlers could not be built, or its data file went
    /// away while it ran (a fatal Discord close is 4, <c>GatewayStatus.FatalExitCode</c>).
    /// </summary>
    public const int CannotServe = 5;
}

using AstraBit.SupportBot.Discord.Gateway;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Doctor;

/// <summary>
/// Once per process, after the first READY, runs the Discord half of `doctor` and logs each problem as one
/// warning with its fix, so an operator learns of a missing permission at start instead of from a 50013
/// when the first member needs help. Commands are left out: the bot registers them itself on READY.
/// </summary>
public sealed partial class DoctorReadyCheck(DiscordSetupCheck check, DoctorReadyState state, ILogger<DoctorReadyCheck> logger) : IGatewayEventHandler
{
    public bool Handles(string eventName) => eventName == "READY";

    public async Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if (!state.TryBegin())
        {
            return;
        }

        var checks = await check.RunAsync(includeCommands: false, cancellationToken);
        var problems = checks.Where(c => c.Status != DoctorStatus.Pass).ToList();
        foreach (var problem in problems)
        {
            LogProblem(logger, problem.Id, problem.Detail ?? problem.Title, problem.Fix ?? "");
        }

        if (problems.Count == 0)
        {
            LogAllGood(logger, checks.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Set-up problem {CheckId}: {Problem} Fix: {Fix}")]
    private static partial void LogProblem(ILogger logger, string checkId, string problem, string fix);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord set-up checked after READY: all {Count} checks pass")]
    private static partial void LogAllGood(ILogger logger, int count);
}

/// <summary>Process-wide: the READY check runs once, not after every re-identify.</summary>
public sealed class DoctorReadyState
{
    private int _started;

    public bool TryBegin() => Interlocked.Exchange(ref _started, 1) == 0;
}

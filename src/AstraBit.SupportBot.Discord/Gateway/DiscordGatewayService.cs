using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Discord.Gateway;

/// <summary>
/// Runs <see cref="DiscordGatewayClient"/> for the lifetime of the host. When Discord closes with a fatal code it
/// logs one line saying what to fix, records it in <see cref="GatewayStatus"/> (whose exit code the program
/// returns) and stops the application; it never retries.
/// </summary>
public sealed partial class DiscordGatewayService(
    DiscordGatewayClient client,
    IHostApplicationLifetime lifetime,
    GatewayStatus status,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await client.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (GatewayFatalException ex)
        {
            LogFatal(logger, ex.CloseCode, ex.Message);
            status.Fail(ex);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway stopped for good (close code {CloseCode}): {Remedy}")]
    private static partial void LogFatal(ILogger logger, int closeCode, string remedy);
}

/// <summary>
/// How the gateway ended, for whoever runs the host: the library never sets the process exit code itself
/// (a test host or an embedding program must not be ended by it).
/// </summary>
public sealed class GatewayStatus
{
    /// <summary>The exit code a program should return after a fatal gateway close.</summary>
    public const int FatalExitCode = 4;

    private GatewayFatalException? _fatal;

    /// <summary>The fatal close that stopped the gateway, if any.</summary>
    public GatewayFatalException? Fatal => Volatile.Read(ref _fatal);

    /// <summary>0 while nothing fatal happened; <see cref="FatalExitCode"/> after a fatal close.</summary>
    public int ExitCode => Fatal is null ? 0 : FatalExitCode;

    internal void Fail(GatewayFatalException fatal) => Volatile.Write(ref _fatal, fatal);
}

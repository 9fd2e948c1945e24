using AstraBit.SupportBot.Core.Errors;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Cli;

/// <summary>
/// Runs the bot until stopped. Anything wrong with the configuration or the content files stops it at
/// start with a message naming the key or the file, and exit code 2; a fatal Discord close stops it
/// with the gateway's exit code.
/// </summary>
public static class BotRunner
{
    public static async Task<int> RunAsync(string? configFile, CliConsole console, CancellationToken cancellationToken) =>
        await RunAsync(configFile, console, configure: null, cancellationToken);

    /// <param name="configFile">Optional JSON file given with --config.</param>
    /// <param name="console">Where start-up problems are written.</param>
    /// <param name="configure">Lets tests replace services (clock, transports) before the host is built.</param>
    /// <param name="cancellationToken">Stops the bot.</param>
    /// <param name="logWriter">Where logs go instead of the console (tests capture them to search for secrets).</param>
    public static async Task<int> RunAsync(
        string? configFile,
        CliConsole console,
        Action<HostApplicationBuilder>? configure,
        CancellationToken cancellationToken,
        TextWriter? logWriter = null)
    {
        IHost host;
        try
        {
            var builder = SupportBotHost.CreateBuilder(configFile, logWriter);
            builder.Services.AddSupportBot(builder.Configuration);
            configure?.Invoke(builder);
            host = builder.Build();
        }
        catch (ConfigurationFileException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.Usage;
        }

        using (host)
        {
            try
            {
                // Content is data staff edit: a mistake in it must stop the bot now, not when a member first needs it.
                _ = host.Services.GetRequiredService<BybitErrorCatalog>();
                await host.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OptionsValidationException or ErrorCatalogException or InvalidOperationException { InnerException: OptionsValidationException })
            {
                var validation = ex as OptionsValidationException ?? ex.InnerException as OptionsValidationException;
                var lines = validation?.Failures ?? [ex.Message];
                foreach (var line in lines)
                {
                    await console.Error.WriteLineAsync($"Configuration error: {line}");
                }

                return ExitCodes.Usage;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }

            await host.WaitForShutdownAsync(cancellationToken);
            return host.Services.GetRequiredService<GatewayStatus>().ExitCode;
        }
    }
}

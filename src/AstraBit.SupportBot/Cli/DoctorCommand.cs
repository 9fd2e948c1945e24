using System.CommandLine;
using AstraBit.SupportBot.Doctor;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Cli;

/// <summary>
/// `doctor [--json]`: checks the whole set-up against the real services (whatever the base URLs point at).
/// Exit codes (PRODUCT.md §11): 0 all good, 1 something to fix, 2 configuration invalid.
/// </summary>
public static class DoctorCommand
{
    public static Command Create(Option<string?> configOption, CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the checklist as JSON on standard output (logs go to standard error)." };
        var command = new Command("doctor", "Check the configuration, Discord (token, intents, server, channels and permissions, roles, commands), the Bybit hosts, the data file and the content files. Exit codes: 0 all good, 1 something to fix, 2 configuration invalid.")
        {
            json,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(configOption), parse.GetValue(json), console, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string? configFile, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        ServiceProvider services;
        HostApplicationBuilder builder;
        try
        {
            builder = SupportBotHost.CreateBuilder(configFile, console.Error);
            builder.Services.AddSupportBot(builder.Configuration);
            builder.Services.AddSupportDoctor();
            services = builder.Services.BuildServiceProvider();
        }
        catch (ConfigurationFileException ex)
        {
            await console.Error.WriteLineAsync($"Configuration error: {ex.Message}");
            return ExitCodes.Usage;
        }

        // The configuration watches appsettings.json for changes; without a host nothing else releases that watcher (an inotify instance).
        using (builder.Configuration)
        await using (services)
        {
            var problems = ValidateConfiguration(services);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await console.Error.WriteLineAsync($"Configuration error: {problem}");
                }

                return ExitCodes.Usage;
            }

            var report = await services.GetRequiredService<DoctorRunner>().RunAsync(cancellationToken);
            await console.Out.WriteAsync(json ? DoctorPrinter.Json(report) + Environment.NewLine : DoctorPrinter.Format(report));
            return report.ExitCode;
        }
    }

    /// <summary>Every ValidateOnStart failure at once, one line each, as the bot would refuse to start with them.</summary>
    private static List<string> ValidateConfiguration(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
        catch (AggregateException ex)
        {
            return [.. ex.Flatten().InnerExceptions.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message])];
        }
    }
}

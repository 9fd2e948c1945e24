using System.CommandLine;
using AstraBit.SupportBot.Bybit;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Cli;

/// <summary>
/// `diagnose`: the key check from a terminal, same engine as the bot. Key and secret come from
/// BYBIT_API_KEY / BYBIT_API_SECRET or a hidden prompt, never from arguments (shell history, ps).
/// </summary>
public static class DiagnoseCommand
{
    public const string KeyVariable = "BYBIT_API_KEY";
    public const string SecretVariable = "BYBIT_API_SECRET";

    public static Command Create(Option<string?> configOption, CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output (logs and prompts go to standard error)." };
        var host = new Option<string?>("--host") { Description = "Bybit REST base URL to check against, e.g. https://api.bybit.com or a local emulator." };
        var region = new Option<string?>("--region") { Description = "Named Bybit site: mainnet, bytick, nl, tr, kz, ge, ae, eu, id, jp, testnet, demo, ... (see Bybit:Hosts)." };
        var testnet = new Option<bool>("--testnet") { Description = "Check against Bybit testnet (same as --region testnet)." };
        var demo = new Option<bool>("--demo") { Description = "Check against Bybit demo trading (same as --region demo)." };
        var symbols = new Option<string?>("--symbols") { Description = "Comma-separated linear symbols whose position mode is checked, e.g. BTCUSDT,ETHUSDT (default: Diagnostics:Symbols)." };
        var locale = new Option<string>("--locale")
        {
            Description = $"The language of the report's texts: {string.Join(", ", SupportLocales.Shipped)} (default {SupportLocales.Source}). The JSON's fields stay as they are.",
            DefaultValueFactory = _ => SupportLocales.Source,
        };
        locale.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!SupportLocales.Shipped.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--locale: '{value}' is not a language the bot ships; use one of {string.Join(", ", SupportLocales.Shipped)}.");
            }
        });

        var command = new Command("diagnose", "Run the read-only Bybit API key check. Exit codes: 0 pass/warn, 1 fail, 2 usage or input error, 3 could not run.")
        {
            json, host, region, testnet, demo, symbols, locale,
        };

        command.Validators.Add(result =>
        {
            var chosen = new[] { host, region }.Count(o => result.GetValue(o) is not null)
                + new[] { testnet, demo }.Count(o => result.GetValue(o));
            if (chosen > 1)
            {
                result.AddError("Choose at most one of --host, --region, --testnet and --demo.");
            }
        });

        command.SetAction((parse, cancellationToken) => RunAsync(
            new DiagnoseArguments(
                parse.GetValue(configOption),
                parse.GetValue(json),
                parse.GetValue(host),
                parse.GetValue(testnet) ? "testnet" : parse.GetValue(demo) ? "demo" : parse.GetValue(region),
                parse.GetValue(symbols),
                SupportLocales.Resolve(parse.GetValue(locale))),
            console,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(DiagnoseArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? symbols = null;
        if (arguments.Symbols is not null)
        {
            var parsed = SymbolList.Parse(arguments.Symbols);
            if (parsed.Error is not null)
            {
                await console.Error.WriteLineAsync($"--symbols: {parsed.Error}");
                return ExitCodes.Usage;
            }

            symbols = parsed.Symbols;
        }

        ServiceProvider services;
        BybitClientOptions bybitOptions;
        try
        {
            var builder = SupportBotHost.CreateBuilder(arguments.ConfigFile, console.Error);
            builder.Services.AddDiagnosticsServices(builder.Configuration);
            // The report's explanations come from the bot's own texts (config/texts), checked at start as the bot checks them.
            builder.Services.AddSingleton(DiscordContentLimits.Value);
            builder.Services.AddSupportTexts(Path.Combine(ContentOptions.DirectoryOf(builder.Configuration), TextCatalogLoader.FolderName));
            services = builder.Services.BuildServiceProvider();
            bybitOptions = services.GetRequiredService<IOptions<BybitClientOptions>>().Value;
            _ = services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value;
            _ = services.GetRequiredService<IOptions<TextFileOptions>>().Value;
        }
        catch (Exception ex) when (ex is OptionsValidationException or ConfigurationFileException or InvalidOperationException or FormatException)
        {
            await console.Error.WriteLineAsync($"Configuration error: {ex.Message}");
            return ExitCodes.Usage;
        }

        await using (services)
        {
            var hostUri = ResolveHost(arguments, bybitOptions, out var hostError);
            if (hostUri is null)
            {
                await console.Error.WriteLineAsync(hostError);
                return ExitCodes.Usage;
            }

            var rawKey = console.GetEnvironmentVariable(KeyVariable);
            var rawSecret = console.GetEnvironmentVariable(SecretVariable);
            if (string.IsNullOrEmpty(rawKey) || string.IsNullOrEmpty(rawSecret))
            {
                if (console.Prompt is null)
                {
                    await console.Error.WriteLineAsync(
                        $"No API key to check: set {KeyVariable} and {SecretVariable} (or run in a terminal to be asked). They are never taken from arguments.");
                    return ExitCodes.Usage;
                }

                if (string.IsNullOrEmpty(rawKey))
                {
                    rawKey = console.Prompt.ReadHidden("Bybit API key: ");
                }

                if (string.IsNullOrEmpty(rawSecret))
                {
                    rawSecret = console.Prompt.ReadHidden("Bybit API secret (hidden): ");
                }
            }

            var credentials = CredentialInput.Validate(rawKey, rawSecret);
            if (!credentials.IsValid)
            {
                var texts = services.GetRequiredService<TextCatalog>().For(arguments.Locale);
                foreach (var problem in credentials.Problems)
                {
                    await console.Error.WriteLineAsync(CredentialProblemTexts.Describe(problem, texts));
                }

                return ExitCodes.Usage;
            }

            var engine = services.GetRequiredService<DiagnosticEngine>();
            var report = await engine.RunAsync(new DiagnosticRequest(credentials.ApiKey!, credentials.ApiSecret!, hostUri, symbols, arguments.Locale, CheckMoments.Utc), cancellationToken);

            if (arguments.Json)
            {
                await console.Out.WriteLineAsync(DiagnosticReportJson.Serialize(report));
            }
            else
            {
                await console.Out.WriteAsync(ReportPrinter.Format(report, services.GetRequiredService<TextCatalog>().For(arguments.Locale)));
            }

            return report.Verdict switch
            {
                Verdict.Pass or Verdict.Warn => ExitCodes.Ok,
                Verdict.Fail => ExitCodes.Failed,
                _ => ExitCodes.CouldNotRun,
            };
        }
    }

    private static Uri? ResolveHost(DiagnoseArguments arguments, BybitClientOptions options, out string error)
    {
        error = "";
        if (arguments.Host is not null)
        {
            if (Uri.TryCreate(arguments.Host, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return uri;
            }

            error = $"--host: '{arguments.Host}' is not an absolute http:// or https:// URL.";
            return null;
        }

        if (arguments.Region is null)
        {
            return options.BaseUrl;
        }

        if (BybitHosts.TryResolve(options, arguments.Region, out var resolved))
        {
            return resolved;
        }

        error = $"--region: unknown Bybit site '{arguments.Region}'. Known: {string.Join(", ", BybitHosts.KnownNames(options))}.";
        return null;
    }
}

/// <summary>The verb's arguments; Locale is a shipped locale ("es-ES"), the language of the report's texts.</summary>
public sealed record DiagnoseArguments(string? ConfigFile, bool Json, string? Host, string? Region, string? Symbols, string Locale = SupportLocales.Source);

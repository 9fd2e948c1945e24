using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>
/// `discord`: runs the Discord emulator by hand and lets you act as a member from the terminal, typing
/// commands the way you would in Discord (e.g. <c>/bybit-error code:10003</c>); the bot's answers are printed.
/// </summary>
public static class DiscordEmulatorCommand
{
    private const ulong Member = 1_400_000_000_000_000_001;

    public static Command Create()
    {
        var restPort = new Option<int>("--rest-port") { Description = "REST API port on 127.0.0.1.", DefaultValueFactory = _ => 5081 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Gateway port on 127.0.0.1.", DefaultValueFactory = _ => 5082 };
        var command = new Command("discord", "Run the loopback Discord emulator (gateway + REST) and type member actions on standard input.")
        {
            restPort, gatewayPort,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var emulator = await DiscordEmulator.StartAsync(
                new DiscordEmulatorOptions { RestPort = parse.GetValue(restPort), GatewayPort = parse.GetValue(gatewayPort) },
                cancellationToken).ConfigureAwait(false);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"Discord emulator: REST {emulator.ApiBaseUrl}  gateway {emulator.GatewayUrl}");
            Console.WriteLine("Configure the bot with:");
            Console.WriteLine($"export Discord__Token={emulator.Options.Token}");
            Console.WriteLine($"export Discord__ApiBaseUrl={emulator.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}");
            Console.WriteLine($"export Discord__GatewayUrl={emulator.GatewayUrl.AbsoluteUri}");
            Console.WriteLine(string.Create(inv, $"export Discord__GuildId={emulator.Options.GuildId}"));
            Console.WriteLine("export Discord__SupportChannelId=1200000000000000001 Discord__StaffChannelId=1200000000000000002 Discord__LogChannelId=1200000000000000003");
            Console.WriteLine("export Discord__SupportRoleIds__0=1300000000000000001 Discord__ModeratorRoleIds__0=1300000000000000002");
            Console.WriteLine("export Guide__ReferralUrl=https://www.bybit.com/invite?ref=ASTRABIT Guide__SupportEmail=support@astrabit.example");
            Console.WriteLine("Then type a command as a member would, e.g.  /bybit-error code:10003   (Ctrl+D or Ctrl+C to stop)");

            while (!cancellationToken.IsCancellationRequested)
            {
                var line = await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    break;
                }

                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (!TryParseCommand(line, out var name, out var options))
                {
                    Console.WriteLine("Type a slash command: /name option:value ... (e.g. /ticket open, /bybit-error code:10003)");
                    continue;
                }

                var id = await emulator.RunSlashCommandAsync(Member, name, options).ConfigureAwait(false);
                try
                {
                    var callback = await emulator.Rest.WaitForCallbackAsync(id, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                    Console.WriteLine(Describe(callback));
                }
                catch (TimeoutException)
                {
                    Console.WriteLine("(no answer within 5 s: is the bot running with the settings above?)");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>"/ticket close reason:done" → name "ticket", a subcommand "close" with option reason.</summary>
    internal static bool TryParseCommand(string line, out string name, out IReadOnlyList<SlashOption> options)
    {
        name = "";
        options = [];
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('/'))
        {
            return false;
        }

        var firstOption = trimmed.IndexOf(':', StringComparison.Ordinal);
        var head = firstOption < 0 ? trimmed[1..] : trimmed[1..trimmed.LastIndexOf(' ', firstOption)];
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        name = words[0];
        var values = new List<SlashOption>();
        if (firstOption >= 0)
        {
            // Everything after "key:" up to the next " key:" is the value, so free text with spaces works.
            var rest = trimmed[(trimmed.LastIndexOf(' ', firstOption) + 1)..];
            var parts = System.Text.RegularExpressions.Regex.Split(rest, @"\s(?=[a-z_-]+:)");
            foreach (var part in parts)
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                values.Add(SlashOption.String(part[..colon], part[(colon + 1)..]));
            }
        }

        options = words.Length > 1 ? [new SlashOption(words[1], 1, null, values)] : values;
        return true;
    }

    private static string Describe(RecordedCallback callback)
    {
        var flags = (callback.Flags & 64) != 0 ? " (only you can see this)" : "";
        var data = callback.Data;
        var lines = new List<string> { $"[bot{flags}, answered in {callback.SinceCreation.TotalMilliseconds:F0} ms]" };
        if (data?["content"] is JsonNode content)
        {
            lines.Add(content.GetValue<string>());
        }

        foreach (var embed in data?["embeds"]?.AsArray() ?? [])
        {
            lines.Add($"## {embed?["title"]}");
            lines.Add(embed?["description"]?.GetValue<string>() ?? "");
            foreach (var field in embed?["fields"]?.AsArray() ?? [])
            {
                lines.Add($"  {field?["name"]}: {field?["value"]}");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }
}

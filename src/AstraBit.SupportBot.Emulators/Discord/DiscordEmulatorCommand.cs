using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>
/// `discord`: runs the Discord emulator by hand and lets you act as a member from the terminal: type a
/// slash command as in Discord (<c>/connect-bybit</c>, <c>/bybit-error code:10003</c>), then <c>click Next</c>,
/// <c>select region eu</c> or <c>key &lt;api key&gt; &lt;secret&gt;</c> to answer the bot's buttons, selects and
/// key form. Every message the bot posts or edits is printed.
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
            var channels = (Support: emulator.Rest.AddTextChannel("support"), Staff: emulator.Rest.AddTextChannel("staff"), Log: emulator.Rest.AddTextChannel("support-log"));
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"Discord emulator: REST {emulator.ApiBaseUrl}  gateway {emulator.GatewayUrl}");
            Console.WriteLine("Configure the bot with:");
            Console.WriteLine($"export Discord__Token={emulator.Options.Token}");
            Console.WriteLine($"export Discord__ApiBaseUrl={emulator.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}");
            Console.WriteLine($"export Discord__GatewayUrl={emulator.GatewayUrl.AbsoluteUri}");
            Console.WriteLine(string.Create(inv, $"export Discord__GuildId={emulator.Options.GuildId}"));
            Console.WriteLine(string.Create(inv, $"export Discord__SupportChannelId={channels.Support} Discord__StaffChannelId={channels.Staff} Discord__LogChannelId={channels.Log}"));
            Console.WriteLine("export Discord__SupportRoleIds__0=1300000000000000001 Discord__ModeratorRoleIds__0=1300000000000000002");
            Console.WriteLine("export Guide__ReferralUrl=https://www.bybit.com/invite?ref=ASTRABIT Guide__SupportEmail=support@astrabit.example");
            Console.WriteLine("Then act as a member:  /connect-bybit   click Next   select account unified   key <api key> <secret>   /bybit-error code:10003");

            var session = new SandboxSession(emulator, channels.Support);
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

                try
                {
                    await session.RunAsync(line.Trim()).ConfigureAwait(false);
                }
                catch (InvalidOperationException) when (emulator.Gateway.ReadyCount == 0)
                {
                    Console.WriteLine("The bot hasn't connected yet: start it with the settings above, then try again.");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>The member's side of the sandbox: what the bot last showed, and what it last asked for.</summary>
    private sealed class SandboxSession(DiscordEmulator emulator, ulong channelId)
    {
        private readonly Dictionary<ulong, int> _seen = [];
        private readonly DiscordMember _member = new(emulator, Member);
        private EmulatedMessage? _last;
        private ulong? _modal;

        public async Task RunAsync(string line)
        {
            ulong? interaction;
            var words = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            switch (words[0].ToLowerInvariant())
            {
                case "click" when words.Length == 2:
                    interaction = Find(words[1], button: true) is { } button
                        ? await _member.ClickAsync(_last!, button["custom_id"]!.GetValue<string>()).ConfigureAwait(false)
                        : null;
                    break;
                case "select" when words.Length == 2:
                    interaction = await SelectAsync(words[1]).ConfigureAwait(false);
                    break;
                case "key" when words.Length == 2:
                    interaction = await SubmitKeyAsync(words[1]).ConfigureAwait(false);
                    break;
                default:
                    try
                    {
                        interaction = await _member.RunCommandAsync(line, channelId).ConfigureAwait(false);
                    }
                    catch (ArgumentException ex)
                    {
                        Console.WriteLine(ex.Message);
                        Console.WriteLine("Type a slash command (/connect-bybit), click <button label>, select <select> <value>, or key <api key> <secret>.");
                        return;
                    }

                    break;
            }

            if (interaction is { } id)
            {
                await ReportAsync(id).ConfigureAwait(false);
            }
        }

        private async Task<ulong?> SelectAsync(string arguments)
        {
            var parts = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || Find(parts[0], button: false) is not { } select)
            {
                Console.WriteLine("select <select name> <option>, e.g. select account unified");
                return null;
            }

            var option = select["options"]!.AsArray().FirstOrDefault(o =>
                Matches(o!["value"]!.GetValue<string>(), parts[1]) || Matches(o["label"]!.GetValue<string>(), parts[1]));
            if (option is null)
            {
                Console.WriteLine($"No option '{parts[1]}'.");
                return null;
            }

            return await _member.SelectAsync(_last!, select["custom_id"]!.GetValue<string>(), [option["value"]!.GetValue<string>()]).ConfigureAwait(false);
        }

        private async Task<ulong?> SubmitKeyAsync(string arguments)
        {
            var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (_modal is not { } openedBy || parts.Length != 2)
            {
                Console.WriteLine("The bot hasn't asked for a key (or type: key <api key> <secret>).");
                return null;
            }

            _modal = null;
            return await _member.SubmitFormAsync(openedBy, new Dictionary<string, string> { ["api-key"] = parts[0], ["api-secret"] = parts[1] }).ConfigureAwait(false);
        }

        private System.Text.Json.Nodes.JsonObject? Find(string what, bool button)
        {
            var found = DiscordMember.FindComponent(_last, what, button);
            if (found is null)
            {
                Console.WriteLine($"No {(button ? "button" : "select")} '{what}' on the bot's last message.");
            }

            return found;
        }

        private static bool Matches(string? value, string what) =>
            value is not null && value.Contains(what, StringComparison.OrdinalIgnoreCase);

        private async Task ReportAsync(ulong interactionId)
        {
            try
            {
                var callback = await emulator.Rest.WaitForCallbackAsync(interactionId, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                Console.WriteLine($"[bot answered in {callback.SinceCreation.TotalMilliseconds:F0} ms]");
                if (callback.Type == 9 && callback.Accepted)
                {
                    _modal = interactionId;
                    Console.WriteLine($"The bot opens a form \"{callback.Data?["title"]}\": type  key <api key> <secret>");
                }
            }
            catch (TimeoutException)
            {
                Console.WriteLine("(no answer within 5 s: is the bot running with the settings above?)");
                return;
            }

            // Give the bot a moment to finish what it started (a DM, a check), then show what changed.
            var quietSince = DateTime.UtcNow;
            var deadline = DateTime.UtcNow.AddSeconds(8);
            var shown = 0;
            while (DateTime.UtcNow < deadline && DateTime.UtcNow - quietSince < TimeSpan.FromMilliseconds(800))
            {
                var changed = PrintChanges();
                shown += changed;
                if (changed > 0)
                {
                    quietSince = DateTime.UtcNow;
                }

                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        private int PrintChanges()
        {
            var changed = 0;
            foreach (var message in emulator.Rest.Messages)
            {
                if (_seen.TryGetValue(message.Id, out var edits) && edits == message.EditCount)
                {
                    continue;
                }

                var edited = _seen.ContainsKey(message.Id);
                _seen[message.Id] = message.EditCount;
                if (message.Flags is var f && (f & 128) != 0 && message.Embeds.Count == 0 && message.Content.Length == 0)
                {
                    continue; // "thinking…" placeholder
                }

                changed++;
                Print(message, edited);
                if (message.Components.Count > 0)
                {
                    _last = message;
                }
            }

            return changed;
        }

        private static void Print(EmulatedMessage message, bool edited)
        {
            var where = message.InDirectMessage ? "DM" : message.IsEphemeral ? "only you can see this" : $"channel {message.ChannelId}";
            Console.WriteLine($"--- bot message {(edited ? "(edited) " : "")}[{where}]");
            if (message.Content.Length > 0)
            {
                Console.WriteLine(message.Content);
            }

            foreach (var embed in message.Embeds)
            {
                if (embed?["author"]?["name"] is JsonNode author)
                {
                    Console.WriteLine(author.GetValue<string>());
                }

                if (embed?["title"] is JsonNode title)
                {
                    Console.WriteLine($"## {title.GetValue<string>()}");
                }

                if (embed?["description"] is JsonNode description)
                {
                    Console.WriteLine(description.GetValue<string>());
                }

                foreach (var field in embed?["fields"]?.AsArray() ?? [])
                {
                    Console.WriteLine($"  {field?["name"]}: {field?["value"]}");
                }
            }

            foreach (var row in message.Components)
            {
                var parts = (row?["components"]?.AsArray() ?? []).Select(c => c?["type"]?.GetValue<int>() == 2
                    ? $"[{c["label"]}]"
                    : $"<{c?["placeholder"]}: {string.Join(" | ", (c?["options"]?.AsArray() ?? []).Select(o => o?["label"]))}>");
                Console.WriteLine("  " + string.Join(" ", parts));
            }

            foreach (var attachment in message.Attachments)
            {
                Console.WriteLine($"  (file {attachment.FileName}, {attachment.Content.Length} bytes)");
            }
        }
    }
}

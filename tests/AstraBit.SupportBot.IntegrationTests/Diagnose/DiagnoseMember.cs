using System.Text.Json.Nodes;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.IntegrationTests.Diagnose;

/// <summary>A member using /diagnose through the Discord emulator, and what they see of the answer.</summary>
internal static class DiagnoseMember
{
    public const int Ephemeral = 64;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int OpenModal = 9;
    public const string KeyModalId = "key:command";

    public static readonly TimeSpan AcknowledgeDeadline = TimeSpan.FromSeconds(3);

    /// <summary>Submits the /diagnose key modal as the member would; returns the interaction id and the bot's first callback.</summary>
    public static async Task<(ulong Id, RecordedCallback Callback)> SubmitKeyAsync(BotHarness bot, ulong member, string key, string secret)
    {
        var id = await bot.Discord.SubmitModalAsync(member, KeyModalId, new Dictionary<string, string>
        {
            [KeyModal.KeyField] = key,
            [KeyModal.SecretField] = secret,
        });
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);
        return (id, callback);
    }

    /// <summary>The deferred answer once the bot has edited it with the result.</summary>
    public static Task<EmulatedMessage> WaitForResultAsync(BotHarness bot, ulong interactionId, TimeSpan? timeout = null) =>
        bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == interactionId && m.EditCount > 0, timeout ?? BotHarness.Timeout);

    /// <summary>Everything the member reads: content, embeds (title, description, fields, footer) or Components V2 text displays.</summary>
    public static string Text(EmulatedMessage message) => message.Text;

    /// <summary>The message's buttons as (custom id, label), in action rows, containers or beside a section.</summary>
    public static IReadOnlyList<(string CustomId, string Label)> Buttons(EmulatedMessage message) => message.Buttons;

    /// <summary>Every object in a JSON tree, depth first (modal components nest in labels or rows).</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static string Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}

using System.Globalization;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Sandbox;

/// <summary>
/// What the page draws, as one JSON document: the channels, every message with the embeds and components exactly as
/// the bot sent them, who may see each (ephemeral answers, DMs, private threads), the forms the bot opened, the
/// commands it registered, the Bybit accounts, the clock and the content status. Ids are strings (JavaScript numbers
/// can't hold snowflakes).
/// </summary>
internal static class SandboxState
{
    public static JsonObject Build(Sandbox sandbox, IReadOnlySet<ulong> openForms)
    {
        var rest = sandbox.Discord.Rest;
        return new JsonObject
        {
            ["bot"] = sandbox.Bot.Status,
            ["clock"] = new JsonObject
            {
                ["now"] = sandbox.Clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                ["nowMs"] = sandbox.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
                ["advancedMinutes"] = (long)sandbox.Clock.Offset.TotalMinutes,
            },
            ["content"] = new JsonObject
            {
                ["error"] = sandbox.Content.Error,
                ["reloadedAt"] = sandbox.Content.ReloadedAt?.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                ["reloads"] = sandbox.Content.Reloads,
            },
            ["people"] = new JsonArray([.. SandboxPeople.All.Select(p => (JsonNode)new JsonObject
            {
                ["key"] = p.Key,
                ["name"] = p.Name,
                ["userId"] = Id(p.UserId),
                ["userName"] = p.UserName,
                ["locale"] = rest.LocaleOf(p.UserId),
            })]),
            ["languages"] = new JsonArray([.. SandboxPeople.Languages.Select(l => (JsonNode)new JsonObject { ["locale"] = l.Locale, ["name"] = l.Name })]),
            ["roles"] = new JsonArray([.. rest.Roles.Select(r => (JsonNode)new JsonObject { ["id"] = Id(r.Id), ["name"] = r.Name })]),
            ["channels"] = Channels(sandbox),
            ["messages"] = Messages(sandbox),
            ["forms"] = new JsonArray([.. rest.Callbacks.Where(c => openForms.Contains(c.InteractionId)).Select(c => (JsonNode)new JsonObject
            {
                ["interactionId"] = Id(c.InteractionId),
                ["userId"] = rest.FindInteraction(c.InteractionId) is { } i ? Id(i.UserId) : null,
                ["modal"] = c.Data?.DeepClone(),
            })]),
            ["commands"] = rest.GetRegisteredCommands(sandbox.Discord.Options.GuildId),
            ["bybit"] = BybitSwitches.State(sandbox.Bybit),
        };
    }

    private static JsonArray Channels(Sandbox sandbox)
    {
        var rest = sandbox.Discord.Rest;
        var c = sandbox.Channels;
        var list = new JsonArray
        {
            Text(c.General, "#general"),
            Text(c.Support, "support"),
            Text(c.Staff, "staff"),
            Text(c.Log, "support-log"),
        };
        foreach (var channel in rest.Channels.OrderBy(x => x.Id))
        {
            if (channel.IsThread)
            {
                list.Add(new JsonObject
                {
                    ["id"] = Id(channel.Id),
                    ["name"] = channel.Name,
                    ["kind"] = "thread",
                    ["parentId"] = channel.ParentId is { } p ? Id(p) : null,
                    ["private"] = channel.Type == 12,
                    ["members"] = new JsonArray([.. channel.Members.Select(m => (JsonNode)Id(m))]),
                    ["archived"] = channel.Archived,
                    ["locked"] = channel.Locked,
                });
            }
            else if (channel.Type == 1 && channel.RecipientId is { } recipient)
            {
                list.Add(new JsonObject { ["id"] = Id(channel.Id), ["name"] = "Direct messages", ["kind"] = "dm", ["recipientId"] = Id(recipient) });
            }
        }

        // Who sees each channel and who may write there, as the emulator's roles and overwrites decide (the page
        // hides what a person can't see and turns their message box off where Discord would).
        foreach (var channel in list.OfType<JsonObject>())
        {
            var id = ulong.Parse(channel["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            channel["viewers"] = new JsonArray([.. SandboxPeople.All.Where(p => rest.CanView(p.UserId, id)).Select(p => (JsonNode)Id(p.UserId))]);
            channel["posters"] = new JsonArray([.. SandboxPeople.All.Where(p => rest.WhyCannotPost(p.UserId, id) is null).Select(p => (JsonNode)Id(p.UserId))]);
        }

        return list;
    }

    private static JsonObject Text(ulong id, string name) => new() { ["id"] = Id(id), ["name"] = name, ["kind"] = "text" };

    private static JsonArray Messages(Sandbox sandbox)
    {
        var rest = sandbox.Discord.Rest;
        var messages = rest.Messages.OrderBy(m => m.Id).ToList();
        // The first message of an interaction is its reply (later ones are follow-ups); a deferred reply's first
        // content completes it, which Discord doesn't show as an edit.
        var replies = messages.Where(m => m.InteractionId is not null).GroupBy(m => m.InteractionId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
        var deferred = rest.Callbacks.Where(c => c.Type == 5 && c.Accepted).Select(c => c.InteractionId).ToHashSet();
        return new JsonArray([.. messages.Select(m =>
        {
            var isReply = m.InteractionId is { } i && replies[i] == m.Id;
            var json = Message(rest, m, sandbox.SentAt(m), edited: m.EditCount > (isReply && deferred.Contains(m.InteractionId!.Value) ? 1 : 0));
            if (isReply && sandbox.CommandOf(m.InteractionId!.Value) is { } used)
            {
                json["usedCommand"] = new JsonObject { ["user"] = used.User, ["name"] = used.Command };
            }

            return (JsonNode)json;
        })]);
    }

    private static JsonObject Message(DiscordRestEmulator rest, EmulatedMessage m, DateTimeOffset sentAt, bool edited)
    {
        var owner = m.InteractionId is { } interaction && m.IsEphemeral ? rest.FindInteraction(interaction)?.UserId : null;
        return new JsonObject
        {
            ["id"] = Id(m.Id),
            ["channelId"] = Id(m.ChannelId),
            ["author"] = new JsonObject { ["id"] = Id(m.AuthorId), ["name"] = rest.UserName(m.AuthorId), ["bot"] = m.AuthorId == rest.BotUserId },
            ["timestamp"] = sentAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["content"] = m.Content,
            ["embeds"] = m.Embeds.DeepClone(),
            ["components"] = m.Components.DeepClone(),
            ["flags"] = m.Flags,
            ["ephemeralFor"] = owner is { } o ? Id(o) : null,
            ["edited"] = edited,
            ["attachments"] = new JsonArray([.. m.Attachments.Select((a, i) => (JsonNode)new JsonObject
            {
                ["name"] = a.FileName,
                ["size"] = a.Content.Length,
                ["url"] = $"/files/{Id(m.Id)}/{i.ToString(CultureInfo.InvariantCulture)}",
            })]),
        };
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Discord;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Permissions;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Doctor;

/// <summary>
/// The Discord half of `doctor`, also run by the bot once after READY: the token, the privileged intents,
/// the guild, each configured channel (type and the bot's effective permissions there), the roles, and the
/// commands. Read-only: every call is a GET.
/// </summary>
public sealed class DiscordSetupCheck(DiscordRestClient rest, IOptions<DiscordClientOptions> client, IOptions<SupportDiscordOptions> support)
{
    /// <summary>What the bot does in the support channel: tickets are private threads there.</summary>
    public const DiscordPermissions SupportChannelNeeds = DiscordPermissions.ViewChannel | DiscordPermissions.CreatePrivateThreads
        | DiscordPermissions.ManageThreads | DiscordPermissions.SendMessagesInThreads | DiscordPermissions.EmbedLinks
        | DiscordPermissions.AttachFiles | DiscordPermissions.ReadMessageHistory;

    /// <summary>What the bot does in the staff and log channels: post notices, summaries and transcript files.</summary>
    public const DiscordPermissions PostingChannelNeeds = DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages
        | DiscordPermissions.EmbedLinks | DiscordPermissions.AttachFiles;

    /// <summary>Everything the bot needs, for the invite link (the permissions integer in docs/operations.md).</summary>
    public const DiscordPermissions InvitePermissions = SupportChannelNeeds | PostingChannelNeeds;

    private const int GuildMembersIntent = 1 << 1;
    private const int PresencesIntent = 1 << 8;
    private const int MessageContentIntent = 1 << 15;

    /// <param name="includeCommands">Compare the registered commands too (the running bot registers them itself).</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(bool includeCommands, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        var options = support.Value;

        DiscordUser bot;
        try
        {
            bot = await rest.GetCurrentUserAsync(cancellationToken);
            checks.Add(DoctorCheck.Pass("discord-token", "Bot token accepted", $"Signed in as {bot.Username} ({Id(bot.Id)})."));
        }
        catch (DiscordRestException ex) when (ex.HttpStatus == System.Net.HttpStatusCode.Unauthorized)
        {
            checks.Add(DoctorCheck.Fail("discord-token", "Bot token accepted", "Discord refused the token (401): it was reset, mistyped, or belongs to another application.",
                "Developer Portal → your application → Bot → Reset Token, and set Discord__Token to the new token."));
            return checks;
        }
        catch (DiscordRestException ex)
        {
            checks.Add(DoctorCheck.Fail("discord-token", "Bot token accepted", $"Discord's API at {client.Value.ApiBaseUrl} could not be asked: {ex.DiscordMessage}",
                "Check this machine's network access to Discord, or Discord:ApiBaseUrl if you use a proxy."));
            return checks;
        }

        var application = await rest.GetCurrentApplicationAsync(cancellationToken);
        checks.Add(CheckIntents(application));

        DiscordGuild guild;
        IReadOnlyList<DiscordRole> roles;
        IReadOnlyList<DiscordChannel> channels;
        GuildMember botMember;
        try
        {
            guild = await rest.GetGuildAsync(options.GuildId, cancellationToken);
            roles = await rest.GetGuildRolesAsync(options.GuildId, cancellationToken);
            channels = await rest.GetGuildChannelsAsync(options.GuildId, cancellationToken);
            botMember = await rest.GetGuildMemberAsync(options.GuildId, bot.Id, cancellationToken);
        }
        catch (DiscordRestException ex) when (ex.Code is 10004 or 50001 or 10007)
        {
            checks.Add(DoctorCheck.Fail("discord-guild", "Bot is in the server", $"The bot is not a member of server {Id(options.GuildId)} (Discord:GuildId): {ex.DiscordMessage}.",
                $"Invite it with {InviteUrl(application.Id)} — or correct Discord:GuildId (right-click the server icon → Copy Server ID)."));
            return checks;
        }

        checks.Add(DoctorCheck.Pass("discord-guild", "Bot is in the server", $"{guild.Name} ({Id(guild.Id)})."));
        var view = new GuildView(guild, roles, channels, bot.Id, botMember.Roles);
        var botRoleNames = string.Join(", ", botMember.Roles.Select(r => roles.FirstOrDefault(x => x.Id == r)?.Name).OfType<string>().DefaultIfEmpty("@everyone"));

        var supportCheck = await CheckChannelAsync(view, "support", "Discord:SupportChannelId", options.SupportChannelId, [ChannelType.GuildText], SupportChannelNeeds, botRoleNames, cancellationToken);
        checks.Add(supportCheck);
        checks.Add(await CheckChannelAsync(view, "staff", "Discord:StaffChannelId", options.StaffChannelId, [ChannelType.GuildText, ChannelType.GuildAnnouncement], PostingChannelNeeds, botRoleNames, cancellationToken));
        checks.Add(await CheckChannelAsync(view, "log", "Discord:LogChannelId", options.LogChannelId, [ChannelType.GuildText, ChannelType.GuildAnnouncement], PostingChannelNeeds, botRoleNames, cancellationToken));
        checks.Add(CheckRoles(view, options));
        if (options.SupportRoleIds.Any(id => roles.Any(r => r.Id == id)) && view.Channel(options.SupportChannelId) is { } supportChannel)
        {
            checks.Add(CheckSupportRoleAccess(view, options, supportChannel));
        }

        if (includeCommands)
        {
            checks.Add(await CheckCommandsAsync(application.Id, options.GuildId, cancellationToken));
        }

        return checks;
    }

    private DoctorCheck CheckIntents(DiscordApplication application)
    {
        const string title = "Privileged intents turned on";
        var intents = client.Value.Intents;
        var off = new List<string>();
        if ((intents & GuildMembersIntent) != 0 && (application.Flags & (ApplicationFlags.GatewayGuildMembers | ApplicationFlags.GatewayGuildMembersLimited)) == 0)
        {
            off.Add("Server Members Intent");
        }

        if ((intents & MessageContentIntent) != 0 && (application.Flags & (ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited)) == 0)
        {
            off.Add("Message Content Intent");
        }

        if ((intents & PresencesIntent) != 0 && (application.Flags & (ApplicationFlags.GatewayPresence | ApplicationFlags.GatewayPresenceLimited)) == 0)
        {
            off.Add("Presence Intent");
        }

        return off.Count == 0
            ? DoctorCheck.Pass("discord-intents", title, "Every privileged intent the bot identifies with is on.")
            : DoctorCheck.Fail("discord-intents", title, $"{Join(off)} {(off.Count == 1 ? "is" : "are")} off: Discord would close the gateway with 4014 and the bot would stop.",
                $"Developer Portal → your application → Bot → Privileged Gateway Intents: turn on {Join(off)}, then Save Changes.");
    }

    private async Task<DoctorCheck> CheckChannelAsync(GuildView view, string name, string key, ulong channelId, ChannelType[] types, DiscordPermissions needs, string botRoleNames, CancellationToken cancellationToken)
    {
        var id = "discord-channel-" + name;
        var title = $"{char.ToUpperInvariant(name[0])}{name[1..]} channel";
        if (view.Channel(channelId) is not { } channel)
        {
            var why = await WhyMissingAsync(channelId, cancellationToken);
            return DoctorCheck.Fail(id, title, $"{key} {Id(channelId)} is not a channel of this server: {why}.",
                $"Set {key} to a channel of server {Id(view.Guild.Id)} (right-click the channel → Copy Channel ID).");
        }

        var label = "#" + channel.Name;
        if (!types.Contains(channel.Type))
        {
            var wanted = name == "support" ? "a text channel (private threads exist only in text channels)" : "a text or announcement channel";
            return DoctorCheck.Fail(id, title, $"{label} is a {Describe(channel.Type)} channel; {key} must be {wanted}.",
                $"Set {key} to {wanted[2..]}, or create one.");
        }

        var has = PermissionCalculator.Compute(view.Guild.Id, view.Guild.OwnerId, view.BotId, view.BotRoles, view.Roles, channel.PermissionOverwrites);
        var missing = needs & ~has;
        if (missing == DiscordPermissions.None)
        {
            return DoctorCheck.Pass(id, title, $"{label}: the bot has {Join(DiscordPermissionNames.Describe(needs))}.");
        }

        var names = Join(DiscordPermissionNames.Describe(missing));
        var detail = (missing & DiscordPermissions.ViewChannel) != 0
            ? $"The bot can't see {label} (View Channel), so it has none of the permissions it needs there: {names}."
            : $"In {label} the bot lacks {names}.";
        return DoctorCheck.Fail(id, title, detail,
            $"Server Settings → Roles → {botRoleNames}, or {label} → Edit Channel → Permissions: allow {names} for the bot's role (a channel overwrite that denies them wins over the role).");
    }

    private async Task<string> WhyMissingAsync(ulong channelId, CancellationToken cancellationToken)
    {
        try
        {
            var channel = await rest.GetChannelAsync(channelId, cancellationToken);
            return channel.GuildId is { } other ? $"it belongs to another server ({Id(other)})" : "it is not a server channel";
        }
        catch (DiscordRestException ex) when (ex.Code == 50001)
        {
            return "it belongs to a server the bot is not in";
        }
        catch (DiscordRestException ex) when (ex.Code == 10003)
        {
            return "no channel has this id (deleted, or a message or user id was copied)";
        }
    }

    private static DoctorCheck CheckRoles(GuildView view, SupportDiscordOptions options)
    {
        var missing = options.SupportRoleIds.Select(r => (Key: "Discord:SupportRoleIds", Id: r))
            .Concat(options.ModeratorRoleIds.Select(r => (Key: "Discord:ModeratorRoleIds", Id: r)))
            .Where(r => view.Roles.All(x => x.Id != r.Id))
            .ToList();
        if (missing.Count == 0)
        {
            var names = options.SupportRoleIds.Concat(options.ModeratorRoleIds).Select(r => "@" + view.Roles.First(x => x.Id == r).Name);
            return DoctorCheck.Pass("discord-roles", "Configured roles exist", Join([.. names]) + ".");
        }

        return DoctorCheck.Fail("discord-roles", "Configured roles exist",
            $"No role with id {Join([.. missing.Select(m => $"{Id(m.Id)} ({m.Key})")])} in this server (deleted, or an id from another server).",
            "Server Settings → Roles → right-click the role → Copy Role ID, and put it in " + Join([.. missing.Select(m => m.Key).Distinct()]) + ".");
    }

    private static DoctorCheck CheckSupportRoleAccess(GuildView view, SupportDiscordOptions options, DiscordChannel supportChannel)
    {
        const string title = "Support staff can see the support channel";
        var blind = new List<string>();
        foreach (var role in options.SupportRoleIds.Select(id => view.Roles.FirstOrDefault(r => r.Id == id)).OfType<DiscordRole>())
        {
            // A member who holds only this role (and @everyone); member id 0 is nobody's, so no owner or member overwrite applies.
            var has = PermissionCalculator.Compute(view.Guild.Id, view.Guild.OwnerId, 0, [role.Id], view.Roles, supportChannel.PermissionOverwrites);
            if ((has & DiscordPermissions.ViewChannel) == 0)
            {
                blind.Add("@" + role.Name);
            }
        }

        return blind.Count == 0
            ? DoctorCheck.Pass("discord-support-role-access", title, $"#{supportChannel.Name} is visible to the support role.")
            : DoctorCheck.Fail("discord-support-role-access", title, $"{Join(blind)} can't see #{supportChannel.Name}, so staff can't open the ticket threads in it.",
                $"#{supportChannel.Name} → Edit Channel → Permissions → add {Join(blind)} and allow View Channel.");
    }

    private async Task<DoctorCheck> CheckCommandsAsync(ulong applicationId, ulong guildId, CancellationToken cancellationToken)
    {
        const string title = "Commands registered";
        var registered = await rest.GetGuildCommandsAsync(applicationId, guildId, cancellationToken);
        var wanted = SupportCommands.Names.ToHashSet();
        var have = registered.Select(c => (c.Name, c.Type)).ToHashSet();
        if (have.Count == 0)
        {
            return DoctorCheck.Pass("discord-commands", title, $"None yet: the bot registers its {wanted.Count} commands in this server when it first starts.");
        }

        if (have.SetEquals(wanted))
        {
            return DoctorCheck.Pass("discord-commands", title, $"All {wanted.Count} commands are registered in this server.");
        }

        var missing = wanted.Except(have).Select(c => c.Name).ToList();
        var extra = have.Except(wanted).Select(c => c.Name).ToList();
        var detail = (missing.Count > 0 ? $"Missing: {Join(missing)}. " : "") + (extra.Count > 0 ? $"Not the bot's: {Join(extra)}." : "");
        return DoctorCheck.Warn("discord-commands", title, detail.TrimEnd(),
            "Start the bot (or restart it): on READY it replaces this server's commands with its own.");
    }

    private static string InviteUrl(ulong applicationId) =>
        $"https://discord.com/oauth2/authorize?client_id={Id(applicationId)}&scope=bot+applications.commands&permissions={((ulong)InvitePermissions).ToString(CultureInfo.InvariantCulture)}";

    private static string Describe(ChannelType type) => type switch
    {
        ChannelType.GuildVoice => "voice",
        ChannelType.GuildCategory => "category",
        ChannelType.GuildAnnouncement => "announcement",
        ChannelType.GuildForum => "forum",
        ChannelType.GuildText => "text",
        _ => "type " + ((int)type).ToString(CultureInfo.InvariantCulture),
    };

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record GuildView(DiscordGuild Guild, IReadOnlyList<DiscordRole> Roles, IReadOnlyList<DiscordChannel> Channels, ulong BotId, IReadOnlyList<ulong> BotRoles)
    {
        public DiscordChannel? Channel(ulong id) => Channels.FirstOrDefault(c => c.Id == id);
    }
}

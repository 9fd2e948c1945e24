using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot;

/// <summary>What a member may do, from the configured role ids.</summary>
public sealed record SupportRights(bool IsStaff, bool IsModerator)
{
    /// <summary>Moderator tools (asking a member to run the check) are for moderators and staff.</summary>
    public bool CanModerate => IsStaff || IsModerator;
}

/// <summary>
/// Decides who is support staff or moderator from Discord:SupportRoleIds / Discord:ModeratorRoleIds, on
/// every use: Discord's command permissions only hide commands and guild admins can change them. In the
/// guild the interaction carries the member's roles; in a DM (a button on a DM message) they are read
/// from the guild.
/// </summary>
public sealed class SupportRoles(DiscordRestClient rest, IOptions<SupportDiscordOptions> options)
{
    public async Task<SupportRights> OfAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var roles = interaction.Member is { } member && interaction.GuildId == options.Value.GuildId
            ? member.Roles
            : await RolesFromGuildAsync(interaction.User.Id, cancellationToken);
        return Rights(roles);
    }

    public async Task<SupportRights> OfUserAsync(ulong userId, CancellationToken cancellationToken) =>
        Rights(await RolesFromGuildAsync(userId, cancellationToken));

    /// <summary>The refusal a member sees, in their language, when a support-staff action (<see cref="TextIds.StaffAction"/>) isn't theirs to take.</summary>
    public static MessagePayload Refusal(LocaleTexts reader, string actionId)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return MessagePayload.Text(reader.Get(TextIds.TicketReply.StaffOnly, ("action", reader.Get(actionId))), ephemeral: true);
    }

    /// <summary>The refusal for a moderator tool (<see cref="SupportRights.CanModerate"/>): moderators may use it as well as staff, and it says so.</summary>
    public static MessagePayload ModeratorRefusal(LocaleTexts reader, string actionId)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return MessagePayload.Text(reader.Get(TextIds.Moderation.Refused, ("action", reader.Get(actionId))), ephemeral: true);
    }

    private SupportRights Rights(IReadOnlyList<ulong> roles) => new(
        roles.Any(options.Value.SupportRoleIds.Contains),
        roles.Any(options.Value.ModeratorRoleIds.Contains));

    private async Task<IReadOnlyList<ulong>> RolesFromGuildAsync(ulong userId, CancellationToken cancellationToken)
    {
        try
        {
            return (await rest.GetGuildMemberAsync(options.Value.GuildId, userId, cancellationToken)).Roles;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.UnknownMember)
        {
            // Not (or no longer) in the server: no rights.
            return [];
        }
    }
}

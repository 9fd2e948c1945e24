using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Permissions;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>The read-only calls `doctor` makes, at the wire against the emulator.</summary>
public sealed class SetupReadTests
{
    [Fact]
    public async Task GetCurrentApplication_ReadsPrivilegedIntentFlags()
    {
        await using var h = await RestHarness.StartAsync();
        h.Emulator.SetApplicationFlags(1 << 14);

        var app = await h.Client.GetCurrentApplicationAsync();

        Assert.Equal(h.Emulator.ApplicationId, app.Id);
        Assert.Equal(ApplicationFlags.GatewayGuildMembers, app.Flags);
        Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.GetCurrentApplication));
    }

    [Fact]
    public async Task GetGuildChannels_CarriesOverwritesAsPermissionBits()
    {
        await using var h = await RestHarness.StartAsync();
        var staff = h.Emulator.AddTextChannel("staff");
        h.Emulator.SetOverwrite(staff, h.Emulator.BotRoleId, 0, allow: 1UL << 14, deny: 1UL << 15);

        var channels = await h.Client.GetGuildChannelsAsync(h.Emulator.GuildId);
        var roles = await h.Client.GetGuildRolesAsync(h.Emulator.GuildId);

        var overwrite = Assert.Single(channels.Single(c => c.Id == staff).PermissionOverwrites);
        Assert.Equal(new PermissionOverwrite(h.Emulator.BotRoleId, OverwriteType.Role, DiscordPermissions.EmbedLinks, DiscordPermissions.AttachFiles), overwrite);
        Assert.Contains(roles, r => r.Id == h.Emulator.GuildId && r.Name == "@everyone");
        Assert.Equal((DiscordPermissions)DiscordRestEmulator.DefaultBotPermissions, roles.Single(r => r.Id == h.Emulator.BotRoleId).Permissions);
    }

    [Fact]
    public async Task GetGuild_BotRemoved_IsMissingAccess()
    {
        await using var h = await RestHarness.StartAsync();
        h.Emulator.RemoveMember(h.Emulator.BotUserId);

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetGuildAsync(h.Emulator.GuildId));

        Assert.Equal(DiscordErrorCodes.MissingAccess, ex.Code);
    }

    [Fact]
    public async Task GetChannel_OfAnotherGuild_IsMissingAccess_AndUnknownIdIsUnknownChannel()
    {
        await using var h = await RestHarness.StartAsync();
        var elsewhere = h.Emulator.AddChannel("elsewhere", 0, guildId: 7);

        var foreign = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetChannelAsync(elsewhere));
        var unknown = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetChannelAsync(12345));

        Assert.Equal(DiscordErrorCodes.MissingAccess, foreign.Code);
        Assert.Equal(DiscordErrorCodes.UnknownChannel, unknown.Code);
    }

    [Fact]
    public async Task GetCurrentUser_WrongToken_Is401()
    {
        await using var h = await RestHarness.StartAsync(token: "not-the-token");

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetCurrentUserAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.HttpStatus);
    }
}

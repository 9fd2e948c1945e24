using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Permissions;
using P = AstraBit.SupportBot.Discord.Permissions.DiscordPermissions;

namespace AstraBit.SupportBot.Discord.Tests.Permissions;

/// <summary>The order Discord documents: @everyone + roles, Administrator, then overwrites @everyone → roles → member.</summary>
public sealed class PermissionCalculatorTests
{
    private const ulong Guild = 100;
    private const ulong Owner = 1;
    private const ulong Bot = 2;
    private const ulong BotRole = 200;
    private const ulong StaffRole = 201;

    private static readonly P Everyone = P.ViewChannel | P.SendMessages | P.ReadMessageHistory;
    private static readonly P Needs = P.ViewChannel | P.SendMessages | P.EmbedLinks | P.AttachFiles;

    private static List<DiscordRole> Roles(P botRole = P.EmbedLinks | P.AttachFiles, P staffRole = P.None) =>
    [
        new(Guild, "@everyone", Everyone, 0, false),
        new(BotRole, "SupportBot", botRole, 1, true),
        new(StaffRole, "Staff", staffRole, 2, false),
    ];

    [Fact]
    public void Compute_NoOverwrites_IsEveryoneOrRoles()
    {
        var p = PermissionCalculator.Compute(Guild, Owner, Bot, [BotRole], Roles(), []);

        Assert.Equal(Everyone | P.EmbedLinks | P.AttachFiles, p);
    }

    [Fact]
    public void Compute_RoleTheMemberDoesNotHave_DoesNotCount()
    {
        var p = PermissionCalculator.Compute(Guild, Owner, Bot, [BotRole], Roles(staffRole: P.ManageThreads), []);

        Assert.Equal(P.None, p & P.ManageThreads);
    }

    [Fact]
    public void Compute_Owner_HasEverything()
    {
        var p = PermissionCalculator.Compute(Guild, Owner, Owner, [], Roles(), [new(Guild, OverwriteType.Role, P.None, P.ViewChannel)]);

        Assert.Equal(P.All, p);
    }

    [Fact]
    public void Compute_Administrator_IgnoresOverwrites()
    {
        var p = PermissionCalculator.Compute(Guild, Owner, Bot, [BotRole], Roles(botRole: P.Administrator), [new(Bot, OverwriteType.Member, P.None, P.ViewChannel | P.SendMessages)]);

        Assert.Equal(P.All, p);
    }

    [Fact]
    public void Compute_EveryoneOverwriteDenies_RoleOverwriteAllowsBack()
    {
        var overwrites = new List<PermissionOverwrite>
        {
            new(Guild, OverwriteType.Role, P.None, P.SendMessages),
            new(BotRole, OverwriteType.Role, P.SendMessages, P.None),
        };

        var p = PermissionCalculator.Compute(Guild, Owner, Bot, [BotRole], Roles(), overwrites);

        Assert.Equal(Needs, p & Needs);
    }

    [Fact]
    public void Compute_RoleAllowBeatsAnotherRolesDeny()
    {
        // Role overwrites are merged first: any allow among the member's roles wins over a deny in another.
        var overwrites = new List<PermissionOverwrite>
        {
            new(StaffRole, OverwriteType.Role, P.None, P.AttachFiles),
            new(BotRole, OverwriteType.Role, P.AttachFiles, P.None),
        };

        var p = PermissionCalculator.Compute(Guild, Owner, Bot, [BotRole, StaffRole], Roles(), overwrites);

        Assert.True(p.HasFlag(P.AttachFiles));
    }

    [Fact]
    public void Compute_MemberOverwrite_WinsOverRoles()
    {
        var overwrites = new List<PermissionOverwrite>
        {
            new(BotRole, OverwriteType.Role, P.AttachFiles, P.None),
            new(Bot, OverwriteType.Member, P.None, P.AttachFiles),
        };

        var p = PermissionCalculator.Compute(Guild, Owner, Bot, [BotRole], Roles(), overwrites);

        Assert.False(p.HasFlag(P.AttachFiles));
        Assert.True(p.HasFlag(P.EmbedLinks));
    }

    [Fact]
    public void Compute_WithoutViewChannel_HasNothingInTheChannel()
    {
        var p = PermissionCalculator.Compute(Guild, Owner, Bot, [BotRole], Roles(), [new(Guild, OverwriteType.Role, P.None, P.ViewChannel)]);

        Assert.Equal(P.None, p);
    }

    [Fact]
    public void Compute_EveryoneOverwriteAppliesBeforeMemberRoles_ForRoleOverwriteWithSameIdAsMember()
    {
        // A member overwrite with the id of a role is not a role overwrite: the type decides.
        var overwrites = new List<PermissionOverwrite> { new(BotRole, OverwriteType.Member, P.None, P.EmbedLinks) };

        var p = PermissionCalculator.Compute(Guild, Owner, Bot, [BotRole], Roles(), overwrites);

        Assert.True(p.HasFlag(P.EmbedLinks));
    }

    [Fact]
    public void Base_AdministratorRole_IsEverything()
    {
        Assert.Equal(P.All, PermissionCalculator.Base(Guild, Owner, Bot, [StaffRole], Roles(staffRole: P.Administrator)));
    }

    [Fact]
    public void Describe_NamesEachBitAsTheClientDoes()
    {
        var names = DiscordPermissionNames.Describe(P.ManageThreads | P.ViewChannel | (P)(1UL << 60));

        Assert.Equal(["View Channel", "Manage Threads", "permission bit 60"], names);
    }
}

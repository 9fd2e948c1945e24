using System.Net.Http.Headers;
using System.Text;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Storage;
using LiteDB;

namespace AstraBit.SupportBot.Tests.Doctor;

/// <summary>`doctor` against the emulators: everything right, then each set-up mistake on its own, named with its fix.</summary>
public sealed class DoctorCommandTests
{
    private const ulong ManageThreads = 1UL << 34;
    private const ulong AttachFiles = 1UL << 15;
    private const ulong ViewChannel = 1UL << 10;

    [Fact]
    public async Task Doctor_EverythingRight_ExitsZeroWithEveryCheckPassing()
    {
        await using var h = await DoctorHarness.StartAsync();

        var run = await h.RunAsync();

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.DoesNotContain("\n  ✗ ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  ! ", run.Output, StringComparison.Ordinal);
        foreach (var id in new[] { "discord-token", "discord-intents", "discord-guild", "discord-channel-support", "discord-channel-staff", "discord-channel-log", "discord-roles", "discord-support-role-access", "discord-commands", "bybit-host-bybit.com", "bybit-host-eu", "data-file", "content-guide", "content-bybit-errors" })
        {
            Assert.Contains("✓ " + id, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("checks pass", run.Output, StringComparison.Ordinal);
        Assert.Contains("the bot registers its", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_Json_PrintsEveryCheckWithItsStatus()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Discord.SetRolePermissions(h.Discord.BotRoleId, Emulators.Discord.DiscordRestEmulator.DefaultBotPermissions & ~ManageThreads);

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        Assert.Equal("fail", checks["discord-channel-support"].Status);
        Assert.Equal("pass", checks["discord-channel-staff"].Status);
        Assert.Equal("pass", checks["discord-token"].Status);
    }

    [Fact]
    public async Task Doctor_TokenRefused_NamesResetToken()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Settings["Discord:Token"] = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GzEmu1.some-other-token-entirely";

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        AssertFails(checks, "discord-token", "refused", "Reset Token");
    }

    [Fact]
    public async Task Doctor_ServerMembersIntentOff_NamesThePortalSwitch()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Discord.SetApplicationFlags(1 << 19);

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        AssertFails(checks, "discord-intents", "Server Members Intent", "Privileged Gateway Intents");
        Assert.Equal("pass", checks["discord-channel-support"].Status);
    }

    [Fact]
    public async Task Doctor_BotNotInServer_GivesTheInviteLink()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Discord.RemoveMember(h.Discord.BotUserId);

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        AssertFails(checks, "discord-guild", "not a member", "oauth2/authorize?client_id=" + DoctorHarness.Id(h.Discord.ApplicationId));
        Assert.Contains("permissions=360777370624", checks["discord-guild"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_BotRoleLacksManageThreads_NamesItForTheSupportChannel()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Discord.SetRolePermissions(h.Discord.BotRoleId, Emulators.Discord.DiscordRestEmulator.DefaultBotPermissions & ~ManageThreads);

        var (_, checks) = await h.RunJsonAsync();

        AssertFails(checks, "discord-channel-support", "lacks Manage Threads", "allow Manage Threads");
        Assert.DoesNotContain("Embed Links", checks["discord-channel-support"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_ChannelOverwriteDeniesAttachFiles_NamesItForTheStaffChannel()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Discord.SetOverwrite(h.StaffChannelId, h.Discord.BotRoleId, 0, 0, AttachFiles);

        var (_, checks) = await h.RunJsonAsync();

        AssertFails(checks, "discord-channel-staff", "lacks Attach Files", "#staff");
        Assert.Equal("pass", checks["discord-channel-log"].Status);
    }

    [Fact]
    public async Task Doctor_MemberOverwriteHidesLogChannel_SaysTheBotCantSeeIt()
    {
        await using var h = await DoctorHarness.StartAsync();
        // Allowed through @everyone, taken away from the bot itself: the member overwrite is applied last.
        h.Discord.SetOverwrite(h.LogChannelId, h.Discord.EveryoneRoleId, 0, ViewChannel, 0);
        h.Discord.SetOverwrite(h.LogChannelId, h.Discord.BotUserId, 1, 0, ViewChannel);

        var (_, checks) = await h.RunJsonAsync();

        AssertFails(checks, "discord-channel-log", "can't see #support-log (View Channel)", "View Channel");
    }

    [Fact]
    public async Task Doctor_ChannelFromAnotherServer_SaysSo()
    {
        await using var h = await DoctorHarness.StartAsync();
        var elsewhere = h.Discord.AddChannel("elsewhere", 0, guildId: 42);
        h.Settings["Discord:LogChannelId"] = DoctorHarness.Id(elsewhere);

        var (_, checks) = await h.RunJsonAsync();

        AssertFails(checks, "discord-channel-log", "server the bot is not in", "Discord:LogChannelId");
    }

    [Fact]
    public async Task Doctor_DeletedChannel_SaysNoChannelHasTheId()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Discord.DeleteChannel(h.StaffChannelId);

        var (_, checks) = await h.RunJsonAsync();

        AssertFails(checks, "discord-channel-staff", "no channel has this id", "Discord:StaffChannelId");
    }

    [Fact]
    public async Task Doctor_SupportChannelIsVoice_AsksForATextChannel()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Settings["Discord:SupportChannelId"] = DoctorHarness.Id(h.Discord.AddChannel("Lounge", 2));

        var (_, checks) = await h.RunJsonAsync();

        AssertFails(checks, "discord-channel-support", "is a voice channel", "text channel");
    }

    [Fact]
    public async Task Doctor_ModeratorRoleDeleted_NamesTheKey()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Discord.DeleteRole(h.ModeratorRoleId);

        var (_, checks) = await h.RunJsonAsync();

        AssertFails(checks, "discord-roles", DoctorHarness.Id(h.ModeratorRoleId) + " (Discord:ModeratorRoleIds)", "Copy Role ID");
    }

    [Fact]
    public async Task Doctor_SupportRoleCantSeeSupportChannel_SaysStaffCantOpenTickets()
    {
        await using var h = await DoctorHarness.StartAsync();
        // A private support channel the bot may see but the support role was never added to.
        h.Discord.SetOverwrite(h.SupportChannelId, h.Discord.EveryoneRoleId, 0, 0, ViewChannel);
        h.Discord.SetOverwrite(h.SupportChannelId, h.Discord.BotRoleId, 0, ViewChannel, 0);

        var (_, checks) = await h.RunJsonAsync();

        Assert.Equal("pass", checks["discord-channel-support"].Status);
        AssertFails(checks, "discord-support-role-access", "@Support can't see #support", "allow View Channel");
    }

    [Fact]
    public async Task Doctor_ForeignCommandsRegistered_WarnsTheBotReplacesThem()
    {
        await using var h = await DoctorHarness.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{h.Discord.ApiBaseUrl}/applications/{DoctorHarness.Id(h.Discord.ApplicationId)}/guilds/{DoctorHarness.Id(h.Discord.GuildId)}/commands")
        {
            Content = new StringContent("""[{"name":"old-command","description":"left over","type":1}]""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", DoctorHarness.Token);
        (await http.SendAsync(request)).EnsureSuccessStatusCode();

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        Assert.Equal("warn", checks["discord-commands"].Status);
        Assert.Contains("old-command", checks["discord-commands"].Detail, StringComparison.Ordinal);
        Assert.Contains("connect-bybit", checks["discord-commands"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_MainBybitHostUnreachable_Fails()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Settings["Bybit:BaseUrl"] = "http://127.0.0.1:1/";

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        AssertFails(checks, "bybit-host-bybit.com", "did not answer GET /v5/market/time", "Bybit:BaseUrl");
        Assert.Equal("pass", checks["bybit-host-eu"].Status);
    }

    [Fact]
    public async Task Doctor_RegionalBybitHostUnreachable_Warns()
    {
        await using var h = await DoctorHarness.StartAsync();
        ((Dictionary<string, object?>)h.Settings["Bybit:Hosts"]!)["eu"] = "http://127.0.0.1:1/";

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        Assert.Equal("warn", checks["bybit-host-eu"].Status);
        Assert.Contains("Bybit:Hosts:eu", checks["bybit-host-eu"].Fix, StringComparison.Ordinal);
        Assert.Equal("pass", checks["bybit-host-bybit.com"].Status);
    }

    [Fact]
    public async Task Doctor_ClockOffBeyondRecvWindow_AsksToSyncTheClock()
    {
        await using var h = await DoctorHarness.StartAsync(new BybitEmulatorOptions { ClockSkew = TimeSpan.FromSeconds(30) });

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        AssertFails(checks, "bybit-host-bybit.com", "s behind Bybit's, more than Bybit:RecvWindow (5 s)", "Synchronise this machine's clock");
    }

    [Fact]
    public async Task Doctor_DataFileFromNewerBot_Fails()
    {
        await using var h = await DoctorHarness.StartAsync();
        var path = (string)h.Settings["Storage:Path"]!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var db = new LiteDatabase(path))
        {
            SupportDatabase.WriteSchemaVersion(db, 99);
        }

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        AssertFails(checks, "data-file", "schema version 99", "newer bot version");
    }

    [Fact]
    public async Task Doctor_DataFileWithADamagedIndexPage_FailsNamingThePageAndChangesNothing()
    {
        await using var h = await DoctorHarness.StartAsync();
        var path = Path.GetFullPath((string)h.Settings["Storage:Path"]!);
        var page = await Hosting.DamagedDataFile.WriteAsync(path, Hosting.DamagedDataFile.IndexPage);
        Hosting.DamagedDataFile.Zero(path, page, keepHeader: true);
        var before = Hosting.DamagedDataFile.Hash(path);

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        AssertFails(checks, "data-file", $"{path}: ", "restore a backup");
        Assert.Contains("the file is damaged", checks["data-file"].Detail, StringComparison.Ordinal);
        Assert.Equal(before, Hosting.DamagedDataFile.Hash(path));
    }

    [Fact]
    public async Task Doctor_CurrentDataFile_PassesWithItsVersion()
    {
        await using var h = await DoctorHarness.StartAsync();
        using (new SupportDatabase((string)h.Settings["Storage:Path"]!))
        {
        }

        var (_, checks) = await h.RunJsonAsync();

        Assert.Equal("pass", checks["data-file"].Status);
        Assert.Contains("schema version " + Storage.Migrations.SchemaMigrations.CurrentVersion, checks["data-file"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_BrokenContentFile_NamesFileAndLine()
    {
        await using var h = await DoctorHarness.StartAsync();
        var content = Path.Combine(h.Folder, "config");
        Directory.CreateDirectory(content);
        var shipped = Path.Combine(AppContext.BaseDirectory, "config");
        foreach (var file in Directory.GetFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(content, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        // answers.json, panel.json and guide.json are loaded at start (a broken one is a configuration error, exit 2);
        // the error catalogue is a checklist line of its own.
        await File.WriteAllTextAsync(Path.Combine(content, "bybit-errors.json"), "{\n  \"welcome\": \"Hi\"\n  \"bye\": \"Bye\"\n}");
        h.Settings["Content:Directory"] = content;

        var (exit, checks) = await h.RunJsonAsync();

        Assert.Equal(1, exit);
        var (status, detail, fix) = checks["content-bybit-errors"];
        Assert.Equal("fail", status);
        Assert.Contains("bybit-errors.json", detail + " " + fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_InvalidConfiguration_ExitsTwoNamingEveryKey()
    {
        await using var h = await DoctorHarness.StartAsync();
        h.Settings.Remove("Discord:GuildId");
        h.Settings.Remove("Guide:SupportEmail");

        var run = await h.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord:GuildId", run.Error, StringComparison.Ordinal);
        Assert.Contains("Guide:SupportEmail", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.Empty(h.Discord.Requests);
    }

    private static void AssertFails(Dictionary<string, (string Status, string? Detail, string? Fix)> checks, string id, string inDetail, string inFix)
    {
        Assert.True(checks.ContainsKey(id), $"no check {id}; got {string.Join(", ", checks.Keys)}");
        var (status, detail, fix) = checks[id];
        Assert.True(status == "fail", $"{id} is {status}: {detail}");
        Assert.True(detail?.Contains(inDetail, StringComparison.Ordinal) == true, $"{id} detail: {detail}");
        Assert.True(fix?.Contains(inFix, StringComparison.Ordinal) == true, $"{id} fix: {fix}");
    }
}

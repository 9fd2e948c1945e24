using System.Text.Json;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.Discord.Tests.Models;

public sealed class InteractionParseTests : IAsyncLifetime
{
    private DiscordRestEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new DiscordRestEmulatorOptions();
        options.Members[10] = [111, 222];
        options.Members[20] = [333];
        _emulator = await DiscordRestEmulator.StartAsync(options);
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Parse_ModalSubmit_ReadsTextInputsInLabelAndLegacyLayouts(bool legacy)
    {
        var values = new Dictionary<string, string> { ["api_key"] = "KEY123", ["api_secret"] = "s3cr3t" };

        var interaction = Interaction.Parse(Element(_emulator.CreateModalSubmit(10, "diagnose_modal", values, legacyActionRows: legacy)));

        Assert.Equal(InteractionType.ModalSubmit, interaction.Type);
        var modal = Assert.IsType<ModalSubmitData>(interaction.Data);
        Assert.Equal("diagnose_modal", modal.CustomId);
        Assert.Equal("KEY123", modal.GetTextInput("api_key"));
        Assert.Equal("s3cr3t", modal.GetTextInput("api_secret"));
        Assert.Null(modal.GetTextInput("missing"));
    }

    [Fact]
    public void Parse_ModalSubmitFromDocsLabelShape_ReadsValue()
    {
        const string json = """
            {"id":"1","application_id":"2","type":5,"token":"t","user":{"id":"3","username":"u"},
             "data":{"custom_id":"ticket_modal","components":[
               {"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"problem","value":"It broke"}},
               {"type":10,"id":3,"content":"just text"}]}}
            """;

        var interaction = Interaction.Parse(JsonDocument.Parse(json).RootElement);

        Assert.Equal("It broke", interaction.Modal!.GetTextInput("problem"));
        Assert.True(interaction.IsInDirectMessage);
    }

    [Fact]
    public void Parse_SlashCommandWithSubcommand_ReadsTypedOptions()
    {
        var payload = _emulator.CreateSlashCommand(10, "ticket", [
            SlashOption.Subcommand("open", SlashOption.String("topic", "login issue"), SlashOption.Integer("priority", 2), SlashOption.Boolean("urgent", true), SlashOption.User("member", 20)),
        ]);

        var interaction = Interaction.Parse(Element(payload));

        var command = Assert.IsType<ApplicationCommandData>(interaction.Data);
        Assert.Equal("ticket", command.Name);
        Assert.Equal(ApplicationCommandType.ChatInput, command.CommandType);
        Assert.Equal("open", command.SubcommandName);
        Assert.Null(command.SubcommandGroupName);
        Assert.Equal("login issue", command.GetOption("topic")!.AsString());
        Assert.Equal(2, command.GetOption("priority")!.AsInt64());
        Assert.True(command.GetOption("urgent")!.AsBoolean());
        Assert.Equal(20UL, command.GetOption("member")!.AsSnowflake());
        Assert.Equal("user20", command.GetResolvedUser(20)!.Username);
        Assert.Equal([333UL], command.ResolvedMembers[20].Roles);
        Assert.Equal(_emulator.GuildId, interaction.GuildId);
        Assert.Equal(_emulator.DefaultChannelId, interaction.ChannelId);
        Assert.Equal(10UL, interaction.User.Id);
        Assert.Equal([111UL, 222UL], interaction.Member!.Roles);
        Assert.NotNull(interaction.Member.Permissions);
        Assert.Equal("en-US", interaction.Locale);
        Assert.False(string.IsNullOrEmpty(interaction.Token));
        Assert.Equal(_emulator.ApplicationId, interaction.ApplicationId);
    }

    [Fact]
    public void Parse_SubcommandGroup_FindsLeafOptions()
    {
        var payload = _emulator.CreateSlashCommand(10, "admin", [
            SlashOption.SubcommandGroup("ticket", SlashOption.Subcommand("close", SlashOption.String("reason", "done"))),
        ]);

        var command = Interaction.Parse(Element(payload)).Command!;

        Assert.Equal("ticket", command.SubcommandGroupName);
        Assert.Equal("close", command.SubcommandName);
        Assert.Equal("done", command.GetOption("reason")!.AsString());
    }

    [Fact]
    public void Parse_UserCommand_ReadsTargetAndResolvedMember()
    {
        var interaction = Interaction.Parse(Element(_emulator.CreateUserCommand(10, "Ask to run Bybit check", 20)));

        var command = interaction.Command!;
        Assert.Equal(ApplicationCommandType.User, command.CommandType);
        Assert.Equal(20UL, command.TargetId);
        Assert.Equal(20UL, command.ResolvedUsers[20].Id);
        Assert.Equal([333UL], command.ResolvedMembers[20].Roles);
        Assert.Equal(20UL, command.ResolvedMembers[20].User!.Id);
    }

    [Fact]
    public void Parse_ButtonClickInDm_HasUserAndNoMember()
    {
        var interaction = Interaction.Parse(Element(_emulator.CreateButtonClick(10, "walkthrough:next", 999, inDm: true)));

        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Null(interaction.Member);
        Assert.Null(interaction.GuildId);
        Assert.True(interaction.IsInDirectMessage);
        Assert.Equal(10UL, interaction.User.Id);
        Assert.Equal(999UL, interaction.MessageId);
        Assert.Equal("walkthrough:next", interaction.Component!.CustomId);
        Assert.Equal(ComponentType.Button, interaction.Component.ComponentType);
    }

    [Fact]
    public void Parse_StringSelect_ReadsValues()
    {
        var interaction = Interaction.Parse(Element(_emulator.CreateSelect(10, "account_type", ["unified"], 999)));

        Assert.Equal(ComponentType.StringSelect, interaction.Component!.ComponentType);
        Assert.Equal(["unified"], interaction.Component.Values);
    }

    [Fact]
    public void Parse_MissingToken_ThrowsJsonException()
    {
        var payload = _emulator.CreateSlashCommand(10, "diagnose");
        payload.Remove("token");

        Assert.Throws<JsonException>(() => Interaction.Parse(Element(payload)));
    }

    private static JsonElement Element(JsonObject payload) => JsonDocument.Parse(payload.ToJsonString()).RootElement.Clone();
}

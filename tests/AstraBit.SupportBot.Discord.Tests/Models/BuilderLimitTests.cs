using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Discord.Tests.Models;

public sealed class BuilderLimitTests
{
    private static readonly Dictionary<string, Action> OverLimit = new()
    {
        ["content 2001"] = () => new MessageBuilder().WithContent(new string('x', 2001)),
        ["embed title 257"] = () => new EmbedBuilder().WithTitle(new string('x', 257)),
        ["embed description 4097"] = () => new EmbedBuilder().WithDescription(new string('x', 4097)),
        ["embed 26 fields"] = () =>
        {
            var b = new EmbedBuilder();
            for (var i = 0; i < 26; i++)
            {
                b.AddField("n", "v");
            }
        },
        ["embed field name 257"] = () => new EmbedBuilder().AddField(new string('x', 257), "v"),
        ["embed field value 1025"] = () => new EmbedBuilder().AddField("n", new string('x', 1025)),
        ["embed footer 2049"] = () => new EmbedBuilder().WithFooter(new string('x', 2049)),
        ["embed author 257"] = () => new EmbedBuilder().WithAuthor(new string('x', 257)),
        ["embed total 6001"] = () => new EmbedBuilder().WithDescription(new string('x', 4096)).AddField("n", new string('x', 1000)).AddField("n", new string('x', 1000)).WithTitle("abc").Build(),
        ["embeds total across message 6001"] = () => new MessageBuilder()
            .AddEmbed(new EmbedBuilder().WithDescription(new string('x', 4000)).Build())
            .AddEmbed(new EmbedBuilder().WithDescription(new string('x', 2001)).Build())
            .Build(),
        ["11 embeds"] = () =>
        {
            var b = new MessageBuilder();
            for (var i = 0; i < 11; i++)
            {
                b.AddEmbed(new EmbedBuilder().WithTitle("t").Build());
            }
        },
        ["6 action rows"] = () =>
        {
            var b = new MessageBuilder();
            for (var i = 0; i < 6; i++)
            {
                b.AddActionRow(Button.Create(ButtonStyle.Primary, "b" + i, "B"));
            }

            // Counted when the message is built: a Components V2 message may hold more rows (within its 40 components).
            b.Build();
        },
        ["6 buttons in a row"] = () => _ = new ActionRow(Enumerable.Range(0, 6).Select(i => (MessageComponent)Button.Create(ButtonStyle.Secondary, "b" + i, "B"))),
        ["select not alone"] = () => _ = new ActionRow(Select(), Button.Create(ButtonStyle.Primary, "b", "B")),
        ["custom_id 101"] = () => Button.Create(ButtonStyle.Primary, new string('x', 101), "B"),
        ["custom_id empty"] = () => Button.Create(ButtonStyle.Primary, "", "B"),
        ["button label 81"] = () => Button.Create(ButtonStyle.Primary, "id", new string('x', 81)),
        ["26 select options"] = () => _ = new StringSelect("s", Enumerable.Range(0, 26).Select(i => new SelectOption("l" + i, "v" + i))),
        ["select option label 101"] = () => _ = new SelectOption(new string('x', 101), "v"),
        ["select option value 101"] = () => _ = new SelectOption("l", new string('x', 101)),
        ["select option description 101"] = () => _ = new SelectOption("l", "v", new string('x', 101)),
        ["select placeholder 151"] = () => _ = new StringSelect("s", [new SelectOption("l", "v")], new string('x', 151)),
        ["modal title 46"] = () => _ = new ModalBuilder("m", new string('x', 46)),
        ["modal custom_id 101"] = () => _ = new ModalBuilder(new string('x', 101), "Title"),
        ["modal 6 components"] = () =>
        {
            var b = new ModalBuilder("m", "Title");
            for (var i = 0; i < 6; i++)
            {
                b.AddTextInput("Label", new TextInput("t" + i));
            }
        },
        ["modal no components"] = () => new ModalBuilder("m", "Title").Build(),
        ["label 46"] = () => new ModalBuilder("m", "Title").AddTextInput(new string('x', 46), new TextInput("t")),
        ["text input max_length 4001"] = () => _ = new TextInput("t", maxLength: 4001),
        ["text input min_length 4001"] = () => _ = new TextInput("t", minLength: 4001),
        ["command name uppercase"] = () => _ = new SlashCommandBuilder("Ticket", "d"),
        ["command name with space"] = () => _ = new SlashCommandBuilder("bybit error", "d"),
        ["command name 33"] = () => _ = new SlashCommandBuilder(new string('a', 33), "d"),
        ["command description empty"] = () => _ = new SlashCommandBuilder("ticket", ""),
        ["command description 101"] = () => _ = new SlashCommandBuilder("ticket", new string('x', 101)),
        ["26 options"] = () =>
        {
            var b = new SlashCommandBuilder("ticket", "d");
            for (var i = 0; i < 26; i++)
            {
                b.AddOption(CommandOptionDefinition.String("o" + i, "d"));
            }
        },
        ["required after optional"] = () => new SlashCommandBuilder("ticket", "d")
            .AddOption(CommandOptionDefinition.String("a", "d"))
            .AddOption(CommandOptionDefinition.String("b", "d", required: true))
            .Build(),
        ["subcommand mixed with option"] = () => new SlashCommandBuilder("ticket", "d")
            .AddSubcommand("open", "d")
            .AddOption(CommandOptionDefinition.String("b", "d"))
            .Build(),
        ["user command name 33"] = () => _ = new UserCommandBuilder(new string('x', 33)),
        ["allowed_mentions 101 users"] = () => AllowedMentions.ForUsers(Enumerable.Range(1, 101).Select(i => (ulong)i)),
    };

    public static TheoryData<string> Cases => [.. OverLimit.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Builder_OverDiscordLimit_ThrowsArgumentException(string limit)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(OverLimit[limit]);

        Assert.False(string.IsNullOrWhiteSpace(ex.ParamName), $"'{limit}' should name the limit");
    }

    [Fact]
    public void Builders_AtExactLimits_Succeed()
    {
        var embed = new EmbedBuilder().WithTitle(new string('t', 256)).WithDescription(new string('d', 4096)).AddField(new string('n', 256), new string('v', 1024)).Build();
        var message = new MessageBuilder().WithContent(new string('c', 2000)).AddEmbed(embed)
            .AddActionRow(Enumerable.Range(0, 5).Select(i => (MessageComponent)Button.Create(ButtonStyle.Primary, new string('i', 99) + i, new string('l', 80))))
            .AddActionRow(new StringSelect("s", Enumerable.Range(0, 25).Select(i => new SelectOption("l" + i, "v" + i)), new string('p', 150)))
            .Build();
        var modal = new ModalBuilder(new string('m', 100), new string('t', 45)).AddTextInput(new string('l', 45), new TextInput("t", minLength: 0, maxLength: 4000)).Build();
        var command = new SlashCommandBuilder("bybit-error", new string('d', 100)).Build();

        Assert.Equal(2000, message.Content!.Length);
        Assert.Single(modal.Fields);
        Assert.Equal("bybit-error", command.Name);
    }

    [Fact]
    public void MessageBuilder_Default_SerializesAllowedMentionsWithEmptyParse()
    {
        var json = MessagePayload.Text("@everyone").ToJson();

        Assert.Equal("""{"content":"@everyone","allowed_mentions":{"parse":[],"replied_user":false}}""", json.ToJsonString());
    }

    [Fact]
    public void AllowedMentions_ForUsersAndRoles_ListsIdsAsStrings()
    {
        var json = new MessageBuilder().WithContent("hi").WithAllowedMentions(AllowedMentions.ForUsers(5).AndRoles(9)).Build().ToJson();

        Assert.Equal("""{"parse":[],"users":["5"],"roles":["9"],"replied_user":false}""", json["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public void WithEphemeral_SetsFlag64()
    {
        var payload = new MessageBuilder().WithContent("secret").WithEphemeral().Build();

        Assert.Equal(64, payload.ToJson()["flags"]!.GetValue<int>());
    }

    [Fact]
    public void ModalBuilder_TextInput_WrappedInLabelType18()
    {
        var json = new ModalBuilder("ticket_modal", "Open a ticket")
            .AddTextInput("Describe the problem", new TextInput("problem", TextInputStyle.Paragraph, 10, 4000, placeholder: "What happened?"), "Be specific")
            .Build().ToJson();

        Assert.Equal(
            """{"custom_id":"ticket_modal","title":"Open a ticket","components":[{"type":18,"label":"Describe the problem","description":"Be specific","component":{"type":4,"custom_id":"problem","style":2,"required":true,"min_length":10,"max_length":4000,"placeholder":"What happened?"}}]}""",
            json.ToJsonString());
    }

    [Fact]
    public void UserCommandBuilder_Build_HasNoDescriptionAndPermissionsAsString()
    {
        var json = new UserCommandBuilder("Run diagnostic").WithDefaultMemberPermissions(1099511627776).Build().ToJson(includeContexts: false);

        Assert.Equal("""{"name":"Run diagnostic","type":2,"default_member_permissions":"1099511627776"}""", json.ToJsonString());
    }

    private static StringSelect Select() => new("s", [new SelectOption("l", "v")]);
}

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Gateway;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

/// <summary>MESSAGE_UPDATE (whole or partial) and forwards, as the emulator builds them and Discord documents them, parsed for typed handlers.</summary>
public sealed class MessageEditAndForwardParseTests
{
    private const ulong Member = 1_700_000_000_000_000_002;

    [Fact]
    public async Task Edit_FromTheEmulator_ReachesUpdateHandlersWithContentAuthorAndEditTime()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var posted = emulator.PostMemberMessage(Member, emulator.DefaultChannelId, "first words");
        var id = Snowflake(posted["id"]);

        var update = Assert.Single(await DispatchAsync(("MESSAGE_UPDATE", emulator.EditMemberMessage(Member, id, "second words")))) as MessageUpdatedEvent;

        Assert.NotNull(update);
        Assert.Equal((id, emulator.DefaultChannelId, (ulong?)emulator.GuildId, Member, "second words"), (update.MessageId, update.ChannelId, update.GuildId, update.Author!.Id, update.Content));
        Assert.NotNull(update.EditedAt);
        Assert.Equal("second words", emulator.Messages.Single(m => m.Id == id).Content);
    }

    [Fact]
    public async Task PartialUpdate_WithoutContentOrAuthor_ContentIsNullNotEmpty()
    {
        // An embed Discord added to a link: only ids and embeds (discord-api.md §13 "partial for some embed unfurls").
        var partial = JsonNode.Parse("""{"id":"77","channel_id":"55","guild_id":"1","embeds":[{"type":"link","url":"https://example.com"}]}""")!.AsObject();
        var emptied = JsonNode.Parse("""{"id":"78","channel_id":"55","author":{"id":"42","username":"alice"},"content":""}""")!.AsObject();

        var seen = await DispatchAsync(("MESSAGE_UPDATE", partial), ("MESSAGE_UPDATE", emptied));

        var updates = seen.OfType<MessageUpdatedEvent>().OrderBy(u => u.MessageId).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Null(updates[0].Content);
        Assert.Null(updates[0].Author);
        Assert.Equal("", updates[1].Content);
        Assert.Equal(42UL, updates[1].Author!.Id);
    }

    [Fact]
    public async Task Forward_FromTheEmulator_CarriesTheForwardedTextAndFiles()
    {
        await using var emulator = await DiscordRestEmulator.StartAsync();
        var elsewhere = emulator.AddTextChannel("elsewhere");
        var original = emulator.PostMemberMessage(Member, elsewhere, "look at this", [new MemberFile("notes.txt", "hello"u8.ToArray())]);

        var forwardJson = emulator.ForwardMemberMessage(Member, Snowflake(original["id"]), emulator.DefaultChannelId);
        var message = Assert.Single(await DispatchAsync(("MESSAGE_CREATE", forwardJson))) as MessageCreatedEvent;

        Assert.NotNull(message);
        Assert.Equal("", message.Content);
        Assert.Equal(1 << 14, forwardJson["flags"]!.GetValue<int>());
        Assert.Equal(1, forwardJson["message_reference"]!["type"]!.GetValue<int>());
        var forwarded = Assert.Single(message.Forwarded);
        Assert.Equal("look at this", forwarded.Content);
        var file = Assert.Single(forwarded.Attachments);
        Assert.Equal(("notes.txt", 5), (file.FileName, file.Size));
        Assert.StartsWith(new Uri(emulator.ApiBaseUrl, "/attachments/").AbsoluteUri, file.Url!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_WithAReferenceOfTypeZeroOrNone_IsNotAForward()
    {
        var reply = JsonNode.Parse("""
            {"id":"80","channel_id":"55","author":{"id":"42","username":"alice"},"content":"yes",
             "message_reference":{"message_id":"79","channel_id":"55"},
             "message_snapshots":[{"message":{"content":"should not be read as a forward"}}]}
            """)!.AsObject();

        var message = Assert.Single(await DispatchAsync(("MESSAGE_CREATE", reply))) as MessageCreatedEvent;

        Assert.NotNull(message);
        Assert.Empty(message.Forwarded);
    }

    private static ulong Snowflake(JsonNode? id) => ulong.Parse(id!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<object>> DispatchAsync(params (string Name, JsonObject Data)[] events)
    {
        var seen = new ConcurrentBag<object>();
        await using var services = new ServiceCollection()
            .AddSingleton(seen)
            .AddScoped<Recorder>()
            .AddScoped<IGatewayEventHandler<MessageCreatedEvent>>(sp => sp.GetRequiredService<Recorder>())
            .AddScoped<IGatewayEventHandler<MessageUpdatedEvent>>(sp => sp.GetRequiredService<Recorder>())
            .BuildServiceProvider();
        var dispatcher = new GatewayDispatcher(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<GatewayDispatcher>.Instance);
        var sequence = 0;
        foreach (var (name, data) in events)
        {
            using var document = JsonDocument.Parse(data.ToJsonString());
            dispatcher.Post(new GatewayEvent(name, ++sequence, document.RootElement.Clone()));
        }

        dispatcher.Complete();
        await dispatcher.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return [.. seen];
    }

    private sealed class Recorder(ConcurrentBag<object> seen) : IGatewayEventHandler<MessageCreatedEvent>, IGatewayEventHandler<MessageUpdatedEvent>
    {
        public Task HandleAsync(MessageCreatedEvent gatewayEvent, CancellationToken cancellationToken) => Record(gatewayEvent);

        public Task HandleAsync(MessageUpdatedEvent gatewayEvent, CancellationToken cancellationToken) => Record(gatewayEvent);

        private Task Record(object gatewayEvent)
        {
            seen.Add(gatewayEvent);
            return Task.CompletedTask;
        }
    }
}

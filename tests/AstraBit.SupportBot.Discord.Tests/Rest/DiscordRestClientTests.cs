using System.Net;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task GetGatewayBotAsync_AgainstEmulator_SendsBotTokenAndUserAgent()
    {
        var gateway = new Uri("ws://127.0.0.1:4242/");
        await using var h = await RestHarness.StartAsync(new DiscordRestEmulatorOptions { GatewayUrl = gateway });

        var info = await h.Client.GetGatewayBotAsync(Ct);

        Assert.Equal(gateway, info.Url);
        Assert.Equal(1, info.Shards);
        Assert.Equal(1, info.SessionStartLimit.MaxConcurrency);
        var request = Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.GetGatewayBot));
        Assert.Equal("Bot " + h.Emulator.Token, request.Authorization);
        Assert.Equal("DiscordBot (https://example.test/bot, 9.9)", request.UserAgent);
    }

    [Fact]
    public async Task GetGatewayUrlAsync_Emulator_ReturnsGatewayUrl()
    {
        var gateway = new Uri("ws://127.0.0.1:4243/");
        await using var h = await RestHarness.StartAsync(new DiscordRestEmulatorOptions { GatewayUrl = gateway });

        Assert.Equal(gateway, await h.Client.GetGatewayUrlAsync(Ct));
    }

    [Fact]
    public async Task AddDiscordRest_GatewayUrlSource_AsksGatewayBot()
    {
        var gateway = new Uri("ws://127.0.0.1:4244/");
        await using var h = await RestHarness.StartAsync(new DiscordRestEmulatorOptions { GatewayUrl = gateway });
        var source = h.Services.GetRequiredService<AstraBit.SupportBot.Discord.Gateway.IGatewayUrlSource>();

        Assert.Equal(gateway, await source.GetGatewayUrlAsync(Ct));
        Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.GetGatewayBot));
    }

    [Fact]
    public async Task AnyCall_Logged_NeverLogsTheToken()
    {
        await using var h = await RestHarness.StartAsync();
        h.Emulator.FailNext(DiscordRestRoutes.GetGatewayBot, 502);

        await h.Client.GetGatewayBotAsync(Ct);

        var logs = h.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, l => l.Message.Contains(h.Emulator.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateMessageAsync_BurstOfThreeTimesBucketLimit_NeverExceedsBucket()
    {
        const int limit = 3;
        var options = new DiscordRestEmulatorOptions();
        options.BucketLimits[DiscordRestRoutes.CreateMessage] = (limit, TimeSpan.FromMilliseconds(250));
        await using var h = await RestHarness.StartAsync(options);

        var calls = Enumerable.Range(0, 3 * limit)
            .Select(i => h.Client.CreateMessageAsync(h.Emulator.DefaultChannelId, MessagePayload.Text($"burst {i}"), Ct));
        var sent = await Task.WhenAll(calls);

        Assert.Equal(3 * limit, sent.Length);
        Assert.Equal(0, h.Emulator.RateLimitViolations(DiscordRestRoutes.CreateMessage));
        Assert.InRange(h.Emulator.MaxRequestsPerWindow(DiscordRestRoutes.CreateMessage), 1, limit);
        Assert.Equal(3 * limit, h.Emulator.RequestsFor(DiscordRestRoutes.CreateMessage).Count);
    }

    [Fact]
    public async Task CreateMessageAsync_BucketsPerChannel_AreCountedSeparately()
    {
        var options = new DiscordRestEmulatorOptions();
        options.BucketLimits[DiscordRestRoutes.CreateMessage] = (2, TimeSpan.FromMilliseconds(250));
        await using var h = await RestHarness.StartAsync(options);
        var other = h.Emulator.AddTextChannel("other");

        await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => h.Client.CreateMessageAsync(i % 2 == 0 ? other : h.Emulator.DefaultChannelId, MessagePayload.Text("x"), Ct)));

        Assert.Equal(0, h.Emulator.RateLimitViolations(DiscordRestRoutes.CreateMessage));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateMessageAsync_Scripted429_WaitsRetryAfterThenSucceeds(bool global)
    {
        await using var h = await RestHarness.StartAsync();
        var retryAfter = TimeSpan.FromMilliseconds(300);
        h.Emulator.Script429(DiscordRestRoutes.CreateMessage, retryAfter, global);

        var message = await h.Client.CreateMessageAsync(h.Emulator.DefaultChannelId, MessagePayload.Text("after 429"), Ct);

        Assert.Equal("after 429", message.Content);
        var requests = h.Emulator.RequestsFor(DiscordRestRoutes.CreateMessage);
        Assert.Equal(2, requests.Count);
        Assert.Equal(429, requests[0].Status);
        Assert.Equal(200, requests[1].Status);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= retryAfter - TimeSpan.FromMilliseconds(5), "the retry came before retry_after");
    }

    [Fact]
    public async Task EditMessageAsync_ServerErrorTwice_RetriesAndSucceeds()
    {
        await using var h = await RestHarness.StartAsync();
        var sent = await h.Client.CreateMessageAsync(h.Emulator.DefaultChannelId, MessagePayload.Text("draft"), Ct);
        h.Emulator.FailNext(DiscordRestRoutes.EditMessage, 500, count: 2);

        await h.Client.EditMessageAsync(h.Emulator.DefaultChannelId, sent.Id, MessagePayload.Text("eventually"), Ct);

        Assert.Equal([500, 500, 200], h.Emulator.RequestsFor(DiscordRestRoutes.EditMessage).Select(r => r.Status));
        Assert.Equal("eventually", Assert.Single(h.Emulator.Messages, m => m.Id == sent.Id).Content);
    }

    [Fact]
    public async Task EditMessageAsync_ServerErrorsBeyondRetries_ThrowsWithStatus()
    {
        await using var h = await RestHarness.StartAsync();
        var sent = await h.Client.CreateMessageAsync(h.Emulator.DefaultChannelId, MessagePayload.Text("draft"), Ct);
        h.Emulator.FailNext(DiscordRestRoutes.EditMessage, 503, count: 10);

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.EditMessageAsync(h.Emulator.DefaultChannelId, sent.Id, MessagePayload.Text("x"), Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.HttpStatus);
        Assert.Equal(4, h.Emulator.RequestsFor(DiscordRestRoutes.EditMessage).Count);
    }

    [Fact]
    public async Task CreateMessageAsync_502AfterDiscordPostedIt_IsNotSentAgainAndThrows()
    {
        await using var h = await RestHarness.StartAsync();
        h.Emulator.FailAfterNext(DiscordRestRoutes.CreateMessage, 502);

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateMessageAsync(h.Emulator.DefaultChannelId, MessagePayload.Text("staff notice"), Ct));

        Assert.Equal(HttpStatusCode.BadGateway, ex.HttpStatus);
        Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.CreateMessage));
        Assert.Single(h.Emulator.Messages, m => m.Content == "staff notice");
    }

    [Fact]
    public async Task CreateMessageAsync_ServerError_IsNotRetried()
    {
        await using var h = await RestHarness.StartAsync();
        h.Emulator.FailNext(DiscordRestRoutes.CreateMessage, 500);

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateMessageAsync(h.Emulator.DefaultChannelId, MessagePayload.Text("x"), Ct));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.HttpStatus);
        Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.CreateMessage));
    }

    [Fact]
    public async Task CreateDmChannelAsync_ServerError_RetriesSinceOpeningADmTwiceReturnsTheSameChannel()
    {
        await using var h = await RestHarness.StartAsync();
        h.Emulator.FailNext(DiscordRestRoutes.CreateDm, 502);

        var dm = await h.Client.CreateDmChannelAsync(42, Ct);

        Assert.NotEqual(0UL, dm.Id);
        Assert.Equal([502, 200], h.Emulator.RequestsFor(DiscordRestRoutes.CreateDm).Select(r => r.Status));
    }

    [Fact]
    public async Task CreateMessageAsync_NothingListening_RetriesSinceTheConnectionWasNeverMade()
    {
        // A port nobody listens on: every attempt fails before anything is sent, so the POST is tried 1 + 3 times.
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var handler = new CountingHandler();
        var options = Microsoft.Extensions.Options.Options.Create(new DiscordClientOptions { Token = "t", ApiBaseUrl = new Uri($"http://127.0.0.1:{port}/api/v10/") });
        var time = TimeProvider.System;
        using var http = new HttpClient(handler);
        var client = new DiscordRestClient(
            http,
            options,
            new DiscordRateLimiter(time),
            new DiscordRestRetryPolicy(3, TimeSpan.FromMilliseconds(1), 5),
            time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DiscordRestClient>.Instance);

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => client.CreateMessageAsync(1, MessagePayload.Text("x"), Ct));

        Assert.Equal(0, (int)ex.HttpStatus);
        Assert.Equal(4, handler.Sent);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public CountingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public int Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent++;
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(400)]
    public async Task CreateMessageAsync_ClientError_IsNeverRetried(int status)
    {
        await using var h = await RestHarness.StartAsync(token: status == 401 ? "wrong-token" : null);
        var channel = h.Emulator.DefaultChannelId;
        if (status == 403)
        {
            h.Emulator.CloseDms(42);
            channel = (await h.Client.CreateDmChannelAsync(42, Ct)).Id;
        }
        else if (status == 404)
        {
            channel = 12345;
        }
        else if (status == 400)
        {
            h.Emulator.FailNext(DiscordRestRoutes.CreateMessage, 400);
        }

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateMessageAsync(channel, MessagePayload.Text("x"), Ct));

        Assert.Equal(status, (int)ex.HttpStatus);
        Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.CreateMessage));
    }

    [Fact]
    public async Task CreateMessageAsync_DmsClosed_Throws50007()
    {
        await using var h = await RestHarness.StartAsync();
        h.Emulator.CloseDms(77);
        var dm = await h.Client.CreateDmChannelAsync(77, Ct);

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateMessageAsync(dm.Id, MessagePayload.Text("hi"), Ct));

        Assert.Equal(ChannelType.DirectMessage, dm.Type);
        Assert.Equal(HttpStatusCode.Forbidden, ex.HttpStatus);
        Assert.Equal(DiscordErrorCodes.CannotSendMessagesToThisUser, ex.Code);
        Assert.Equal("Cannot send messages to this user", ex.DiscordMessage);
    }

    [Fact]
    public async Task CreateDmChannelAsync_Twice_ReturnsSameChannel()
    {
        await using var h = await RestHarness.StartAsync();

        var first = await h.Client.CreateDmChannelAsync(55, Ct);
        var second = await h.Client.CreateDmChannelAsync(55, Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("55", h.Emulator.RequestsFor(DiscordRestRoutes.CreateDm)[0].Json!["recipient_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateMessageAsync_OverLimitPayloadBypassingBuilder_Throws50035WithFlattenedErrors()
    {
        await using var h = await RestHarness.StartAsync();
        var tooLong = new MessagePayload(new string('a', 2001), [], null, AllowedMentions.None, MessageFlags.None, []);

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateMessageAsync(h.Emulator.DefaultChannelId, tooLong, Ct));

        Assert.Equal(HttpStatusCode.BadRequest, ex.HttpStatus);
        Assert.Equal(DiscordErrorCodes.InvalidFormBody, ex.Code);
        Assert.Equal(["content: Must be 2000 or fewer in length."], ex.Errors);
        Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.CreateMessage));
    }

    [Fact]
    public void FlattenErrors_NestedDiscordTree_ProducesPathMessageLines()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""
            {"activities":{"0":{"platform":{"_errors":[{"code":"BASE_TYPE_CHOICES","message":"Value must be one of ('desktop', 'android', 'ios')."}]}}},
             "_errors":[{"code":"X","message":"whole body"}]}
            """);
        var lines = new List<string>();

        DiscordRestClient.FlattenErrors(doc.RootElement, "", lines);

        Assert.Equal(["activities.0.platform: Value must be one of ('desktop', 'android', 'ios').", "(body): whole body"], lines);
    }

    [Fact]
    public async Task CreateMessageAsync_WithFile_SendsMultipartWithPayloadJsonAndFile()
    {
        await using var h = await RestHarness.StartAsync();
        var bytes = "line one\nline two\n"u8.ToArray();
        var payload = new MessageBuilder()
            .WithContent("transcript attached")
            .AddFile(new FileUpload("transcript.txt", bytes, "Ticket transcript", "text/plain"))
            .Build();

        var sent = await h.Client.CreateMessageAsync(h.Emulator.DefaultChannelId, payload, Ct);

        var request = Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.CreateMessage));
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        var file = Assert.Single(request.Files);
        Assert.Equal("transcript.txt", file.FileName);
        Assert.Equal(bytes, file.Content);
        Assert.Equal("transcript.txt", request.Json!["attachments"]![0]!["filename"]!.GetValue<string>());
        Assert.NotNull(request.Json!["allowed_mentions"]);
        var attachment = Assert.Single(sent.Attachments);
        Assert.Equal(bytes.Length, attachment.Size);
    }

    [Fact]
    public async Task CreatePrivateThreadAsync_SendsType12InvitableFalseAndReason()
    {
        await using var h = await RestHarness.StartAsync();

        var thread = await h.Client.CreatePrivateThreadAsync(h.Emulator.DefaultChannelId, "Ticket #42", ThreadArchiveDuration.OneWeek, invitable: false, reason: "Ticket #42 opened", ct: Ct);

        var body = Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.StartThread)).Json!;
        Assert.Equal(12, body["type"]!.GetValue<int>());
        Assert.False(body["invitable"]!.GetValue<bool>());
        Assert.Equal(10080, body["auto_archive_duration"]!.GetValue<int>());
        Assert.Equal(ChannelType.PrivateThread, thread.Type);
        Assert.Equal(h.Emulator.DefaultChannelId, thread.ParentId);
        Assert.False(thread.Thread!.Invitable);
        var state = h.Emulator.GetChannel(thread.Id)!;
        Assert.Equal(12, state.Type);
        Assert.Equal(["Ticket #42 opened"], state.AuditLogReasons);
    }

    [Fact]
    public async Task AddThreadMemberAsync_PrivateThread_AddsMember()
    {
        await using var h = await RestHarness.StartAsync();
        var thread = await h.Client.CreatePrivateThreadAsync(h.Emulator.DefaultChannelId, "Ticket", ct: Ct);

        await h.Client.AddThreadMemberAsync(thread.Id, 1001, Ct);

        Assert.Contains(1001UL, h.Emulator.GetChannel(thread.Id)!.Members);
        Assert.Equal(204, h.Emulator.RequestsFor(DiscordRestRoutes.AddThreadMember)[0].Status);
    }

    [Fact]
    public async Task ArchiveAndLockThreadAsync_WithReason_ArchivesLocksAndSendsEncodedReason()
    {
        await using var h = await RestHarness.StartAsync();
        var thread = await h.Client.CreatePrivateThreadAsync(h.Emulator.DefaultChannelId, "Ticket", ct: Ct);
        const string reason = "Closed by staff: résolu ✓";

        var closed = await h.Client.ArchiveAndLockThreadAsync(thread.Id, reason, Ct);

        Assert.True(closed.Thread!.Archived);
        Assert.True(closed.Thread.Locked);
        var state = h.Emulator.GetChannel(thread.Id)!;
        Assert.True(state.Archived && state.Locked);
        var request = Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.ModifyChannel));
        Assert.Equal(reason, request.AuditLogReason);
        var json = request.Json!;
        Assert.True(json["archived"]!.GetValue<bool>() && json["locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AddThreadMemberAsync_ArchivedThread_Throws50083()
    {
        await using var h = await RestHarness.StartAsync();
        var thread = await h.Client.CreatePrivateThreadAsync(h.Emulator.DefaultChannelId, "Ticket", ct: Ct);
        await h.Client.ArchiveAndLockThreadAsync(thread.Id, null, Ct);

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.AddThreadMemberAsync(thread.Id, 5, Ct));

        Assert.Equal(DiscordErrorCodes.ThreadArchived, ex.Code);
    }

    [Fact]
    public async Task GetGuildMemberAsync_SeededMember_ReturnsRoles()
    {
        await using var h = await RestHarness.StartAsync();
        h.Emulator.AddMember(500, [7001, 7002], "alice");

        var member = await h.Client.GetGuildMemberAsync(h.Emulator.GuildId, 500, Ct);

        Assert.Equal([7001UL, 7002UL], member.Roles);
        Assert.True(member.HasRole(7002));
        Assert.Equal("alice", member.User!.Username);
    }

    [Fact]
    public async Task GetGuildMemberAsync_UnknownMember_Throws10007()
    {
        await using var h = await RestHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetGuildMemberAsync(h.Emulator.GuildId, 999, Ct));

        Assert.Equal(DiscordErrorCodes.UnknownMember, ex.Code);
        Assert.Equal(HttpStatusCode.NotFound, ex.HttpStatus);
    }

    [Fact]
    public async Task GetChannelMessagesAsync_LimitAndBefore_ReturnsOlderNewestFirst()
    {
        await using var h = await RestHarness.StartAsync();
        var channel = h.Emulator.DefaultChannelId;
        var sent = new List<DiscordMessage>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add(await h.Client.CreateMessageAsync(channel, MessagePayload.Text($"m{i}"), Ct));
        }

        var page = await h.Client.GetChannelMessagesAsync(channel, limit: 2, before: sent[3].Id, ct: Ct);

        Assert.Equal(["m2", "m1"], page.Select(m => m.Content));
        var path = h.Emulator.RequestsFor(DiscordRestRoutes.GetMessages)[0].Path;
        Assert.Contains("limit=2", path, StringComparison.Ordinal);
        Assert.Contains("before=" + sent[3].Id, path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditMessageAsync_ExistingMessage_ReplacesContentAndComponents()
    {
        await using var h = await RestHarness.StartAsync();
        var original = await h.Client.CreateMessageAsync(
            h.Emulator.DefaultChannelId,
            new MessageBuilder().WithContent("step 1").AddActionRow(Button.Create(ButtonStyle.Primary, "next", "Next")).Build(),
            Ct);

        var edited = await h.Client.EditMessageAsync(h.Emulator.DefaultChannelId, original.Id, new MessageBuilder().WithContent("step 2").ClearComponents().Build(), Ct);

        Assert.Equal("step 2", edited.Content);
        var state = Assert.Single(h.Emulator.Messages);
        Assert.Empty(state.Components);
        Assert.Equal(1, state.EditCount);
    }

    [Fact]
    public async Task BulkOverwriteGuildCommandsAsync_SlashAndUserCommands_RegistersThem()
    {
        await using var h = await RestHarness.StartAsync();
        var commands = new[]
        {
            new SlashCommandBuilder("ticket", "Support tickets")
                .AddSubcommand("open", "Open a ticket", CommandOptionDefinition.String("topic", "What is wrong?", required: true, maxLength: 100))
                .AddSubcommand("close", "Close this ticket", CommandOptionDefinition.String("reason", "Why"))
                .WithContexts(InteractionContextType.Guild)
                .Build(),
            new UserCommandBuilder("Ask to run Bybit check").WithDefaultMemberPermissions(1UL << 40).Build(),
        };

        var registered = await h.Client.BulkOverwriteGuildCommandsAsync(h.Emulator.ApplicationId, h.Emulator.GuildId, commands, Ct);

        Assert.Equal(["ticket", "Ask to run Bybit check"], registered.Select(c => c.Name));
        Assert.Equal([ApplicationCommandType.ChatInput, ApplicationCommandType.User], registered.Select(c => c.Type));
        Assert.All(registered, c => Assert.NotEqual(0UL, c.Id));
        var stored = h.Emulator.GetRegisteredCommands(h.Emulator.GuildId);
        Assert.Equal(2, stored.Count);
        Assert.Null(stored[0]!["contexts"]);
        Assert.Equal("open", stored[0]!["options"]![0]!["name"]!.GetValue<string>());
        Assert.Null(stored[1]!["description"]);
        Assert.Equal("1099511627776", stored[1]!["default_member_permissions"]!.GetValue<string>());
    }

    [Fact]
    public async Task AllMessageEndpoints_AnyPayload_AlwaysSendAllowedMentions()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await RestHarness.StartAsync(new DiscordRestEmulatorOptions { TimeProvider = clock });
        var c = h.Client;
        var channel = h.Emulator.DefaultChannelId;
        var plain = MessagePayload.Text("<@&123> @everyone hi");
        var msg = await c.CreateMessageAsync(channel, plain, Ct);
        await c.EditMessageAsync(channel, msg.Id, plain, Ct);
        var slash = Interaction.Parse(ToElement(h.Emulator.CreateSlashCommand(10, "diagnose")));
        await c.RespondAsync(slash, plain, Ct);
        await c.EditOriginalResponseAsync(slash, plain, Ct);
        var followup = await c.CreateFollowupAsync(slash, new MessageBuilder().WithContent("private").WithEphemeral().WithAllowedMentions(AllowedMentions.ForUsers(10)).Build(), Ct);
        await c.EditFollowupAsync(slash.ApplicationId, slash.Token, followup.Id, plain, Ct);
        var click = Interaction.Parse(ToElement(h.Emulator.CreateButtonClick(10, "next", msg.Id)));
        await c.UpdateMessageAsync(click, plain, Ct);
        var defer = Interaction.Parse(ToElement(h.Emulator.CreateSlashCommand(10, "diagnose")));
        await c.DeferAsync(defer, ephemeral: true, Ct);

        var messageRequests = h.Emulator.Requests.Where(r => r.Route is not null && r.Json is JsonObject).ToList();
        Assert.Equal(8, messageRequests.Count);
        foreach (var r in messageRequests)
        {
            var body = (JsonObject)r.Json!;
            var data = r.Route == DiscordRestRoutes.InteractionCallback ? (JsonObject)body["data"]! : body;
            var mentions = Assert.IsType<JsonObject>(data["allowed_mentions"]);
            Assert.Empty(Assert.IsType<JsonArray>(mentions["parse"]));
        }

        var followupRequest = Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.CreateFollowup));
        Assert.Equal("10", followupRequest.Json!["allowed_mentions"]!["users"]![0]!.GetValue<string>());
        Assert.True(h.Emulator.Messages.Single(m => m.Id == followup.Id).IsEphemeral);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_AfterThreeSeconds_Throws10062()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await RestHarness.StartAsync(new DiscordRestEmulatorOptions { TimeProvider = clock });
        var interaction = Interaction.Parse(ToElement(h.Emulator.CreateSlashCommand(10, "diagnose")));
        clock.Advance(TimeSpan.FromSeconds(3.1));

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.RespondAsync(interaction, MessagePayload.Text("late"), Ct));

        Assert.Equal(DiscordErrorCodes.UnknownInteraction, ex.Code);
        Assert.Equal(HttpStatusCode.NotFound, ex.HttpStatus);
        Assert.Single(h.Emulator.RequestsFor(DiscordRestRoutes.InteractionCallback));
        var callback = await h.Emulator.WaitForCallbackAsync(interaction.Id, RestHarness.Timeout);
        Assert.False(callback.Accepted);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_InsideDeadline_IsAccepted()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await RestHarness.StartAsync(new DiscordRestEmulatorOptions { TimeProvider = clock });
        var interaction = Interaction.Parse(ToElement(h.Emulator.CreateSlashCommand(10, "diagnose")));
        clock.Advance(TimeSpan.FromSeconds(2.9));

        await h.Client.RespondAsync(interaction, new MessageBuilder().WithContent("ok").WithEphemeral().Build(), Ct);

        var callback = await h.Emulator.WaitForCallbackAsync(interaction.Id, RestHarness.Timeout);
        Assert.True(callback.Accepted);
        Assert.Equal(4, callback.Type);
        Assert.Equal(64, callback.Flags);
        Assert.Equal(TimeSpan.FromSeconds(2.9), callback.SinceCreation);
        var message = await h.Emulator.WaitForMessageAsync(m => m.InteractionId == interaction.Id, RestHarness.Timeout);
        Assert.True(message.IsEphemeral);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_SecondCallback_Throws40060()
    {
        await using var h = await RestHarness.StartAsync();
        var interaction = Interaction.Parse(ToElement(h.Emulator.CreateSlashCommand(10, "diagnose")));
        await h.Client.DeferAsync(interaction, ephemeral: true, Ct);

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.RespondAsync(interaction, MessagePayload.Text("again"), Ct));

        Assert.Equal(DiscordErrorCodes.InteractionAlreadyAcknowledged, ex.Code);
        Assert.Equal(HttpStatusCode.BadRequest, ex.HttpStatus);
        Assert.Equal(2, h.Emulator.RequestsFor(DiscordRestRoutes.InteractionCallback).Count);
    }

    [Fact]
    public async Task DeferThenEditOriginal_DeferredEphemeral_FinishesLoadingMessage()
    {
        await using var h = await RestHarness.StartAsync();
        var interaction = Interaction.Parse(ToElement(h.Emulator.CreateSlashCommand(10, "diagnose")));

        await h.Client.DeferAsync(interaction, ephemeral: true, Ct);
        var edited = await h.Client.EditOriginalResponseAsync(interaction, MessagePayload.Text("Check done"), Ct);

        var callback = await h.Emulator.WaitForCallbackAsync(interaction.Id, RestHarness.Timeout);
        Assert.Equal(5, callback.Type);
        Assert.Equal(64, callback.Flags);
        Assert.Equal("Check done", edited.Content);
        var message = await h.Emulator.WaitForMessageAsync(m => m.InteractionId == interaction.Id && m.Content == "Check done", RestHarness.Timeout);
        Assert.True(message.IsEphemeral);
        Assert.Equal(0, message.Flags & 128);
    }

    [Fact]
    public async Task OpenModalAsync_LabelWrappedTextInput_IsAcceptedAndRecorded()
    {
        await using var h = await RestHarness.StartAsync();
        var interaction = Interaction.Parse(ToElement(h.Emulator.CreateSlashCommand(10, "diagnose")));
        var modal = new ModalBuilder("diagnose_modal", "Run the key check")
            .AddTextInput("API key", new TextInput("api_key", maxLength: 64))
            .AddTextInput("API secret", new TextInput("api_secret", TextInputStyle.Short, maxLength: 128), "Never shared")
            .Build();

        await h.Client.OpenModalAsync(interaction, modal, Ct);

        var callback = await h.Emulator.WaitForCallbackAsync(interaction.Id, RestHarness.Timeout);
        Assert.True(callback.Accepted);
        Assert.Equal(9, callback.Type);
        var first = callback.Data!["components"]![0]!;
        Assert.Equal(18, first["type"]!.GetValue<int>());
        Assert.Equal(4, first["component"]!["type"]!.GetValue<int>());
        Assert.Null(first["component"]!["label"]);
    }

    [Fact]
    public async Task DeferUpdateAsync_ButtonClick_Accepted()
    {
        await using var h = await RestHarness.StartAsync();
        var msg = await h.Client.CreateMessageAsync(h.Emulator.DefaultChannelId, MessagePayload.Text("step"), Ct);
        var click = Interaction.Parse(ToElement(h.Emulator.CreateButtonClick(10, "next", msg.Id)));

        await h.Client.DeferUpdateAsync(click, Ct);

        Assert.Equal(6, (await h.Emulator.WaitForCallbackAsync(click.Id, RestHarness.Timeout)).Type);
    }

    [Fact]
    public async Task DeleteFollowupAsync_ExistingFollowup_RemovesIt()
    {
        await using var h = await RestHarness.StartAsync();
        var interaction = Interaction.Parse(ToElement(h.Emulator.CreateSlashCommand(10, "diagnose")));
        await h.Client.DeferAsync(interaction, ephemeral: false, Ct);
        var followup = await h.Client.CreateFollowupAsync(interaction, MessagePayload.Text("temp"), Ct);

        await h.Client.DeleteFollowupAsync(interaction.ApplicationId, interaction.Token, followup.Id, Ct);

        Assert.DoesNotContain(h.Emulator.Messages, m => m.Id == followup.Id);
    }

    [Fact]
    public async Task CreateFollowupAsync_TokenOlderThan15Minutes_Throws50027()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await RestHarness.StartAsync(new DiscordRestEmulatorOptions { TimeProvider = clock });
        var interaction = Interaction.Parse(ToElement(h.Emulator.CreateSlashCommand(10, "diagnose")));
        await h.Client.DeferAsync(interaction, ephemeral: true, Ct);
        clock.Advance(TimeSpan.FromMinutes(15.5));

        var ex = await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.CreateFollowupAsync(interaction, MessagePayload.Text("late"), Ct));

        Assert.Equal(DiscordErrorCodes.InvalidWebhookToken, ex.Code);
    }

    private static System.Text.Json.JsonElement ToElement(JsonObject payload) =>
        System.Text.Json.JsonDocument.Parse(payload.ToJsonString()).RootElement.Clone();
}

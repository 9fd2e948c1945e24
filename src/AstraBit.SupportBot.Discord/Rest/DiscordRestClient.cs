using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>
/// Discord REST API v10 client. Honours per-route buckets, the global limit and 429 answers; retries
/// 5xx and network failures with backoff only where sending twice changes nothing (GET, PUT, PATCH, DELETE,
/// interaction callbacks, opening a DM) or the connection was never made; never retries other 4xx. Every failure surfaces as
/// <see cref="DiscordRestException"/>. Works against discord.com, a proxy, or the emulator
/// (<see cref="DiscordClientOptions.ApiBaseUrl"/>).
/// </summary>
public sealed partial class DiscordRestClient(
    HttpClient http,
    IOptions<DiscordClientOptions> options,
    DiscordRateLimiter rateLimiter,
    DiscordRestRetryPolicy retryPolicy,
    TimeProvider time,
    ILogger<DiscordRestClient> logger,
    DiscordMetrics? metrics = null)
{
    private readonly DiscordClientOptions _options = options.Value;

    /// <summary><c>GET /gateway/bot</c>: the gateway URL, recommended shards and the identify budget.</summary>
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken ct = default)
    {
        using var doc = await SendAsync(new(HttpMethod.Get, "/gateway/bot", "", "gateway/bot"), null, null, ct).ConfigureAwait(false);
        return GatewayBotInfo.Parse(Root(doc));
    }

    /// <summary><c>GET /gateway/bot</c>, returning only the WebSocket URL.</summary>
    public async Task<Uri> GetGatewayUrlAsync(CancellationToken ct = default) =>
        (await GetGatewayBotAsync(ct).ConfigureAwait(false)).Url;

    /// <summary>
    /// <c>PUT /applications/{application_id}/guilds/{guild_id}/commands</c>: replaces all of the guild's
    /// commands with <paramref name="commands"/>. <c>contexts</c> is not sent (global commands only).
    /// </summary>
    public async Task<IReadOnlyList<RegisteredApplicationCommand>> BulkOverwriteGuildCommandsAsync(ulong applicationId, ulong guildId, IEnumerable<ApplicationCommandDefinition> commands, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var body = new JsonArray([.. commands.Select(c => (JsonNode)c.ToJson(includeContexts: false))]);
        var route = new DiscordRoute(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", Id(guildId), $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands");
        using var doc = await SendAsync(route, JsonBody(body), null, ct).ConfigureAwait(false);
        return [.. Root(doc).EnumerateArray().Select(RegisteredApplicationCommand.Parse)];
    }

    /// <summary><c>PUT /applications/{application_id}/commands</c>: replaces all global commands (sends <c>contexts</c>).</summary>
    public async Task<IReadOnlyList<RegisteredApplicationCommand>> BulkOverwriteGlobalCommandsAsync(ulong applicationId, IEnumerable<ApplicationCommandDefinition> commands, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var body = new JsonArray([.. commands.Select(c => (JsonNode)c.ToJson(includeContexts: true))]);
        var route = new DiscordRoute(HttpMethod.Put, "/applications/{application_id}/commands", "", $"applications/{Id(applicationId)}/commands");
        using var doc = await SendAsync(route, JsonBody(body), null, ct).ConfigureAwait(false);
        return [.. Root(doc).EnumerateArray().Select(RegisteredApplicationCommand.Parse)];
    }

    /// <summary>
    /// <c>POST /interactions/{interaction_id}/{interaction_token}/callback</c>: the initial response,
    /// due within 3 seconds of the interaction (else 10062); a second one fails with 40060.
    /// </summary>
    public async Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var route = new DiscordRoute(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", Id(interactionId), $"interactions/{Id(interactionId)}/{Uri.EscapeDataString(interactionToken)}/callback", ExemptFromGlobal: true, Repeatable: true, SingleUse: true);
        var body = response.ToJson();
        using var doc = await SendAsync(route, Body(body, response.Message?.Files), null, ct).ConfigureAwait(false);
        metrics?.Acknowledged((int)response.Type, time.GetUtcNow() - SnowflakeTime(interactionId));
    }

    // The top 42 bits of a snowflake are milliseconds since the Discord epoch (2015-01-01T00:00:00Z).
    private static DateTimeOffset SnowflakeTime(ulong id) => DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 22) + 1_420_070_400_000);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c> for <paramref name="interaction"/>.</summary>
    public Task CreateInteractionResponseAsync(Interaction interaction, InteractionResponse response, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, ct);
    }

    /// <summary><c>POST /interactions/{id}/{token}/callback</c> type 4 (message), optionally ephemeral via the payload's flags.</summary>
    public Task RespondAsync(Interaction interaction, MessagePayload message, CancellationToken ct = default) =>
        CreateInteractionResponseAsync(interaction, InteractionResponse.WithMessage(message), ct);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c> type 5 (deferred message; finish with <see cref="EditOriginalResponseAsync(Interaction, MessagePayload, CancellationToken)"/>).</summary>
    public Task DeferAsync(Interaction interaction, bool ephemeral, CancellationToken ct = default) =>
        CreateInteractionResponseAsync(interaction, InteractionResponse.DeferMessage(ephemeral), ct);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c> type 6 (deferred update of the component's message).</summary>
    public Task DeferUpdateAsync(Interaction interaction, CancellationToken ct = default) =>
        CreateInteractionResponseAsync(interaction, InteractionResponse.DeferUpdate(), ct);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c> type 7 (update the component's message).</summary>
    public Task UpdateMessageAsync(Interaction interaction, MessagePayload message, CancellationToken ct = default) =>
        CreateInteractionResponseAsync(interaction, InteractionResponse.UpdateMessage(message), ct);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c> type 8 (autocomplete suggestions, at most 25).</summary>
    public Task AutocompleteAsync(Interaction interaction, IReadOnlyList<CommandChoice> choices, CancellationToken ct = default) =>
        CreateInteractionResponseAsync(interaction, InteractionResponse.Autocomplete(choices), ct);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c> type 9 (open a modal).</summary>
    public Task OpenModalAsync(Interaction interaction, Modal modal, CancellationToken ct = default) =>
        CreateInteractionResponseAsync(interaction, InteractionResponse.OpenModal(modal), ct);

    /// <summary><c>POST /webhooks/{application_id}/{interaction_token}</c>: a follow-up message (token valid 15 minutes).</summary>
    public async Task<DiscordMessage> CreateFollowupAsync(ulong applicationId, string interactionToken, MessagePayload message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var route = WebhookRoute(HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}", applicationId, interactionToken, "");
        using var doc = await SendAsync(route, Body(message.ToJson(), message.Files), null, ct).ConfigureAwait(false);
        return DiscordMessage.Parse(Root(doc));
    }

    /// <summary><c>POST /webhooks/{application_id}/{interaction_token}</c> for <paramref name="interaction"/>.</summary>
    public Task<DiscordMessage> CreateFollowupAsync(Interaction interaction, MessagePayload message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return CreateFollowupAsync(interaction.ApplicationId, interaction.Token, message, ct);
    }

    /// <summary><c>PATCH /webhooks/{application_id}/{interaction_token}/messages/@original</c>: edit the initial response (finishes a defer).</summary>
    public async Task<DiscordMessage> EditOriginalResponseAsync(ulong applicationId, string interactionToken, MessagePayload message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var route = WebhookRoute(HttpMethod.Patch, "/webhooks/{application_id}/{interaction_token}/messages/@original", applicationId, interactionToken, "/messages/@original");
        using var doc = await SendAsync(route, Body(message.ToJson(edit: true), message.Files), null, ct).ConfigureAwait(false);
        return DiscordMessage.Parse(Root(doc));
    }

    /// <summary><c>PATCH /webhooks/{application_id}/{interaction_token}/messages/@original</c> for <paramref name="interaction"/>.</summary>
    public Task<DiscordMessage> EditOriginalResponseAsync(Interaction interaction, MessagePayload message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, message, ct);
    }

    /// <summary><c>PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}</c>: edit a follow-up.</summary>
    public async Task<DiscordMessage> EditFollowupAsync(ulong applicationId, string interactionToken, ulong messageId, MessagePayload message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var route = WebhookRoute(HttpMethod.Patch, "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", applicationId, interactionToken, "/messages/" + Id(messageId));
        using var doc = await SendAsync(route, Body(message.ToJson(edit: true), message.Files), null, ct).ConfigureAwait(false);
        return DiscordMessage.Parse(Root(doc));
    }

    /// <summary><c>DELETE /webhooks/{application_id}/{interaction_token}/messages/{message_id}</c>: delete a follow-up.</summary>
    public async Task DeleteFollowupAsync(ulong applicationId, string interactionToken, ulong messageId, CancellationToken ct = default)
    {
        var route = WebhookRoute(HttpMethod.Delete, "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", applicationId, interactionToken, "/messages/" + Id(messageId));
        using var doc = await SendAsync(route, null, null, ct).ConfigureAwait(false);
    }

    /// <summary><c>POST /users/@me/channels</c>: open (or get) the DM channel with a user. Sending into it fails with 50007 when the user's DMs are closed.</summary>
    public async Task<DiscordChannel> CreateDmChannelAsync(ulong userId, CancellationToken ct = default)
    {
        var route = new DiscordRoute(HttpMethod.Post, "/users/@me/channels", "", "users/@me/channels", Repeatable: true);
        using var doc = await SendAsync(route, JsonBody(new JsonObject { ["recipient_id"] = Id(userId) }), null, ct).ConfigureAwait(false);
        return DiscordChannel.Parse(Root(doc));
    }

    /// <summary><c>POST /channels/{channel_id}/messages</c>: send a message (multipart when it has files).</summary>
    public async Task<DiscordMessage> CreateMessageAsync(ulong channelId, MessagePayload message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var route = new DiscordRoute(HttpMethod.Post, "/channels/{channel_id}/messages", Id(channelId), $"channels/{Id(channelId)}/messages");
        using var doc = await SendAsync(route, Body(message.ToJson(), message.Files), null, ct).ConfigureAwait(false);
        return DiscordMessage.Parse(Root(doc));
    }

    /// <summary><c>PATCH /channels/{channel_id}/messages/{message_id}</c>: edit one of the bot's messages.</summary>
    public async Task<DiscordMessage> EditMessageAsync(ulong channelId, ulong messageId, MessagePayload message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var route = new DiscordRoute(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", Id(channelId), $"channels/{Id(channelId)}/messages/{Id(messageId)}");
        using var doc = await SendAsync(route, Body(message.ToJson(edit: true), message.Files), null, ct).ConfigureAwait(false);
        return DiscordMessage.Parse(Root(doc));
    }

    /// <summary>
    /// <c>DELETE /channels/{channel_id}/messages/{message_id}</c>: delete a message (another user's needs Manage Messages;
    /// in a DM Discord refuses with 50003). <paramref name="reason"/> goes to the server's audit log.
    /// </summary>
    public async Task DeleteMessageAsync(ulong channelId, ulong messageId, string? reason = null, CancellationToken ct = default)
    {
        var route = new DiscordRoute(HttpMethod.Delete, "/channels/{channel_id}/messages/{message_id}", Id(channelId), $"channels/{Id(channelId)}/messages/{Id(messageId)}");
        using var doc = await SendAsync(route, null, reason, ct).ConfigureAwait(false);
    }

    /// <summary><c>GET /channels/{channel_id}/messages?limit=&amp;before=</c>: newest first; <paramref name="limit"/> 1–100.</summary>
    public async Task<IReadOnlyList<DiscordMessage>> GetChannelMessagesAsync(ulong channelId, int limit = 50, ulong? before = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        var query = "?limit=" + limit.ToString(CultureInfo.InvariantCulture) + (before is { } b ? "&before=" + Id(b) : "");
        var route = new DiscordRoute(HttpMethod.Get, "/channels/{channel_id}/messages", Id(channelId), $"channels/{Id(channelId)}/messages{query}");
        using var doc = await SendAsync(route, null, null, ct).ConfigureAwait(false);
        return [.. Root(doc).EnumerateArray().Select(DiscordMessage.Parse)];
    }

    /// <summary>
    /// <c>POST /channels/{channel_id}/threads</c>: start a private thread (type 12) without a message.
    /// <paramref name="invitable"/> false means only moderators can add members.
    /// </summary>
    public async Task<DiscordChannel> CreatePrivateThreadAsync(ulong channelId, string name, ThreadArchiveDuration autoArchiveDuration = ThreadArchiveDuration.OneWeek, bool invitable = false, string? reason = null, CancellationToken ct = default)
    {
        DiscordLimits.Length(name, 1, DiscordLimits.ThreadName, "thread.name");
        var body = new JsonObject
        {
            ["name"] = name,
            ["type"] = (int)ChannelType.PrivateThread,
            ["invitable"] = invitable,
            ["auto_archive_duration"] = (int)autoArchiveDuration,
        };
        var route = new DiscordRoute(HttpMethod.Post, "/channels/{channel_id}/threads", Id(channelId), $"channels/{Id(channelId)}/threads");
        using var doc = await SendAsync(route, JsonBody(body), reason, ct).ConfigureAwait(false);
        return DiscordChannel.Parse(Root(doc));
    }

    /// <summary><c>PUT /channels/{thread_id}/thread-members/{user_id}</c>: add a member to a thread (the thread must not be archived).</summary>
    public async Task AddThreadMemberAsync(ulong threadId, ulong userId, CancellationToken ct = default)
    {
        var route = new DiscordRoute(HttpMethod.Put, "/channels/{channel_id}/thread-members/{user_id}", Id(threadId), $"channels/{Id(threadId)}/thread-members/{Id(userId)}");
        using var doc = await SendAsync(route, null, null, ct).ConfigureAwait(false);
    }

    /// <summary><c>PATCH /channels/{thread_id}</c>: change a thread's archived / locked state or name, with an audit-log reason.</summary>
    public async Task<DiscordChannel> ModifyThreadAsync(ulong threadId, bool? archived = null, bool? locked = null, string? name = null, string? reason = null, CancellationToken ct = default)
    {
        var body = new JsonObject();
        if (name is not null)
        {
            DiscordLimits.Length(name, 1, DiscordLimits.ThreadName, "thread.name");
            body["name"] = name;
        }

        if (archived is { } a)
        {
            body["archived"] = a;
        }

        if (locked is { } l)
        {
            body["locked"] = l;
        }

        var route = new DiscordRoute(HttpMethod.Patch, "/channels/{channel_id}", Id(threadId), $"channels/{Id(threadId)}");
        using var doc = await SendAsync(route, JsonBody(body), reason, ct).ConfigureAwait(false);
        return DiscordChannel.Parse(Root(doc));
    }

    /// <summary><c>PATCH /channels/{thread_id}</c> with <c>archived: true, locked: true</c> (closing a ticket).</summary>
    public Task<DiscordChannel> ArchiveAndLockThreadAsync(ulong threadId, string? reason = null, CancellationToken ct = default) =>
        ModifyThreadAsync(threadId, archived: true, locked: true, reason: reason, ct: ct);

    /// <summary><c>GET /guilds/{guild_id}/members/{user_id}</c>: a member with their role ids (10007 when not a member).</summary>
    public async Task<GuildMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken ct = default)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/guilds/{guild_id}/members/{user_id}", Id(guildId), $"guilds/{Id(guildId)}/members/{Id(userId)}");
        using var doc = await SendAsync(route, null, null, ct).ConfigureAwait(false);
        return GuildMember.Parse(Root(doc));
    }

    /// <summary><c>GET /users/@me</c>: the bot's own user; 401 when the token is refused.</summary>
    public async Task<DiscordUser> GetCurrentUserAsync(CancellationToken ct = default)
    {
        using var doc = await SendAsync(new(HttpMethod.Get, "/users/@me", "", "users/@me"), null, null, ct).ConfigureAwait(false);
        return DiscordUser.Parse(Root(doc));
    }

    /// <summary><c>GET /applications/@me</c>: the bot's application, with the flags that show which privileged intents are on.</summary>
    public async Task<DiscordApplication> GetCurrentApplicationAsync(CancellationToken ct = default)
    {
        using var doc = await SendAsync(new(HttpMethod.Get, "/applications/@me", "", "applications/@me"), null, null, ct).ConfigureAwait(false);
        return DiscordApplication.Parse(Root(doc));
    }

    /// <summary><c>GET /guilds/{guild_id}</c>: the guild with its roles and owner (403 50001 / 404 10004 when the bot is not in it).</summary>
    public async Task<DiscordGuild> GetGuildAsync(ulong guildId, CancellationToken ct = default)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/guilds/{guild_id}", Id(guildId), $"guilds/{Id(guildId)}");
        using var doc = await SendAsync(route, null, null, ct).ConfigureAwait(false);
        return DiscordGuild.Parse(Root(doc));
    }

    /// <summary><c>GET /guilds/{guild_id}/roles</c>: every role of the guild, @everyone included.</summary>
    public async Task<IReadOnlyList<DiscordRole>> GetGuildRolesAsync(ulong guildId, CancellationToken ct = default)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/guilds/{guild_id}/roles", Id(guildId), $"guilds/{Id(guildId)}/roles");
        using var doc = await SendAsync(route, null, null, ct).ConfigureAwait(false);
        return [.. Root(doc).EnumerateArray().Select(DiscordRole.Parse)];
    }

    /// <summary><c>GET /guilds/{guild_id}/channels</c>: the guild's channels with their overwrites (threads not included).</summary>
    public async Task<IReadOnlyList<DiscordChannel>> GetGuildChannelsAsync(ulong guildId, CancellationToken ct = default)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/guilds/{guild_id}/channels", Id(guildId), $"guilds/{Id(guildId)}/channels");
        using var doc = await SendAsync(route, null, null, ct).ConfigureAwait(false);
        return [.. Root(doc).EnumerateArray().Select(DiscordChannel.Parse)];
    }

    /// <summary><c>GET /channels/{channel_id}</c>: one channel or thread (403 50001 when the bot can't see it, 404 10003 when there is none).</summary>
    public async Task<DiscordChannel> GetChannelAsync(ulong channelId, CancellationToken ct = default)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/channels/{channel_id}", Id(channelId), $"channels/{Id(channelId)}");
        using var doc = await SendAsync(route, null, null, ct).ConfigureAwait(false);
        return DiscordChannel.Parse(Root(doc));
    }

    /// <summary><c>GET /applications/{application_id}/guilds/{guild_id}/commands</c>: the guild commands registered now.</summary>
    public async Task<IReadOnlyList<RegisteredApplicationCommand>> GetGuildCommandsAsync(ulong applicationId, ulong guildId, CancellationToken ct = default)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/applications/{application_id}/guilds/{guild_id}/commands", Id(guildId), $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands");
        using var doc = await SendAsync(route, null, null, ct).ConfigureAwait(false);
        return [.. Root(doc).EnumerateArray().Select(RegisteredApplicationCommand.Parse)];
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static JsonElement Root(JsonDocument? doc) =>
        doc?.RootElement ?? throw new DiscordRestException("Discord answered without a body where one was expected.");

    private static DiscordRoute WebhookRoute(HttpMethod method, string template, ulong applicationId, string token, string suffix) =>
        new(method, template, Id(applicationId) + "/" + token, $"webhooks/{Id(applicationId)}/{Uri.EscapeDataString(token)}{suffix}", ExemptFromGlobal: true);

    private static Func<HttpContent> JsonBody(JsonNode body)
    {
        // Written once as UTF-8 (no intermediate string to encode again); each attempt sends the same bytes.
        var json = Utf8(body);
        return () => JsonContent(json);
    }

    private static ReadOnlyMemory<byte> Utf8(JsonNode body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        return buffer.WrittenMemory;
    }

    private static ReadOnlyMemoryContent JsonContent(ReadOnlyMemory<byte> json)
    {
        var content = new ReadOnlyMemoryContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        return content;
    }

    private static Func<HttpContent> Body(JsonObject payload, IReadOnlyList<FileUpload>? files)
    {
        if (files is not { Count: > 0 })
        {
            return JsonBody(payload);
        }

        var json = Utf8(payload);
        return () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(JsonContent(json), "payload_json");
            for (var i = 0; i < files.Count; i++)
            {
                var file = new ByteArrayContent(files[i].Content.ToArray());
                file.Headers.ContentType = MediaTypeHeaderValue.Parse(files[i].ContentType);
                form.Add(file, $"files[{i}]", files[i].FileName);
            }

            return form;
        };
    }

    private async Task<JsonDocument?> SendAsync(DiscordRoute route, Func<HttpContent>? content, string? reason, CancellationToken ct)
    {
        var serverRetries = 0;
        var rateLimitRetries = 0;
        while (true)
        {
            using var lease = await rateLimiter.AcquireAsync(route, ct).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                using var request = BuildRequest(route, content, reason);
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                lease.Dispose();

                metrics?.RestAnswered(route.Method.Method, route.Template, 0);

                // A connection that was never made carried nothing, so even a POST may go again; any later failure may
                // have reached Discord, and only a repeatable request is sent twice.
                var neverSent = ex.HttpRequestError == HttpRequestError.ConnectionError;
                if (serverRetries >= retryPolicy.MaxServerErrorRetries || !(neverSent || route.SafeToRepeat))
                {
                    throw new DiscordRestException(0, 0, ex.Message, [], route.Method.Method, route.Template, ex);
                }

                await BackoffAsync(route, ++serverRetries, 0, ct).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
            {
                // HttpClient.Timeout: not retried, since the request may already have taken effect.
                throw new DiscordRestException(0, 0, "The request timed out.", [], route.Method.Method, route.Template, ex);
            }

            using (response)
            {
                lease.Update(response);
                await lease.SaveAsync(ct).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                metrics?.RestAnswered(route.Method.Method, route.Template, status);
                if (response.IsSuccessStatusCode)
                {
                    LogCall(logger, route.Method.Method, route.Template, status);
                    return await ReadJsonAsync(response, ct).ConfigureAwait(false);
                }

                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && rateLimitRetries < retryPolicy.MaxRateLimitRetries)
                {
                    rateLimitRetries++;
                    var (retryAfter, global) = ParseTooManyRequests(response, body);
                    LogRateLimited(logger, route.Method.Method, route.Template, retryAfter.TotalMilliseconds, global);
                    metrics?.RateLimited(route.Template, global);
                    lease.TooManyRequests(retryAfter, global);
                    await lease.SaveAsync(ct).ConfigureAwait(false);
                    continue;
                }

                // A 5xx on a POST doesn't say whether Discord acted on it (a 502 from its edge often comes after it did).
                if (status >= 500 && route.SafeToRepeat && serverRetries < retryPolicy.MaxServerErrorRetries)
                {
                    lease.Dispose();
                    await BackoffAsync(route, ++serverRetries, status, ct).ConfigureAwait(false);
                    continue;
                }

                throw ToException(route, response.StatusCode, body);
            }
        }
    }

    private async Task BackoffAsync(DiscordRoute route, int attempt, int status, CancellationToken ct)
    {
        var delay = retryPolicy.BaseDelay * Math.Pow(2, attempt - 1);
        LogRetry(logger, route.Method.Method, route.Template, status, attempt, delay.TotalMilliseconds);
        await Task.Delay(delay, time, ct).ConfigureAwait(false);
    }

    private HttpRequestMessage BuildRequest(DiscordRoute route, Func<HttpContent>? content, string? reason)
    {
        var baseUrl = _options.ApiBaseUrl.AbsoluteUri.TrimEnd('/');
        var request = new HttpRequestMessage(route.Method, new Uri(baseUrl + "/" + route.Path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", $"DiscordBot ({_options.UserAgentUrl}, {_options.UserAgentVersion})");
        if (!string.IsNullOrEmpty(reason))
        {
            request.Headers.TryAddWithoutValidation("X-Audit-Log-Reason", Uri.EscapeDataString(reason));
        }

        request.Content = content?.Invoke();
        return request;
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        return bytes.Length == 0 ? null : JsonDocument.Parse(bytes);
    }

    private static (TimeSpan RetryAfter, bool Global) ParseTooManyRequests(HttpResponseMessage response, string body)
    {
        var retryAfter = TimeSpan.FromSeconds(1);
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g)
            && string.Equals(g.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.Prop("retry_after") is { ValueKind: JsonValueKind.Number } ra)
            {
                retryAfter = TimeSpan.FromSeconds(ra.GetDouble());
            }

            global |= root.Bool("global") ?? false;
        }
        catch (JsonException)
        {
            if (response.Headers.TryGetValues("Retry-After", out var h) && DiscordRateLimiter.TryParseSeconds(h.FirstOrDefault(), out var span))
            {
                retryAfter = span;
            }
        }

        return (retryAfter, global);
    }

    private static DiscordRestException ToException(DiscordRoute route, HttpStatusCode status, string body)
    {
        var code = 0;
        var message = status.ToString();
        var errors = new List<string>();
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            code = root.Int("code") ?? 0;
            message = root.Str("message") ?? message;
            if (root.Prop("errors") is { ValueKind: JsonValueKind.Object } tree)
            {
                FlattenErrors(tree, "", errors);
            }
        }
        catch (JsonException)
        {
            // Not JSON (e.g. a proxy's HTML page): keep the status text.
        }

        return new DiscordRestException(status, code, message, errors, route.Method.Method, route.Template);
    }

    /// <summary>Turns <c>{"embeds":{"0":{"title":{"_errors":[{code,message}]}}}}</c> into "embeds.0.title: message".</summary>
    internal static void FlattenErrors(JsonElement node, string path, List<string> into)
    {
        foreach (var p in node.EnumerateObject())
        {
            if (p.Name == "_errors" && p.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in p.Value.EnumerateArray())
                {
                    into.Add($"{(path.Length == 0 ? "(body)" : path)}: {e.Str("message") ?? e.Str("code") ?? "invalid"}");
                }
            }
            else if (p.Value.ValueKind == JsonValueKind.Object)
            {
                FlattenErrors(p.Value, path.Length == 0 ? p.Name : path + "." + p.Name, into);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord {Method} {Route} answered {Status}")]
    private static partial void LogCall(ILogger logger, string method, string route, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Method} {Route} rate limited for {RetryAfterMs} ms (global: {Global})")]
    private static partial void LogRateLimited(ILogger logger, string method, string route, double retryAfterMs, bool global);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord {Method} {Route} failed with {Status}; retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, string route, int status, int attempt, double delayMs);
}

/// <summary>Thread auto-archive durations Discord accepts, in minutes.</summary>
public enum ThreadArchiveDuration
{
    OneHour = 60,
    OneDay = 1440,
    ThreeDays = 4320,
    OneWeek = 10080,
}

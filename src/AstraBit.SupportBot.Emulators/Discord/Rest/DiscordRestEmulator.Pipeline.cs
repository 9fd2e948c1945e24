using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AstraBit.SupportBot.Emulators.Discord;

public sealed partial class DiscordRestEmulator
{
    private const string ApiPrefix = "/api/v10/";

    private sealed record Reply(int Status, JsonNode? Json, int ErrorCode = 0);

    private sealed record Match(string Route, IReadOnlyDictionary<string, string> Args, string Major);

    private static Reply Error(int status, int code, string message, JsonObject? errors = null)
    {
        var body = new JsonObject { ["message"] = message, ["code"] = code };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return new Reply(status, body, code);
    }

    private static Reply Invalid(FormErrors errors) => Error(400, 50035, "Invalid Form Body", errors.Tree);

    private async Task HandleAsync(HttpContext ctx)
    {
        try
        {
            await HandleCoreAsync(ctx).ConfigureAwait(false);
        }
        catch (Exception ex) when (ctx.RequestAborted.IsCancellationRequested || ClientHungUpMidBody(ex))
        {
            // The client hung up (a bot that stopped mid-request): as for Discord, nothing failed on this side.
        }
        catch (Exception ex)
        {
            _serverErrors.Enqueue(ex);
            if (!ctx.Response.HasStarted)
            {
                ctx.Response.StatusCode = 500;
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("""{"message":"emulator failure","code":0}""").ConfigureAwait(false);
            }
        }
    }

    // Kestrel's answer when the connection closes before the body it announced has arrived.
    private static bool ClientHungUpMidBody(Exception ex) =>
        ex is BadHttpRequestException bad && bad.Message.StartsWith("Unexpected end of request content", StringComparison.Ordinal);

    private async Task HandleCoreAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        var path = request.Path.Value ?? "";
        if (IsAttachmentPath(path))
        {
            await ServeAttachmentAsync(ctx, path).ConfigureAwait(false);
            return;
        }

        var match = path.StartsWith(ApiPrefix, StringComparison.Ordinal) ? MatchRoute(request.Method, path[ApiPrefix.Length..]) : null;

        string? body = null;
        List<EmulatedAttachment> files = [];
        var contentType = request.ContentType;
        if (contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
            body = form["payload_json"].ToString();
            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                using var ms = new MemoryStream();
                await file.CopyToAsync(ms, ctx.RequestAborted).ConfigureAwait(false);
                var index = file.Name.StartsWith("files[", StringComparison.Ordinal)
                    ? ulong.Parse(file.Name[6..^1], CultureInfo.InvariantCulture) : (ulong)files.Count;
                files.Add(new EmulatedAttachment(index, file.FileName, file.ContentType, ms.ToArray()));
            }
        }
        else
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        }

        var reasonHeader = request.Headers["X-Audit-Log-Reason"].ToString();
        var recorded = new RecordedRequest(
            request.Method,
            path + request.QueryString.Value,
            match?.Route,
            match?.Major,
            request.Headers.Authorization.ToString(),
            request.Headers.UserAgent.ToString(),
            string.IsNullOrEmpty(reasonHeader) ? null : Uri.UnescapeDataString(reasonHeader),
            contentType,
            body,
            files,
            _clock.GetUtcNow());

        TaskCompletionSource? held = null;
        lock (_lock)
        {
            if (match is not null && _holds.TryGetValue(match.Route, out held))
            {
                _requests.Add(recorded);
            }
        }

        if (held is not null)
        {
            Pulse();
            await held.Task.WaitAsync(ctx.RequestAborted).ConfigureAwait(false);
        }

        Reply reply;
        lock (_lock)
        {
            if (held is null)
            {
                _requests.Add(recorded);
            }

            reply = Dispatch(ctx, match, recorded, body, files);
            recorded.Status = reply.Status;
            recorded.ErrorCode = reply.ErrorCode;
        }

        Pulse();
        ctx.Response.StatusCode = reply.Status;
        if (reply.Json is not null)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(reply.Json.ToJsonString(), ctx.RequestAborted).ConfigureAwait(false);
        }
    }

    private Match? MatchRoute(string method, string rest)
    {
        var segments = rest.Split('?')[0].Split('/');
        foreach (var route in DiscordRestRoutes.All)
        {
            var space = route.IndexOf(' ', StringComparison.Ordinal);
            if (!string.Equals(route[..space], method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var template = route[(space + 2)..].Split('/');
            if (template.Length != segments.Length)
            {
                continue;
            }

            var args = new Dictionary<string, string>(StringComparer.Ordinal);
            var ok = true;
            for (var i = 0; i < template.Length && ok; i++)
            {
                if (template[i].StartsWith('{'))
                {
                    args[template[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
                }
                else
                {
                    ok = template[i] == segments[i];
                }
            }

            if (!ok)
            {
                continue;
            }

            var major = args.TryGetValue("channel_id", out var c) ? c
                : args.TryGetValue("guild_id", out var g) ? g
                : args.TryGetValue("interaction_id", out var inter) ? inter
                : args.TryGetValue("interaction_token", out var t) ? args["application_id"] + "/" + t
                : "";
            return new Match(route, args, major);
        }

        return null;
    }

    private Reply Dispatch(HttpContext ctx, Match? match, RecordedRequest recorded, string? body, IReadOnlyList<EmulatedAttachment> files)
    {
        if (match is null)
        {
            return Error(404, 0, "404: Not Found");
        }

        if (_outage)
        {
            return Error(503, 0, "503: Service Unavailable");
        }

        var exemptFromAuth = match.Route.Contains("{interaction_token}", StringComparison.Ordinal);
        if (!exemptFromAuth && recorded.Authorization != "Bot " + _options.Token)
        {
            return WithBucketHeaders(ctx, match, Error(401, 0, "401: Unauthorized"));
        }

        if (_scripted429.TryGetValue(match.Route, out var q429) && q429.TryDequeue(out var scripted))
        {
            return TooManyRequests(ctx, match, scripted.RetryAfter, scripted.Global);
        }

        var (limit, window) = _limits.TryGetValue(match.Route, out var l) ? l : (_options.DefaultBucketLimit, _options.DefaultBucketWindow);
        var key = match.Route + "|" + match.Major;
        var now = _clock.GetUtcNow();
        var state = _windows.TryGetValue(key, out var w) && now < w.Start + window ? w : (Start: now, Count: 0);
        state.Count++;
        _windows[key] = state;
        _maxPerWindow[key] = Math.Max(_maxPerWindow.GetValueOrDefault(key), state.Count);
        SetBucketHeaders(ctx, match, limit, Math.Max(0, limit - state.Count), state.Start + window - now);
        if (state.Count > limit)
        {
            _violations[key] = _violations.GetValueOrDefault(key) + 1;
            return TooManyRequests(ctx, match, state.Start + window - now, global: false);
        }

        if (match.Route == DiscordRestRoutes.CreateMessage && recorded.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true
            && _uploadFailures.TryDequeue(out var uploadStatus))
        {
            return Error(uploadStatus, 0, $"{uploadStatus}: Server Error");
        }

        if (_scriptedFailures.TryGetValue(match.Route, out var failures) && failures.TryDequeue(out var status))
        {
            return Error(status, 0, $"{status}: Server Error");
        }

        JsonNode? json = null;
        if (!string.IsNullOrEmpty(body))
        {
            var ct = recorded.ContentType ?? "";
            if (!ct.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !ct.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var errors = new FormErrors();
                errors.Add("", "CONTENT_TYPE_INVALID", "Expected Content-Type application/json or multipart/form-data.");
                return Invalid(errors);
            }

            try
            {
                json = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return Error(400, 50109, "The request body contains invalid JSON.");
            }
        }

        var query = ctx.Request.Query;
        recorded.UnknownFields = DiscordSchema.UnknownFields(match.Route, json, query.Keys);
        var reply = Act(match, recorded, json, files, query);

        // As Discord's edge does when the origin is slow: the request took effect, the answer says it failed.
        return _scriptedFailuresAfter.TryGetValue(match.Route, out var after) && after.TryDequeue(out var lateStatus)
            ? Error(lateStatus, 0, $"{lateStatus}: Bad Gateway")
            : reply;
    }

    private Reply Act(Match match, RecordedRequest recorded, JsonNode? json, IReadOnlyList<EmulatedAttachment> files, IQueryCollection query)
    {
        return match.Route switch
        {
            DiscordRestRoutes.GetGatewayBot => GatewayBot(),
            DiscordRestRoutes.BulkOverwriteGuildCommands => BulkOverwrite(match, json),
            DiscordRestRoutes.BulkOverwriteGlobalCommands => BulkOverwrite(match, json),
            DiscordRestRoutes.InteractionCallback => Callback(match, json as JsonObject, files, query["with_response"] == "true"),
            DiscordRestRoutes.CreateFollowup => Followup(match, json as JsonObject, files),
            DiscordRestRoutes.EditOriginal => EditWebhookMessage(match, json as JsonObject, files, original: true),
            DiscordRestRoutes.EditFollowup => EditWebhookMessage(match, json as JsonObject, files, original: false),
            DiscordRestRoutes.DeleteOriginal or DiscordRestRoutes.DeleteFollowup => DeleteWebhookMessage(match),
            DiscordRestRoutes.CreateDm => CreateDm(json as JsonObject),
            DiscordRestRoutes.CreateMessage => CreateMessage(match, json as JsonObject, files),
            DiscordRestRoutes.EditMessage => EditMessage(match, json as JsonObject, files),
            DiscordRestRoutes.GetMessages => GetMessages(match, query["limit"].ToString(), query["before"].ToString()),
            DiscordRestRoutes.StartThread => StartThread(match, json as JsonObject, recorded.AuditLogReason),
            DiscordRestRoutes.AddThreadMember => AddThreadMember(match),
            DiscordRestRoutes.ModifyChannel => ModifyChannel(match, json as JsonObject, recorded.AuditLogReason),
            DiscordRestRoutes.GetGuildMember => GetMember(match),
            DiscordRestRoutes.DeleteMessage => DeleteMessage(match),
            DiscordRestRoutes.GetCurrentUser => CurrentUser(),
            DiscordRestRoutes.GetCurrentApplication => CurrentApplication(),
            DiscordRestRoutes.GetGuild => GetGuild(match),
            DiscordRestRoutes.GetGuildRoles => GetRoles(match),
            DiscordRestRoutes.GetGuildChannels => GetGuildChannels(match),
            DiscordRestRoutes.GetChannel => GetChannel(match),
            DiscordRestRoutes.GetGuildCommands => GetGuildCommands(match),
            _ => Error(404, 0, "404: Not Found"),
        };
    }

    private Reply WithBucketHeaders(HttpContext ctx, Match match, Reply reply)
    {
        var (limit, window) = _limits.TryGetValue(match.Route, out var l) ? l : (_options.DefaultBucketLimit, _options.DefaultBucketWindow);
        SetBucketHeaders(ctx, match, limit, limit, window);
        return reply;
    }

    private void SetBucketHeaders(HttpContext ctx, Match match, int limit, int remaining, TimeSpan resetAfter)
    {
        var h = ctx.Response.Headers;
        var reset = _clock.GetUtcNow() + resetAfter;
        h["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        h["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        h["X-RateLimit-Reset"] = (reset.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        h["X-RateLimit-Reset-After"] = Math.Max(0, resetAfter.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);
        h["X-RateLimit-Bucket"] = BucketHash(match.Route);
    }

    private Reply TooManyRequests(HttpContext ctx, Match match, TimeSpan retryAfter, bool global)
    {
        var (limit, _) = _limits.TryGetValue(match.Route, out var l) ? l : (_options.DefaultBucketLimit, _options.DefaultBucketWindow);
        SetBucketHeaders(ctx, match, limit, 0, retryAfter);
        var seconds = retryAfter.TotalSeconds;
        ctx.Response.Headers["Retry-After"] = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
        ctx.Response.Headers["X-RateLimit-Scope"] = global ? "global" : "user";
        if (global)
        {
            ctx.Response.Headers["X-RateLimit-Global"] = "true";
        }

        return new Reply(429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = Math.Round(seconds, 3), ["global"] = global }, 429);
    }

    private static string BucketHash(string route)
    {
        // Stable, opaque per-route hash like Discord's X-RateLimit-Bucket.
        var hash = 2166136261u;
        foreach (var ch in route)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}

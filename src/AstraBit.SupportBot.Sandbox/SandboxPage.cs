using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Sandbox;

/// <summary>
/// The page on 127.0.0.1: static HTML/CSS/JS from this assembly, the state as server-sent events (the messages
/// exactly as the bot sent them to the emulator, the pending forms, the Bybit accounts, the clock), and one
/// endpoint per thing a person can do. Every action goes through the emulators, never into the bot.
/// </summary>
public sealed class SandboxPage : IAsyncDisposable
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private readonly Sandbox _sandbox;
    private readonly WebApplication _app;
    private readonly HashSet<ulong> _closedForms = [];
    private readonly Lock _lock = new();

    private SandboxPage(Sandbox sandbox, WebApplication app)
    {
        _sandbox = sandbox;
        _app = app;
    }

    public Uri Url { get; private set; } = null!;

    public static async Task<SandboxPage> StartAsync(Sandbox sandbox, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var page = new SandboxPage(sandbox, app);
        page.Map(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        page.Url = new Uri(address.TrimEnd('/') + "/");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(GuardAsync);
        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        app.MapGet("/favicon.svg", () => Asset("favicon.svg", "image/svg+xml"));
        app.MapGet("/favicon.ico", () => Asset("favicon.svg", "image/svg+xml"));
        app.MapGet("/app.js", () => Asset("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/app.css", () => Asset("app.css", "text/css; charset=utf-8"));
        app.MapGet("/events", StreamAsync);
        app.MapGet("/files/{messageId}/{index:int}", File);
        app.MapPost("/api/command", (Func<JsonObject, Task<IResult>>)CommandAsync);
        app.MapPost("/api/suggest", (Func<JsonObject, Task<IResult>>)SuggestAsync);
        app.MapPost("/api/user-command", (Func<JsonObject, Task<IResult>>)UserCommandAsync);
        app.MapPost("/api/click", (Func<JsonObject, Task<IResult>>)ClickAsync);
        app.MapPost("/api/select", (Func<JsonObject, Task<IResult>>)SelectAsync);
        app.MapPost("/api/form", (Func<JsonObject, Task<IResult>>)SubmitFormAsync);
        app.MapPost("/api/form/cancel", (Func<JsonObject, IResult>)CancelForm);
        app.MapPost("/api/bybit", (Func<JsonObject, IResult>)SetBybit);
        app.MapPost("/api/clock", (Func<JsonObject, IResult>)AdvanceClock);
        app.MapPost("/api/locale", (Func<JsonObject, IResult>)SetLocale);
    }

    /// <summary>
    /// The page is an HTTP server on a person's machine. A request naming another host (a page elsewhere reaching it
    /// through DNS rebinding) is refused before it is routed, so it reads and changes nothing; a change posted from
    /// another origin is refused too. Every answer forbids inline or foreign script, framing and content sniffing.
    /// </summary>
    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        var host = context.Request.Host.Value ?? "";
        var port = Url.Port.ToString(CultureInfo.InvariantCulture);
        if (!string.Equals(host, Url.Authority, StringComparison.OrdinalIgnoreCase) && !string.Equals(host, "localhost:" + port, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            await context.Response.WriteAsync($"This sandbox answers only at {Url.Authority}.");
            return;
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (!HttpMethods.IsGet(context.Request.Method) && origin.Length > 0
            && !string.Equals(origin, $"http://{host}", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Changes come only from the sandbox's own page.");
            return;
        }

        await next(context);
    }

    private static IResult Asset(string name, string contentType)
    {
        var stream = typeof(SandboxPage).Assembly.GetManifestResourceStream("page/" + name)
            ?? throw new InvalidOperationException($"The page asset {name} is not embedded.");
        return Results.Stream(stream, contentType);
    }

    private async Task StreamAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        while (!aborted.IsCancellationRequested)
        {
            // Armed before the snapshot is taken, so a change made while it is written is not missed.
            var next = Task.WhenAny(_sandbox.Discord.Rest.NextChange, _sandbox.NextChange);
            await context.Response.WriteAsync("data: " + SandboxState.Build(_sandbox, OpenForms()).ToJsonString() + "\n\n", aborted);
            await context.Response.Body.FlushAsync(aborted);
            try
            {
                await next.WaitAsync(aborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private IResult File(string messageId, int index)
    {
        var message = FindMessage(messageId);
        if (message is null || index < 0 || index >= message.Attachments.Count)
        {
            return Results.NotFound();
        }

        var file = message.Attachments[index];
        return Results.File(file.Content, file.ContentType ?? "text/plain; charset=utf-8");
    }

    private Task<IResult> CommandAsync(JsonObject body) => ActAsync(async () =>
    {
        var member = Person(body);
        var channel = Id(body, "channelId");
        var text = Str(body, "text").Trim();
        if (text.Length == 0)
        {
            throw new ArgumentException("Type a message or a command.");
        }

        if (text.StartsWith('/'))
        {
            var id = await member.RunCommandAsync(text, channel);
            var name = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => !w.Contains(':', StringComparison.Ordinal)));
            _sandbox.RecordCommand(id, _sandbox.Discord.Rest.UserName(member.UserId), name);
        }
        else
        {
            await member.SayAsync(channel, text);
        }
    });

    // The choices under the message box for the option being typed: asked of the bot (autocomplete) or the emulator (pickers).
    private async Task<IResult> SuggestAsync(JsonObject body)
    {
        try
        {
            var found = await Person(body).SuggestAsync(Str(body, "text"), Id(body, "channelId"));
            return Results.Json(new JsonObject
            {
                ["choices"] = new JsonArray([.. found.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["value"] = c.Value })]),
            });
        }
        catch (Exception ex) when (ex is ArgumentException or TimeoutException)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
    }

    private Task<IResult> UserCommandAsync(JsonObject body) => ActAsync(async () =>
    {
        var member = Person(body);
        var id = await member.RunUserCommandAsync(Str(body, "name"), Id(body, "targetId"), Id(body, "channelId"));
        _sandbox.RecordCommand(id, _sandbox.Discord.Rest.UserName(member.UserId), Str(body, "name"));
    });

    private Task<IResult> ClickAsync(JsonObject body) => ActAsync(async () =>
        await Person(body).ClickAsync(Message(body), Str(body, "customId")));

    private Task<IResult> SelectAsync(JsonObject body) => ActAsync(async () =>
        await Person(body).SelectAsync(Message(body), Str(body, "customId"), (body["values"] as JsonArray ?? []).Select(v => v!.GetValue<string>())));

    private Task<IResult> SubmitFormAsync(JsonObject body) => ActAsync(async () =>
    {
        var openedBy = Id(body, "interactionId");
        if (body["answers"] is JsonObject answers)
        {
            await Person(body).SubmitFormAsync(openedBy, [.. answers.Select(kv => Answer(kv.Key, kv.Value))]);
        }
        else
        {
            var values = (body["values"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "");
            await Person(body).SubmitFormAsync(openedBy, values);
        }

        CloseForm(openedBy);
    });

    // The page sends each answer as the input gives it: text, a list of chosen values, a tick, or files with their bytes in base64.
    private static ModalAnswer Answer(string customId, JsonNode? value) => value switch
    {
        JsonArray files when files.Count > 0 && files[0] is JsonObject => ModalAnswer.Uploaded(customId, files.OfType<JsonObject>().Select(f => new MemberFile(
            Str(f, "name"), Convert.FromBase64String(Str(f, "data")), f["type"]?.GetValue<string>() is { Length: > 0 } type ? type : "application/octet-stream"))),
        JsonArray chosen => ModalAnswer.Chosen(customId, chosen.Select(v => v?.GetValue<string>() ?? "")),
        JsonValue tick when tick.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => ModalAnswer.Checked(customId, tick.GetValue<bool>()),
        _ => ModalAnswer.Typed(customId, value?.GetValue<string>() ?? ""),
    };

    private IResult CancelForm(JsonObject body)
    {
        CloseForm(Id(body, "interactionId"));
        return Results.Ok();
    }

    /// <summary>The person's Discord client language: their interactions carry it as <c>locale</c> from now on.</summary>
    private IResult SetLocale(JsonObject body)
    {
        try
        {
            var person = SandboxPeople.Find(Str(body, "person"));
            var locale = Str(body, "locale");
            if (!SandboxPeople.Languages.Any(l => l.Locale == locale))
            {
                return Results.BadRequest(new { error = $"No language '{locale}'. Known: {string.Join(", ", SandboxPeople.Languages.Select(l => l.Locale))}." });
            }

            _sandbox.Discord.Rest.SetLocale(person.UserId, locale);
            _sandbox.Changed();
            return Results.Ok();
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
    }

    private IResult SetBybit(JsonObject body)
    {
        try
        {
            BybitSwitches.Apply(_sandbox.Bybit, Str(body, "account"), Str(body, "setting"), body["value"]);
            _sandbox.Changed();
            return Results.Ok();
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
    }

    private IResult AdvanceClock(JsonObject body)
    {
        var minutes = body["minutes"]?.GetValue<int>() ?? 0;
        if (minutes <= 0)
        {
            return Results.BadRequest(new { error = "Advance by a positive number of minutes." });
        }

        _sandbox.Clock.Advance(TimeSpan.FromMinutes(minutes));
        _sandbox.Changed();
        return Results.Ok();
    }

    private async Task<IResult> ActAsync(Func<Task> action)
    {
        try
        {
            await action();
            _sandbox.Changed();
            return Results.Ok();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
        catch (DiscordRefusedException ex)
        {
            return Results.Json(new { error = $"Discord refused: {ex.Message}" }, statusCode: StatusCodes.Status403Forbidden);
        }
    }

    private DiscordMember Person(JsonObject body) => new(_sandbox.Discord, SandboxPeople.Find(Str(body, "person")).UserId);

    private EmulatedMessage Message(JsonObject body) =>
        FindMessage(Str(body, "messageId")) ?? throw new ArgumentException("That message is gone.");

    private EmulatedMessage? FindMessage(string id) =>
        ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var mid)
            ? _sandbox.Discord.Rest.Messages.FirstOrDefault(m => m.Id == mid)
            : null;

    private HashSet<ulong> OpenForms()
    {
        lock (_lock)
        {
            return [.. _sandbox.Discord.Rest.Callbacks.Where(c => c.Type == 9 && c.Accepted && !_closedForms.Contains(c.InteractionId)).Select(c => c.InteractionId)];
        }
    }

    private void CloseForm(ulong interactionId)
    {
        lock (_lock)
        {
            _closedForms.Add(interactionId);
        }

        _sandbox.Changed();
    }

    private static string Str(JsonObject body, string name) =>
        body[name]?.GetValue<string>() ?? throw new ArgumentException($"'{name}' is missing.");

    private static ulong Id(JsonObject body, string name) =>
        ulong.TryParse(Str(body, name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new ArgumentException($"'{name}' is not an id.");
}

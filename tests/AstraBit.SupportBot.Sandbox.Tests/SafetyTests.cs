using System.Net;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AstraBit.SupportBot.Sandbox.Tests;

/// <summary>
/// The sandbox is an HTTP server on a person's machine: another web page must not reach it (DNS rebinding names
/// another host), every answer forbids foreign script and sniffing, and the bot it starts is configured by the
/// sandbox alone, whatever the operator's shell holds.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class SafetyTests(SandboxFixture fixture)
{
    private static readonly HttpClient Http = new();

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/events")]
    [InlineData("GET", "/app.js")]
    public async Task ForeignHost_Read_Refused(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(fixture.Sandbox.PageUrl, path));
        request.Headers.Host = $"rebind.attacker.example:{fixture.Sandbox.PageUrl.Port}";

        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain("text/event-stream", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignHost_AdvanceClock_RefusedAndClockUnchanged()
    {
        var before = fixture.Sandbox.Clock.Offset;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Sandbox.PageUrl, "/api/clock"))
        {
            Content = new StringContent("""{"minutes":10080}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "127.0.0.1.nip.example";

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(before, fixture.Sandbox.Clock.Offset);
    }

    [Fact]
    public async Task OtherOrigin_Post_RefusedAndClockUnchanged()
    {
        var before = fixture.Sandbox.Clock.Offset;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Sandbox.PageUrl, "/api/clock"))
        {
            Content = new StringContent("""{"minutes":10080}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://attacker.example");

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, fixture.Sandbox.Clock.Offset);
    }

    [Fact]
    public async Task OwnHost_Page_SendsContentSecurityPolicyAndNoSniff()
    {
        using var response = await Http.GetAsync(fixture.Sandbox.PageUrl, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task PageLoad_NoConsoleErrorsNorFailedRequests()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync(fixture.Sandbox.PageUrl.ToString());
        await Expect(page.GetByText("Bot: running")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        // Headless Chromium may not ask for the icon itself: ask for what a browser would.
        var icon = await page.APIRequest.GetAsync(new Uri(fixture.Sandbox.PageUrl, "/favicon.ico").ToString());

        Assert.Empty(problems);
        Assert.Equal(200, icon.Status);
        Assert.StartsWith("image/", icon.Headers["content-type"], StringComparison.Ordinal);
        await context.DisposeAsync();
    }

    [Fact]
    public async Task OperatorEnvironment_DiscordAndStorageSettings_DoNotReachTheSandboxBot()
    {
        string[] names = ["Discord__Token", "Discord__GuildId", "Bybit__BaseUrl", "Storage__Path"];
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        Environment.SetEnvironmentVariable("Discord__Token", " ");
        Environment.SetEnvironmentVariable("Discord__GuildId", "1");
        Environment.SetEnvironmentVariable("Bybit__BaseUrl", "http://127.0.0.1:9/");
        Environment.SetEnvironmentVariable("Storage__Path", "/proc/not-a-place-for-data/supportbot.db");
        try
        {
            await using var sandbox = await Sandbox.StartAsync(new SandboxOptions { ContentDirectory = fixture.ContentFolder }, TestContext.Current.CancellationToken);

            Assert.Equal("running", sandbox.Bot.Status);
            var registered = sandbox.Discord.Rest.GetRegisteredCommands(sandbox.Discord.Options.GuildId);
            Assert.NotEmpty(registered);
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}

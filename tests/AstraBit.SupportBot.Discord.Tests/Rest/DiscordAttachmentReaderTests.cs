using System.Text;
using System.Text.Json;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>Reading members' attachments from the emulator's attachment host, at the wire level.</summary>
public sealed class DiscordAttachmentReaderTests
{
    private const ulong Member = 1_700_000_000_000_000_001;
    private const int Limit = 1024;

    [Theory]
    [InlineData("https://cdn.discordapp.com/attachments/1/2/log.txt?ex=1&is=2&hm=3", true)]
    [InlineData("https://media.discordapp.net/attachments/1/2/log.txt", true)]
    [InlineData("https://CDN.DiscordApp.com/attachments/1/2/log.txt", true)]
    [InlineData("http://cdn.discordapp.com/attachments/1/2/log.txt", false)]
    [InlineData("https://cdn.discordapp.com:8443/attachments/1/2/log.txt", false)]
    [InlineData("https://cdn.discordapp.com.example.net/attachments/1/2/log.txt", false)]
    [InlineData("https://user:pw@cdn.discordapp.com/attachments/1/2/log.txt", false)]
    [InlineData("https://example.com/attachments/1/2/log.txt", false)]
    [InlineData("https://discordapp.com/attachments/1/2/log.txt", false)]
    [InlineData("http://127.0.0.1:5055/attachments/1/2/3/log.txt", true)]
    [InlineData("http://127.0.0.1:5056/attachments/1/2/3/log.txt", false)]
    [InlineData("https://127.0.0.1:5055/attachments/1/2/3/log.txt", false)]
    [InlineData("http://localhost:5055/attachments/1/2/3/log.txt", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsAllowed_DiscordsAttachmentHostsAndTheApisOwnOrigin_Only(string url, bool allowed)
    {
        var reader = new DiscordAttachmentReader(new HttpClient(), Options.Create(new DiscordClientOptions { ApiBaseUrl = new Uri("http://127.0.0.1:5055/api/v10") }));

        Assert.Equal(allowed, reader.IsAllowed(new Uri(url)));
    }

    [Fact]
    public async Task ReadTextAsync_SmallFileOnTheEmulatorsHost_ReadWithoutTheBotToken()
    {
        await using var setup = await Setup.StartAsync();
        var text = "2026-12-07 bot started\nretCode 10003 ünïcödé\n";
        var attachment = setup.Post(new MemberFile("bot.log", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]));

        var read = await setup.Reader.ReadTextAsync(attachment, Limit, CancellationToken.None);

        Assert.Equal(AttachmentReadStatus.Read, read.Status);
        Assert.Equal(text, read.Text);
        var request = Assert.Single(setup.Emulator.RequestsFor(DiscordRestEmulator.AttachmentRoute));
        Assert.Equal(200, request.Status);
        Assert.True(string.IsNullOrEmpty(request.Authorization), "the bot token went to the attachment host");
    }

    [Fact]
    public async Task ReadTextAsync_StatedSizeOverTheLimit_NothingRequested()
    {
        await using var setup = await Setup.StartAsync();
        var attachment = setup.Post(new MemberFile("big.txt", new byte[Limit + 1]));

        var read = await setup.Reader.ReadTextAsync(attachment, Limit, CancellationToken.None);

        Assert.Equal(AttachmentReadStatus.TooLarge, read.Status);
        Assert.Empty(setup.Emulator.RequestsFor(DiscordRestEmulator.AttachmentRoute));
    }

    [Fact]
    public async Task ReadTextAsync_SizeUnderstated_ReadingStopsAtTheLimit()
    {
        await using var setup = await Setup.StartAsync();
        var attachment = setup.Post(new MemberFile("big.txt", Encoding.ASCII.GetBytes(new string('x', Limit * 4))));

        var read = await setup.Reader.ReadTextAsync(attachment with { Size = 10 }, Limit, CancellationToken.None);

        Assert.Equal(AttachmentReadStatus.TooLarge, read.Status);
        Assert.Null(read.Text);
    }

    [Fact]
    public async Task ReadTextAsync_UrlOnAnotherHost_NeverRequested()
    {
        await using var setup = await Setup.StartAsync();
        await using var elsewhere = await DiscordRestEmulator.StartAsync();
        var attachment = setup.Post(new MemberFile("keys.txt", Encoding.UTF8.GetBytes("secret")));
        var foreign = attachment with { Url = new Uri(new Uri(elsewhere.ApiBaseUrl, "/"), attachment.Url!.PathAndQuery) };

        var read = await setup.Reader.ReadTextAsync(foreign, Limit, CancellationToken.None);

        Assert.Equal(AttachmentReadStatus.HostNotAllowed, read.Status);
        Assert.Empty(elsewhere.Requests);
        Assert.Empty(setup.Emulator.RequestsFor(DiscordRestEmulator.AttachmentRoute));
    }

    [Fact]
    public async Task ReadTextAsync_Redirect_NotFollowed()
    {
        await using var setup = await Setup.StartAsync();
        await using var elsewhere = await DiscordRestEmulator.StartAsync();
        var attachment = setup.Post(new MemberFile("config.json", Encoding.UTF8.GetBytes("{}")));
        setup.Emulator.RedirectAttachment(attachment.Id, new Uri(new Uri(elsewhere.ApiBaseUrl, "/"), attachment.Url!.PathAndQuery));

        var read = await setup.Reader.ReadTextAsync(attachment, Limit, CancellationToken.None);

        Assert.Equal(AttachmentReadStatus.Failed, read.Status);
        Assert.Contains("redirect", read.Problem, StringComparison.Ordinal);
        Assert.Equal(302, Assert.Single(setup.Emulator.RequestsFor(DiscordRestEmulator.AttachmentRoute)).Status);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task ReadTextAsync_UnknownFile_FailsNamingTheStatus()
    {
        await using var setup = await Setup.StartAsync();
        var attachment = setup.Post(new MemberFile("gone.txt", Encoding.UTF8.GetBytes("x")));
        var missing = attachment with { Url = new Uri(attachment.Url!.AbsoluteUri.Replace("gone.txt", "other.txt", StringComparison.Ordinal)) };

        var read = await setup.Reader.ReadTextAsync(missing, Limit, CancellationToken.None);

        Assert.Equal(AttachmentReadStatus.Failed, read.Status);
        Assert.Equal("answered HTTP 404", read.Problem);
    }

    private sealed class Setup(DiscordRestEmulator emulator, ServiceProvider services) : IAsyncDisposable
    {
        public DiscordRestEmulator Emulator => emulator;

        public DiscordAttachmentReader Reader { get; } = services.GetRequiredService<DiscordAttachmentReader>();

        public static async Task<Setup> StartAsync()
        {
            var emulator = await DiscordRestEmulator.StartAsync();
            var services = new ServiceCollection();
            services.Configure<DiscordClientOptions>(o =>
            {
                o.Token = emulator.Token;
                o.ApiBaseUrl = emulator.ApiBaseUrl;
            });
            services.AddDiscordAttachments();
            return new Setup(emulator, services.BuildServiceProvider());
        }

        // The attachment as the bot reads it from the MESSAGE_CREATE the emulator builds.
        public MessageAttachment Post(MemberFile file)
        {
            var json = emulator.PostMemberMessage(Member, emulator.DefaultChannelId, "see attached", [file]);
            using var document = JsonDocument.Parse(json.ToJsonString());
            var a = document.RootElement.GetProperty("attachments")[0];
            return new MessageAttachment(
                ulong.Parse(a.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                a.GetProperty("filename").GetString()!,
                a.GetProperty("size").GetInt32(),
                new Uri(a.GetProperty("url").GetString()!));
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            await emulator.DisposeAsync();
        }
    }
}

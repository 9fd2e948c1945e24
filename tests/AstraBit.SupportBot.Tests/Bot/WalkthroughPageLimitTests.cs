using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.Tests.Languages;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Tests.Bot;

/// <summary>
/// Every page of the shipped guide, in every shipped language, for every account type, as the Components V2 message
/// the member gets: within Discord's limits (40 components counting nested ones, 4,000 characters of text displays,
/// custom_id ≤ 100, button label ≤ 80, select ≤ 25 options), whole (nothing of the page cut, even under the longest
/// notice the bot puts above it), "Check it now" beside the step's text, and accepted by the Discord emulator both as a
/// new message and as the edit that upgrades an old embed page. A check's result beside a page stays within the limits
/// however long the report.
/// </summary>
public sealed class WalkthroughPageLimitTests
{
    private static readonly WalkthroughEngine Engine = new(
        ContentVariants.Load(Path.Combine(Path.GetDirectoryName(ShippedTexts.Directory)!, "guide.json"), (path, _) => GuideContentLoader.LoadFile(path, DiscordContentLimits.Value), m => new GuideContentException(m)),
        new GuideValues(50m, 100m, new Uri("https://partner.bybit.com/b/astrabit"), "support@astrabit.example"),
        ShippedTexts.Catalog,
        TimeProvider.System);

    public static TheoryData<string> Locales => [.. ShippedTexts.Catalog.Locales.Order(StringComparer.Ordinal)];

    [Fact]
    public void Locales_AreTheEightShipped() => Assert.Equal(8, Locales.Count);

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task EveryPage_InThisLanguage_FitsWholeWithinDiscordsV2Limits_AndPassesTheEmulator(string locale)
    {
        var texts = ShippedTexts.Catalog.For(locale);
        await using var discord = await EmulatedDiscord.StartAsync();
        var pages = 0;
        foreach (var (view, notice) in EveryPage(locale, texts))
        {
            var message = WalkthroughMessages.Walkthrough(view, notice);

            WithinLimits(message);
            var text = Text(message);
            Assert.Contains(view.Page.Header, text, StringComparison.Ordinal);
            Assert.Contains(view.Page.Title, text, StringComparison.Ordinal);
            Assert.Contains(view.Page.Description, text, StringComparison.Ordinal);
            Assert.All(view.Page.Fields, f => Assert.Contains(f.Value, text, StringComparison.Ordinal));
            Assert.Contains(notice, text, StringComparison.Ordinal);
            var page = Assert.Single(message.Components!.OfType<Container>());
            if (view.Button(WalkthroughActionKind.CheckNow) is { } check)
            {
                var section = Assert.Single(page.Components.OfType<Section>());
                Assert.Equal(check.Label, section.Accessory.Label);
                Assert.Equal(WalkthroughIds.Encode(check.Action), section.Accessory.CustomId);
            }

            await discord.Client.CreateMessageAsync(discord.Emulator.DefaultChannelId, message);
            pages++;
        }

        // The longest page also as the edit that turns an old embed page into it.
        var longest = EveryPage(locale, texts).Select(p => WalkthroughMessages.Walkthrough(p.View, p.Notice)).MaxBy(m => ComponentsV2.TextLengthOf(m.Components!))!;
        var old = await discord.Client.CreateMessageAsync(discord.Emulator.DefaultChannelId, new MessageBuilder().WithContent("Welcome back").AddEmbed(new EmbedBuilder().WithAuthor("Part 1 of 3 · Step 3 of 6").WithTitle("Old page").Build()).Build());
        await discord.Client.EditMessageAsync(discord.Emulator.DefaultChannelId, old.Id, longest);

        Assert.Equal(Enum.GetValues<GuidePosition>().Count(GuidePositions.IsDefined) * Enum.GetValues<AccountType>().Length, pages);
        Assert.Empty(discord.Emulator.InvalidFormBodies);
        var upgraded = discord.Emulator.Messages.Single(m => m.Id == old.Id);
        Assert.True(upgraded.IsComponentsV2 && upgraded.Content.Length == 0 && upgraded.Embeds.Count == 0);
    }

    // An operator's edit of config/guide.json: the longest page its check lets through, in as many fields as it
    // allows, under the longest notice the bot writes, is still shown whole; one character more is refused by name.
    [Fact]
    public void GuideFilesLongestAllowedPage_UnderTheLongestNotice_IsShownWhole()
    {
        var limits = DiscordContentLimits.Value;
        var fields = Enumerable.Range(1, limits.Fields).Select(i => new GuideField("F" + i, "v")).ToList();
        var header = "Part 2 of 3 · Step 5 of 6";
        var title = "Switch to One-Way Mode";
        var description = new string('d', limits.PageTotal - header.Length - title.Length - fields.Sum(f => f.Name.Length + f.Value.Length));
        var page = new GuidePage(header, title, description, fields);
        Assert.Equal(limits.PageTotal, page.TotalLength);
        var view = Engine.View(Progress(GuidePosition.Step5, AccountType.Unified), keyRemembered: true, "en-US") with { Page = page };

        var message = WalkthroughMessages.Walkthrough(view, new string('n', 5_000));

        WithinLimits(message);
        var text = Text(message);
        Assert.Contains(description, text, StringComparison.Ordinal);
        Assert.All(fields, f => Assert.Contains($"**{f.Name}**\n{f.Value}", text, StringComparison.Ordinal));

        var tooLong = Path.Combine(Path.GetTempPath(), $"guide-{Guid.NewGuid():N}.json");
        var shipped = Path.Combine(Path.GetDirectoryName(ShippedTexts.Directory)!, "guide.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(shipped))!;
        try
        {
            json["parts"]![0]!["steps"]![0]!["body"] = new string('x', limits.PageTotal);
            File.WriteAllText(tooLong, json.ToJsonString());
            var error = Assert.Throws<GuideContentException>(() => GuideContentLoader.LoadFile(tooLong, limits));
            Assert.Contains($"a page holds {limits.PageTotal}", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(tooLong);
        }
    }

    // A report as long as /diagnose's embed may be (6,000 characters), more than a V2 message's 4,000.
    [Theory]
    [MemberData(nameof(Locales))]
    public async Task AfterCheck_EveryCheckFailingAtLength_StaysWithinTheLimits_KeepingThePagesHeaderAndCheckButton(string locale)
    {
        var texts = ShippedTexts.Catalog.For(locale);
        var checks = CheckIds.All.Select(id => new CheckResult(id, CheckStatus.Fail, id, id + " " + new string('d', 250), "Fix " + new string('f', 150), 3)).ToList();
        var report = new DiagnosticReport(Verdict.Fail, "https://api.bybit.com", "…Xy12", null, checks, DateTimeOffset.UnixEpoch, 812);
        await using var discord = await EmulatedDiscord.StartAsync();
        foreach (var position in (GuidePosition[])[GuidePosition.Step3, GuidePosition.Step5, GuidePosition.FinalCheck, GuidePosition.Done])
        {
            var view = Engine.View(Progress(position, AccountType.Unified), keyRemembered: true, locale);
            var checkedAt = position == GuidePosition.Done ? GuidePosition.FinalCheck : position;
            var checklist = position == GuidePosition.Done ? Engine.View(Progress(GuidePosition.FinalCheck, AccountType.Unified), keyRemembered: false, locale).Page : null;

            var message = WalkthroughMessages.AfterCheck(view, report, Engine.GuideFor(locale), texts, checkedAt, null, WalkthroughMessages.KeyKept(TimeSpan.FromDays(30), texts), checklist);

            WithinLimits(message);
            Assert.Contains(view.Page.Header, Text(message), StringComparison.Ordinal);
            Assert.Contains("…", Text(message), StringComparison.Ordinal);
            if (view.Button(WalkthroughActionKind.CheckNow) is { } check)
            {
                Assert.Contains(message.Components!.OfType<Container>().SelectMany(c => c.Components.OfType<Section>()), s => s.Accessory.Label == check.Label);
            }

            await discord.Client.CreateMessageAsync(discord.Emulator.DefaultChannelId, message);
        }

        Assert.Empty(discord.Emulator.InvalidFormBodies);
    }

    // Each page as the member can meet it: key remembered (one more button), with the longest notice the bot puts
    // above a page (DMs closed and a welcome back, as /connect-bybit says both at once).
    private static IEnumerable<(WalkthroughView View, string Notice)> EveryPage(string locale, LocaleTexts texts)
    {
        var resumed = Progress(GuidePosition.Step5, AccountType.Standard);
        var notice = texts.Get(TextIds.Walkthrough.DmsClosed) + "\n" + WalkthroughMessages.WelcomeBack(resumed, Engine.Stuck(resumed, locale), texts);
        foreach (var position in Enum.GetValues<GuidePosition>().Where(GuidePositions.IsDefined))
        {
            foreach (var type in Enum.GetValues<AccountType>())
            {
                yield return (Engine.View(Progress(position, type), keyRemembered: true, locale), notice);
            }
        }
    }

    private static WalkthroughProgress Progress(GuidePosition position, AccountType type) =>
        new(42, position, type, "mainnet", null, WalkthroughDelivery.DirectMessage(7, 8), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static void WithinLimits(MessagePayload message)
    {
        Assert.True(message.IsComponentsV2);
        Assert.Null(message.Content);
        Assert.Empty(message.Embeds);
        var components = message.Components!;
        Assert.InRange(components.Sum(ComponentsV2.CountOf), 1, DiscordLimits.ComponentsV2Total);
        Assert.InRange(ComponentsV2.TextLengthOf(components), 1, DiscordLimits.ComponentsV2Text);
        var all = Flatten(components).ToList();
        Assert.All(all.OfType<Button>(), b => Assert.InRange(b.Label.Length, 1, DiscordLimits.ButtonLabel));
        Assert.All(all.OfType<Button>(), b => Assert.InRange(b.CustomId?.Length ?? 0, 1, DiscordLimits.CustomId));
        Assert.All(all.OfType<StringSelect>(), s => Assert.InRange(s.Options.Count, 1, DiscordLimits.SelectOptions));
        Assert.All(all.OfType<StringSelect>(), s => Assert.InRange(s.CustomId.Length, 1, DiscordLimits.CustomId));
    }

    private static IEnumerable<MessageComponent> Flatten(IEnumerable<MessageComponent> components) => components.SelectMany(c => c switch
    {
        Container box => Flatten(box.Components).Prepend(box),
        Section section => Flatten([.. section.Texts, section.Accessory]).Prepend(section),
        ActionRow row => Flatten(row.Components).Prepend(row),
        _ => [c],
    });

    private static string Text(MessagePayload message) =>
        string.Join("\n", Flatten(message.Components!).OfType<TextDisplay>().Select(t => t.Content));

    /// <summary>The Discord emulator and our client talking to it, with room for a language's every page at once.</summary>
    private sealed class EmulatedDiscord : IAsyncDisposable
    {
        private readonly ServiceProvider services;

        private EmulatedDiscord(DiscordRestEmulator emulator, ServiceProvider services)
        {
            Emulator = emulator;
            this.services = services;
            Client = services.GetRequiredService<DiscordRestClient>();
        }

        public DiscordRestEmulator Emulator { get; }

        public DiscordRestClient Client { get; }

        public static async Task<EmulatedDiscord> StartAsync()
        {
            var emulator = await DiscordRestEmulator.StartAsync(new DiscordRestEmulatorOptions { DefaultBucketLimit = 1_000 });
            var services = new ServiceCollection();
            services.AddLogging();
            services.Configure<DiscordClientOptions>(o =>
            {
                o.Token = emulator.Token;
                o.ApiBaseUrl = emulator.ApiBaseUrl;
            });
            services.AddDiscordRest();
            return new EmulatedDiscord(emulator, services.BuildServiceProvider());
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            try
            {
                Emulator.ThrowOnSchemaViolations();
            }
            finally
            {
                await Emulator.DisposeAsync();
            }
        }
    }
}

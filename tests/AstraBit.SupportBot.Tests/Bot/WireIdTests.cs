using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.MemberHelp;
using AstraBit.SupportBot.Bot.Moderation;
using AstraBit.SupportBot.Bot.Panel;
using AstraBit.SupportBot.Bot.Privacy;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Bot.Walkthrough;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Walkthrough;

namespace AstraBit.SupportBot.Tests.Bot;

/// <summary>
/// Every custom_id the bot has sent stands on messages members still have (PRODUCT.md §4: an old message's buttons
/// still work), so each wire string must still reach one typed id, through the route the router takes.
/// </summary>
public sealed class WireIdTests
{
    private static readonly DateTimeOffset Expiry = DateTimeOffset.FromUnixTimeSeconds(1_798_761_600);

    // Every typed id the bot has: its routes and its parser, as the router reads them.
    private static readonly (string Type, IReadOnlyList<string> Routes, Func<ComponentId, ICustomId?> Parse)[] Types =
    [
        Of<TicketId>(),
        Of<WalkthroughId>(),
        Of<KeyFormId>(),
        Of<KeyCheckButtonId>(),
        Of<PanelId>(),
        Of<ModerationId>(),
        Of<ReminderId>(),
        Of<PrivacyId>(),
        Of<MemberHistoryId>(),
    ];

    public static TheoryData<string, ICustomId> Sent => new()
    {
        { "tk:join:12", new TicketId(TicketIdKind.Join, 12) },
        { "tk:claim:12", new TicketId(TicketIdKind.Claim, 12) },
        { "tk:unclaim:12", new TicketId(TicketIdKind.Unclaim, 12) },
        { "tk:close:12", new TicketId(TicketIdKind.Close, 12) },
        { "tk:close-reason:12", new TicketId(TicketIdKind.CloseReason, 12) },
        { "tk:check:12", new TicketId(TicketIdKind.RunCheck, 12) },
        { "tk:rate:12:4", new TicketId(TicketIdKind.Rate, 12, 4) },
        { "tk:fixed:12", new TicketId(TicketIdKind.ConfirmFixed, 12) },
        { "tk:not-fixed:12", new TicketId(TicketIdKind.StillNeedHelp, 12) },
        { "wt:next", Walk(WalkthroughActionKind.Next) },
        { "wt:back", Walk(WalkthroughActionKind.Back) },
        { "wt:stuck", Walk(WalkthroughActionKind.Stuck) },
        { "wt:forget", Walk(WalkthroughActionKind.ForgetKey) },
        { "wt:acct", Walk(WalkthroughActionKind.ChooseAccountType) },
        { "wt:region", Walk(WalkthroughActionKind.ChooseRegion) },
        { "wt:check:5", Walk(WalkthroughActionKind.CheckNow, GuidePosition.Step5) },
        { "wt:check:final", Walk(WalkthroughActionKind.CheckNow, GuidePosition.FinalCheck) },
        { "wt:goto:before", Walk(WalkthroughActionKind.GoTo, GuidePosition.BeforeYouBegin) },
        { "wt:goto:3", Walk(WalkthroughActionKind.GoTo, GuidePosition.Step3) },
        { "wt:goto:done", Walk(WalkthroughActionKind.GoTo, GuidePosition.Done) },
        { "pn:connect", new PanelId(PanelIdKind.Connect) },
        { "pn:error", new PanelId(PanelIdKind.ExplainError) },
        { "pn:explain", new PanelId(PanelIdKind.ExplainSubmit) },
        { "pn:ticket", new PanelId(PanelIdKind.TalkToSupport) },
        { "kc:open", KeyCheckButtonId.Open },
        { "mod:run", ModerationId.Run },
        { "rm:sub:mainnet:…Xy12:1798761600", new ReminderId(ReminderIdKind.Subscribe, "mainnet", "…Xy12", Expiry) },
        { "rm:stop:mainnet:…Xy12", new ReminderId(ReminderIdKind.Stop, "mainnet", "…Xy12") },
        { "rm:stop:eu:…Xy12:3", new ReminderId(ReminderIdKind.Stop, "eu", "…Xy12", ListPage: 3) },
        { "rm:page:2", new ReminderId(ReminderIdKind.Page, "", "", ListPage: 2) },
        { "pv:export", new PrivacyId(PrivacyIdKind.Export) },
        { "pv:delete", new PrivacyId(PrivacyIdKind.Delete) },
        { "pv:confirm", new PrivacyId(PrivacyIdKind.ConfirmDelete) },
        { "pv:cancel", new PrivacyId(PrivacyIdKind.CancelDelete) },
        { "th:page:1600000000000000101:2", new MemberHistoryId(1_600_000_000_000_000_101, 2) },
        { "th:export:1600000000000000101", new MemberHistoryId(1_600_000_000_000_000_101, null) },

        // The key forms, as this version builds them and as older versions did under their origin's prefix.
        { "key:command", new KeyFormId(new KeyCheckOrigin.Command()) },
        { "key:panel", new KeyFormId(new KeyCheckOrigin.Panel()) },
        { "key:moderator", new KeyFormId(new KeyCheckOrigin.ModeratorRequest(null)) },
        { "key:step:3", new KeyFormId(new KeyCheckOrigin.WalkthroughStep(GuidePosition.Step3)) },
        { "key:ticket:12", new KeyFormId(new KeyCheckOrigin.InTicket(12)) },
        { "dx:key", new KeyFormId(new KeyCheckOrigin.Command()) },
        { "kc:key", new KeyFormId(new KeyCheckOrigin.Panel()) },
        { "mod:key", new KeyFormId(new KeyCheckOrigin.ModeratorRequest(null)) },
        { "wt:key:5", new KeyFormId(new KeyCheckOrigin.WalkthroughStep(GuidePosition.Step5)) },
        { "wt:key:final", new KeyFormId(new KeyCheckOrigin.WalkthroughStep(GuidePosition.FinalCheck)) },
        { "tk:key:12", new KeyFormId(new KeyCheckOrigin.InTicket(12)) },
    };

    [Theory]
    [MemberData(nameof(Sent))]
    public void SentWireString_RoutesToOneTypedId_WithItsValues(string wire, ICustomId expected)
    {
        var raw = ComponentId.Parse(wire)!;

        var owner = Route(raw);

        Assert.Equal(expected.GetType().Name, owner.Type);
        Assert.Equal(expected, owner.Parse(raw));
        Assert.Single(Types, t => t.Parse(raw) is not null);
    }

    [Theory]
    [MemberData(nameof(Sent))]
    public void TypedId_BuildsTheWireStringThisVersionSends(string wire, ICustomId expected)
    {
        var legacy = wire is "dx:key" or "kc:key" or "mod:key" or "wt:key:5" or "wt:key:final" or "tk:key:12";

        Assert.Equal(legacy ? KeyFormId.TryParse(wire)!.Build() : wire, expected.Build());
        Assert.Equal(expected, Route(ComponentId.Parse(expected.Build())!).Parse(ComponentId.Parse(expected.Build())!));
    }

    [Theory]
    [InlineData("tk:rate:12")]
    [InlineData("tk:key:x")]
    [InlineData("wt:key:before")]
    [InlineData("key:step:done")]
    [InlineData("key:command:1")]
    [InlineData("pn:connect:1")]
    [InlineData("kc:close")]
    [InlineData("mod:run:5")]
    [InlineData("rm:sub:mainnet:…Xy12:soon")]
    [InlineData("rm:stop:mainnet")]
    [InlineData("rm:stop:mainnet:…Xy12:x")]
    [InlineData("rm:page:0")]
    [InlineData("pv:erase")]
    [InlineData("th:page:0:2")]
    [InlineData("th:export:abc")]
    public void MalformedId_NoTypedIdTakesIt(string wire)
    {
        var raw = ComponentId.Parse(wire)!;

        Assert.DoesNotContain(Types, t => t.Parse(raw) is not null);
    }

    [Fact]
    public void Routes_NoTwoTypesClaimOne()
    {
        var routes = Types.SelectMany(t => t.Routes).ToList();

        Assert.Equal(routes.Count, routes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Surfaces_OnlyIdsThatEditTheirMessageInPlaceAreHeldToIt()
    {
        Assert.Equal(IdSurface.OwnMessage, new PrivacyId(PrivacyIdKind.ConfirmDelete).Surface);
        Assert.Equal(IdSurface.OwnMessage, Walk(WalkthroughActionKind.Next).Surface);
        Assert.Equal(IdSurface.OwnMessage, new MemberHistoryId(1, 2).Surface);
        Assert.Equal(IdSurface.OwnMessage, new TicketId(TicketIdKind.Rate, 1, 5).Surface);
        Assert.Equal(IdSurface.OwnMessage, new KeyFormId(new KeyCheckOrigin.WalkthroughStep(GuidePosition.Step5)).Surface);
        Assert.Equal(IdSurface.Anywhere, new PanelId(PanelIdKind.Connect).Surface);
        Assert.Equal(IdSurface.Anywhere, new TicketId(TicketIdKind.Claim, 1).Surface);
        Assert.Equal(IdSurface.Anywhere, new KeyFormId(new KeyCheckOrigin.Command()).Surface);
        Assert.Equal(IdSurface.Anywhere, new PrivacyId(PrivacyIdKind.Export).Surface);
    }

    // The router's rule: the more specific "prefix:action" route first, then the prefix.
    private static (string Type, IReadOnlyList<string> Routes, Func<ComponentId, ICustomId?> Parse) Route(ComponentId raw) =>
        Types.SingleOrDefault(t => t.Routes.Contains(raw.Prefix + ":" + raw.Action)) is { Type: not null } legacy
            ? legacy
            : Types.Single(t => t.Routes.Contains(raw.Prefix));

    private static WalkthroughId Walk(WalkthroughActionKind kind, GuidePosition? position = null) => new(new WalkthroughAction(kind, position));

    private static (string, IReadOnlyList<string>, Func<ComponentId, ICustomId?>) Of<T>()
        where T : class, ICustomId<T> =>
        (typeof(T).Name, [T.Prefix, .. T.LegacyRoutes], id => T.TryParse(id));
}

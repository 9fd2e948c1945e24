using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Bot.Tickets;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Tests.Bot;

public sealed class ComponentIdTests
{
    [Fact]
    public void Build_ThenParse_GivesPrefixActionAndTypedArguments()
    {
        var id = ComponentId.Parse(ComponentId.Build("tk", "rate", ComponentId.Token(42), ComponentId.Token(4)));

        Assert.NotNull(id);
        Assert.Equal("tk", id.Prefix);
        Assert.Equal("rate", id.Action);
        Assert.Equal(42, id.Number(0));
        Assert.Equal(4, id.Number(1));
        Assert.Null(id.Number(2));
    }

    [Fact]
    public void Build_Over100Characters_ThrowsNamingTheLimit()
    {
        var ex = Assert.Throws<ArgumentException>(() => ComponentId.Build("tk", "note", new string('x', 95)));

        Assert.Contains("100", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a:b")]
    public void Build_EmptyPartOrSeparatorInside_Throws(string arg)
    {
        Assert.Throws<ArgumentException>(() => ComponentId.Build("tk", "claim", arg));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tk")]
    [InlineData("tk:")]
    [InlineData(":claim")]
    [InlineData("tk::1")]
    public void Parse_Malformed_ReturnsNull(string? customId)
    {
        Assert.Null(ComponentId.Parse(customId));
    }

    [Fact]
    public void Parse_LongerThanDiscordAllows_ReturnsNull()
    {
        Assert.Null(ComponentId.Parse("tk:claim:" + new string('1', 92)));
    }

    [Fact]
    public void Position_StepAndFinal_ReadBack()
    {
        var id = ComponentId.Parse("wt:key:final")!;

        Assert.Equal(GuidePosition.FinalCheck, id.Position(0));
        Assert.Equal(GuidePosition.Step5, ComponentId.Parse("wt:key:5")!.Position(0));
        Assert.Null(ComponentId.Parse("wt:key:7")!.Position(0));
    }

    [Fact]
    public void KeyFormId_EveryOrigin_HasAFormOfTheKeyChecksOwnPrefixThatReadsBack()
    {
        KeyCheckOrigin[] origins =
        [
            new KeyCheckOrigin.Command(),
            new KeyCheckOrigin.WalkthroughStep(GuidePosition.Step3),
            new KeyCheckOrigin.InTicket(7),
            new KeyCheckOrigin.ModeratorRequest(null),
            new KeyCheckOrigin.Panel(),
        ];

        var forms = origins.Select(o => KeyFormId.For(o).Build()).ToList();

        Assert.Equal(["key:command", "key:step:3", "key:ticket:7", "key:moderator", "key:panel"], forms);
        Assert.Equal(origins, forms.Select(f => KeyFormId.TryParse(f)!.Origin));
    }

    [Fact]
    public void TicketIds_Rate_RoundTripsNumberAndStars()
    {
        Assert.Equal(new TicketId(TicketIdKind.Rate, 12, 4), TicketIds.Parse(TicketIds.Rate(12, 4)));
        Assert.Null(TicketIds.Parse("tk:key:3"));
        Assert.Null(TicketIds.Parse("tk:rate:12"));
        Assert.Null(TicketIds.Parse("tk:claim:x"));
        Assert.Null(TicketIds.Parse("tk:frobnicate:1"));
    }

    [Fact]
    public void Router_TwoHandlersClaimingOnePrefix_RefusesToStart()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => InteractionHandlerMap.Of(
            [],
            [new Owner("tk"), new Owner("tk")]));

        Assert.Contains("\"tk\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Router_LegacyRoute_WinsOverItsPrefixOwner()
    {
        var tickets = new Owner("tk");
        var forms = new FormOwner();
        var map = InteractionHandlerMap.Of([], [tickets, forms]);
        var services = new Resolver(tickets, forms);

        Assert.Same(forms, map.Component(services, ComponentId.Parse("tk:key:12")!));
        Assert.Same(tickets, map.Component(services, ComponentId.Parse("tk:claim:12")!));
        Assert.Same(forms, map.Component(services, ComponentId.Parse("key:ticket:12")!));
        Assert.Null(map.Component(services, ComponentId.Parse("zz:claim:12")!));
    }

    private class Owner(params string[] routes) : IComponentHandler
    {
        public IReadOnlyList<string> Routes => routes;

        public ICustomId? Read(ComponentId id) => null;

        public Task HandleAsync(Interaction interaction, ICustomId id, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FormOwner() : Owner("key", "tk:key");

    private sealed class Resolver(Owner tickets, FormOwner forms) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(FormOwner) ? forms : tickets;
    }
}

using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.Tests.Guide;

public sealed class GuidePageTests
{
    private static readonly GuideContent Guide = ShippedGuide.Instance;

    [Theory]
    [InlineData(GuidePosition.Step1, "Part 1 of 3 · Step 1 of 6")]
    [InlineData(GuidePosition.Step4, "Part 1 of 3 · Step 4 of 6")]
    [InlineData(GuidePosition.Step5, "Part 2 of 3 · Step 5 of 6")]
    [InlineData(GuidePosition.Step6, "Part 3 of 3 · Step 6 of 6")]
    public void Page_Step_HeaderNamesPartAndStep(GuidePosition position, string expected)
    {
        var page = Guide.Page(position, AccountType.Unknown, ShippedGuide.Values, ShippedGuide.English);

        Assert.Equal(expected, page.Header);
    }

    [Fact]
    public void Page_BeforeYouBegin_FillsBalancesReferralAndDisclaimer()
    {
        var page = Guide.Page(GuidePosition.BeforeYouBegin, AccountType.Unknown, ShippedGuide.Values, ShippedGuide.English);

        Assert.Contains("**$50**", page.Description, StringComparison.Ordinal);
        Assert.Contains("**$100**", page.Description, StringComparison.Ordinal);
        Assert.Contains("not trading or financial advice", page.Description.Replace("isn't", "not", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(page.Fields, f => f.Value.Contains("https://partner.bybit.com/b/astrabit", StringComparison.Ordinal));
        Assert.DoesNotContain("{", page.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_ConfiguredBalances_AppearInChecklist()
    {
        var values = ShippedGuide.Values with { MinimumBalanceUsd = 75m, RecommendedBalanceUsd = 150.5m };

        var page = Guide.Page(GuidePosition.FinalCheck, AccountType.Unknown, values, ShippedGuide.English);

        Assert.Contains("**$75**", page.Description, StringComparison.Ordinal);
        Assert.Contains("**$150.50**", page.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_SpanishReader_WritesHeadersAndAmountsTheSpanishWay()
    {
        var values = ShippedGuide.Values with { MinimumBalanceUsd = 1500m };
        var spanish = ShippedGuide.Texts.For("es-ES");

        var step = Guide.Page(GuidePosition.Step3, AccountType.Unified, values, spanish);
        var final = Guide.Page(GuidePosition.FinalCheck, AccountType.Unknown, values, spanish);

        Assert.Equal("Parte 1 de 3 · Paso 3 de 6", step.Header);
        Assert.StartsWith("Activa: ", step.Fields[0].Value, StringComparison.Ordinal);
        Assert.Equal("Comprobación final", final.Header);
        Assert.Contains("1.500 US$", final.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_Done_ShowsNextStepPromiseAndSupportEmail()
    {
        var page = Guide.Page(GuidePosition.Done, AccountType.Unknown, ShippedGuide.Values, ShippedGuide.English);

        Assert.Contains("trading bot", page.Description, StringComparison.Ordinal);
        Assert.Contains("strategy", page.Description, StringComparison.Ordinal);
        Assert.Contains(page.Fields, f => f.Value.Contains("never withdraw", StringComparison.Ordinal));
        Assert.Contains(page.Fields, f => f.Value.Contains("support@astrabit.example", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AccountType.Standard, new[] { "Standard account" })]
    [InlineData(AccountType.Unified, new[] { "Unified Trading Account" })]
    [InlineData(AccountType.Unknown, new[] { "Standard account", "Unified Trading Account" })]
    public void Page_StepThree_ShowsPermissionsForTheChosenAccountType(AccountType type, string[] expectedFields)
    {
        var page = Guide.Page(GuidePosition.Step3, type, ShippedGuide.Values, ShippedGuide.English);

        Assert.Equal(expectedFields, page.Fields.Where(f => f.Name != "Tips").Select(f => f.Name));
        Assert.All(page.Fields.Where(f => f.Name != "Tips"), f => Assert.StartsWith("Turn on: Read-Write", f.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Page_EveryPosition_FitsDiscordLimits()
    {
        foreach (var position in Enum.GetValues<GuidePosition>())
        {
            foreach (var type in Enum.GetValues<AccountType>())
            {
                var page = Guide.Page(position, type, ShippedGuide.Values, ShippedGuide.English);

                Assert.InRange(page.Title.Length, 1, 256);
                Assert.InRange(page.Description.Length, 1, 4096);
                Assert.All(page.Fields, f => Assert.InRange(f.Value.Length, 1, 1024));
                Assert.InRange(page.TotalLength, 1, 6000);
            }
        }
    }
}

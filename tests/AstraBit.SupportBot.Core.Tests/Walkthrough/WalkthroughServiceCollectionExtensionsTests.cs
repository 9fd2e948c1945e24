using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Limits;
using AstraBit.SupportBot.Core.Secrets;
using AstraBit.SupportBot.Core.Tests.Guide;
using AstraBit.SupportBot.Core.Walkthrough;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Tests.Walkthrough;

public sealed class WalkthroughServiceCollectionExtensionsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("guide-di-").FullName;

    [Fact]
    public void AddSupportGuideWalkthroughAndKeyChecks_ShippedGuide_ResolvesEverything()
    {
        using var provider = Build(ShippedGuide.FullPath);

        Assert.Equal(6, provider.GetRequiredService<WalkthroughEngine>().Guide.Steps.Count);
        Assert.NotNull(provider.GetRequiredService<KeyMemory>());
        Assert.NotNull(provider.GetRequiredService<CheckCooldown>());
        // The default two symbols plus the seven fixed reads of a check.
        Assert.Equal(9, provider.GetRequiredService<BybitRequestBudget>().RequestsPerCheck);
        Assert.Same(provider.GetRequiredService<KeyMemory>(), provider.GetRequiredService<KeyMemory>());
    }

    [Fact]
    public void AddSupportGuide_BrokenGuide_FailsValidationNamingFileAndField()
    {
        var json = ShippedGuide.Json();
        json["buttons"]!["next"] = new string('n', 81);
        var path = Path.Combine(folder, "guide.json");
        File.WriteAllText(path, json.ToJsonString());
        using var provider = Build(path);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GuideOptions>>().Value);

        Assert.Contains($"{path}: buttons.next is longer than 80 characters (Discord button label limit)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSupportKeyChecks_BadLimits_FailNamingKey()
    {
        using var provider = Build(ShippedGuide.FullPath, limits: o => o.BybitRequests = 700);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LimitsOptions>>().Value);

        Assert.Contains("Limits:BybitRequests per Limits:BybitWindow comes to 700 requests per 5 seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSupportGuideAndWalkthrough_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();

        services.AddSingleton(TestLimits.Discord);
        services.AddSupportGuide(ShippedGuide.FullPath).AddSupportWalkthrough().AddSupportKeyChecks();
        services.AddSupportGuide(ShippedGuide.FullPath).AddSupportWalkthrough().AddSupportKeyChecks();

        Assert.Single(services, d => d.ServiceType == typeof(WalkthroughEngine));
        Assert.Single(services, d => d.ServiceType == typeof(KeyMemory));
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IValidateOptions<GuideOptions>)));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static ServiceProvider Build(string guidePath, Action<LimitsOptions>? limits = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TestLimits.Discord);
        // The host registers the clocks (the wall clock, and the support clock the key memory runs on).
        services.AddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(SupportClock.Key, TimeProvider.System);
        services.AddSupportGuide(guidePath).AddSupportWalkthrough().AddSupportKeyChecks();
        services.AddSingleton(ShippedGuide.Texts);
        services.Configure<GuideOptions>(o =>
        {
            o.ReferralUrl = new Uri("https://partner.bybit.com/b/astrabit");
            o.SupportEmail = "support@astrabit.example";
        });
        if (limits is not null)
        {
            services.Configure(limits);
        }

        return services.BuildServiceProvider();
    }
}

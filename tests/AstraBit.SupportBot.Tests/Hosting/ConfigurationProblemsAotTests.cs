using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Tests.Hosting;

public sealed class ConfigurationProblemsAotTests
{
    // The configuration check reports every problem in one round only for the options classes it lists (typed, so the
    // Native AOT build reads them the same way). A validator registered for a class missing from that list would still
    // stop the bot, but as a bare exception after the other problems were reported, so the list must cover them all.
    [Fact]
    public void Checks_CoverEveryOptionsClassTheBotValidates()
    {
        var services = new ServiceCollection().AddSupportBot(new ConfigurationBuilder().Build());

        var validated = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Distinct()
            .ToList();

        Assert.NotEmpty(validated);
        var checkedTypes = ConfigurationProblems.Checks.Select(c => c.Options).ToHashSet();
        Assert.All(validated, type => Assert.Contains(type, checkedTypes));
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using AstraBit.SupportBot.Hosting;

namespace AstraBit.SupportBot.Tests.Hosting;

public sealed class ConfigurationProblemsAotTests
{
    // The configuration check reads each options class by reflection; a Native AOT publish keeps those members only
    // where Collect names them. A section added to Sections without its DynamicDependency would report bad values
    // correctly here and wrongly under AOT ("Failed to convert configuration value ..."), so the two lists must agree.
    [Fact]
    public void Collect_KeepsTheMembersOfEveryOptionsClassItReads()
    {
        var kept = typeof(ConfigurationProblems).GetMethod(nameof(ConfigurationProblems.Collect))!
            .GetCustomAttributes<DynamicDependencyAttribute>()
            .Where(a => a.MemberTypes.HasFlag(DynamicallyAccessedMemberTypes.PublicProperties) &&
                        a.MemberTypes.HasFlag(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor))
            .Select(a => a.Type)
            .ToHashSet();

        Assert.All(ConfigurationProblems.Sections, s => Assert.Contains(s.Options, kept));
    }
}

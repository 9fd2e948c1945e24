using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bybit.Tests;

public sealed class BybitConfigurationTests
{
    [Theory]
    [InlineData("mainnet", "https://api.bybit.com/")]
    [InlineData("bybit.com", "https://api.bybit.com/")]
    [InlineData("bytick", "https://api.bytick.com/")]
    [InlineData("testnet", "https://api-testnet.bybit.com/")]
    [InlineData("demo", "https://api-demo.bybit.com/")]
    [InlineData("demo-testnet", "https://api-demo-testnet.bybit.com/")]
    [InlineData("nl", "https://api.bybit.nl/")]
    [InlineData("TR", "https://api.bybit.tr/")]
    [InlineData("kz", "https://api.bybit.kz/")]
    [InlineData("ge", "https://api.bybitgeorgia.ge/")]
    [InlineData("ae", "https://api.bybit.ae/")]
    [InlineData("eu", "https://api.bybit.eu/")]
    [InlineData("id", "https://api.bybit.id/")]
    [InlineData("jp", "https://api.manepa.jp/")]
    [InlineData("jp-testnet", "https://api-testnet.manepa.jp/")]
    public void Resolve_KnownName_ReturnsHost(string name, string expected)
    {
        var host = BybitHosts.Resolve(new BybitClientOptions(), name);

        Assert.Equal(expected, host.AbsoluteUri);
    }

    [Fact]
    public void Resolve_UnknownName_ThrowsListingValidNames()
    {
        var error = Assert.Throws<ArgumentException>(() => BybitHosts.Resolve(new BybitClientOptions(), "moon"));

        Assert.Contains("moon", error.Message, StringComparison.Ordinal);
        Assert.Contains("mainnet, bybit.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("jp-testnet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBybitClient_ConfigurationSection_BindsAndKeepsDefaultHosts()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bybit:BaseUrl"] = "http://127.0.0.1:5080",
            ["Bybit:Hosts:local"] = "http://127.0.0.1:5081",
            ["Bybit:RecvWindow"] = "00:00:10",
            ["Bybit:Timeout"] = "00:00:03",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddBybitClient(configuration.GetSection("Bybit")).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<BybitClientOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.BaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5081"), BybitHosts.Resolve(options, "local"));
        Assert.Equal(new Uri("https://api.bybit.tr"), BybitHosts.Resolve(options, "tr"));
        Assert.Equal(TimeSpan.FromSeconds(10), options.RecvWindow);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
    }

    [Theory]
    [InlineData("Bybit:RecvWindow", "00:02:00", "Bybit:RecvWindow")]
    [InlineData("Bybit:Timeout", "00:00:00.050", "Bybit:Timeout")]
    [InlineData("Bybit:BaseUrl", "/relative", "Bybit:BaseUrl")]
    [InlineData("Bybit:Hosts:tr", "ftp://api.bybit.tr", "Bybit:Hosts:tr")]
    public void AddBybitClient_InvalidSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new ServiceCollection().AddLogging().AddBybitClient(configuration.GetSection("Bybit")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BybitClientOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_ToString_NeverShowsSecret()
    {
        var credentials = new BybitCredentials("0lR8acRYSi4MDF8kWC", "BX1KpeZUaLJ4d8jOCs4bWYTI6wLqeeHq1PkC");

        var text = credentials.ToString();

        Assert.DoesNotContain("BX1Kpe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0lR8acRYSi4MDF", text, StringComparison.Ordinal);
        Assert.Contains("…8kWC", text, StringComparison.Ordinal);
    }
}

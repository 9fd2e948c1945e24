using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Tests.Tickets;

public sealed class TicketOptionsTests
{
    [Fact]
    public void Defaults_MatchTheSpecification()
    {
        var options = new TicketOptions();

        Assert.Equal(TimeSpan.FromMinutes(30), options.EscalateAfter);
        Assert.Equal(TimeSpan.FromDays(1), options.StaleAfter);
        Assert.Equal(TimeSpan.FromDays(2), options.AutoCloseAfter);
        Assert.Equal("Tickets", TicketOptions.SectionName);
        Assert.True(new TicketOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(nameof(TicketOptions.EscalateAfter), 0)]
    [InlineData(nameof(TicketOptions.StaleAfter), -1)]
    [InlineData(nameof(TicketOptions.AutoCloseAfter), 0)]
    public void Validate_NotPositive_FailsNamingTheKey(string key, int minutes)
    {
        var options = new TicketOptions();
        typeof(TicketOptions).GetProperty(key)!.SetValue(options, TimeSpan.FromMinutes(minutes));

        var result = new TicketOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal($"Tickets:{key} must be greater than 00:00:00", Assert.Single(result.Failures!));
    }

    [Fact]
    public void AddSupportTickets_WithStores_ResolvesServiceAndValidates()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITicketStore, MemoryTicketStore>();
        services.AddSingleton<IAuditLog, MemoryAuditLog>();
        services.AddKeyedSingleton(SupportClock.Key, TimeProvider.System);
        services.AddSupportTickets(o => o.StaleAfter = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TicketOptions>>().Value);

        Assert.Contains("Tickets:StaleAfter", error.Message, StringComparison.Ordinal);
        Assert.NotNull(provider.GetRequiredService<TicketLedger>());
    }
}

using AstraBit.SupportBot.Emulators.Bybit;

namespace AstraBit.SupportBot.Bybit.Tests;

public sealed class BybitLoggingTests
{
    [Fact]
    public async Task AnyCall_SuccessOrFailure_LogsNeverContainSecretSignatureOrFullKey()
    {
        await using var host = await BybitTestHost.StartAsync(new BybitEmulatorOptions { ClockSkew = TimeSpan.FromSeconds(-8) });
        var credentials = host.Credentials("funding-only");
        var client = host.Client;

        await client.Market.GetServerTimeAsync();
        await client.User.GetApiKeyInfoAsync(credentials);
        await client.Account.GetAccountInfoAsync(credentials);
        await client.Account.GetWalletBalanceAsync(credentials, BybitAccountType.Unified, "USDT");
        await client.Account.GetWalletBalanceAsync(credentials, BybitAccountType.Contract);
        await client.Position.GetPositionsAsync(credentials, BybitCategory.Linear, "BTCUSDT");
        await client.Position.GetPositionsAsync(credentials, BybitCategory.Linear, settleCoin: "USDT");
        await client.Asset.GetAllCoinsBalanceAsync(credentials, BybitAccountType.Fund);
        await client.User.GetApiKeyInfoAsync(credentials with { ApiSecret = "WrongSecretWrongSecretWrongSecret123" });
        host.Emulator.Faults.FailNext(3);
        await client.User.GetApiKeyInfoAsync(credentials);
        host.Emulator.ClockSkew = TimeSpan.FromSeconds(20);
        await client.User.GetApiKeyInfoAsync(credentials);

        var records = host.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        var signatures = host.Emulator.Requests
            .Where(r => r.Headers.ContainsKey("X-BAPI-TIMESTAMP"))
            .Select(r => BybitSigner.Sign(
                long.Parse(r.Headers["X-BAPI-TIMESTAMP"], System.Globalization.CultureInfo.InvariantCulture),
                r.Headers["X-BAPI-API-KEY"],
                5000,
                r.Query,
                r.Headers["X-BAPI-API-KEY"] == credentials.ApiKey ? credentials.ApiSecret : "WrongSecretWrongSecretWrongSecret123"))
            .ToList();
        Assert.NotEmpty(signatures);
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(kv => kv.Key + "=" + kv.Value) ?? []) + " " + record.Exception;
            Assert.DoesNotContain(credentials.ApiSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("WrongSecretWrongSecret", text, StringComparison.Ordinal);
            Assert.DoesNotContain(credentials.ApiKey, text, StringComparison.Ordinal);
            Assert.All(signatures, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
        }

        Assert.Contains(records, r => r.Message.Contains(credentials.MaskedApiKey, StringComparison.Ordinal));
        Assert.All(host.Emulator.Requests, r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.False(r.Headers.ContainsKey("Content-Type"));
            Assert.False(r.Headers.ContainsKey("Content-Length"));
        });
    }
}

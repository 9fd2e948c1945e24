namespace AstraBit.SupportBot.Bybit.Tests;

public sealed class BybitSignerTests
{
    // Known answers from the protocol reference, §1 (computed with Python hmac and checked with openssl).
    [Theory]
    [InlineData(1658384314791L, "XXXXXXXXXX", 5000L, "category=option&symbol=BTC-29JUL22-25000-C", "XXXXXXXXXX", "c00720f96c5934ca7057ac28ae65b823f83b8b67a8fe784e7795ca0fa3c148ec")]
    [InlineData(1658385579423L, "XXXXXXXXXX", 5000L, "{\"category\": \"option\"}", "XXXXXXXXXX", "fbb4648b585b3e62de2c4eaecc8f3b6066aa18e98cc300eaff4d87f15b55724a")]
    [InlineData(1700000000000L, "TestKey123", 5000L, "", "TestSecret123", "601e4b87b178d971757c2336ddd70a70d602019a0960e853820e1ddedad2e146")]
    [InlineData(1700000000000L, "TestKey123", 5000L, "category=linear&symbol=BTCUSDT", "TestSecret123", "8d313a5a4c7bdaffc2ff8bbf4652f79a5e9d7011684a1ee2ab337821c89d243e")]
    [InlineData(1700000000000L, "TestKey123", 5000L, "accountType=UNIFIED&coin=USDT", "TestSecret123", "e46a8c5091ebf33dc6b023294d2919c23dc76e037a02a7ad4d59e2d796a18593")]
    public void Sign_KnownVector_MatchesReference(long timestamp, string apiKey, long recvWindow, string payload, string secret, string expected)
    {
        var signature = BybitSigner.Sign(timestamp, apiKey, recvWindow, payload, secret);

        Assert.Equal(expected, signature);
    }

    [Fact]
    public void Sign_AnyInput_IsLowercaseHex64()
    {
        var signature = BybitSigner.Sign(1, "K", 5000, "a=b", "S");

        Assert.Matches("^[0-9a-f]{64}$", signature);
    }
}

using System.Net;
using System.Net.Sockets;

namespace AstraBit.SupportBot.Bybit.Tests;

public sealed class BybitErrorMappingTests
{
    [Theory]
    [InlineData(10003, "API key is invalid.", BybitErrorKind.InvalidKey, false)]
    [InlineData(10004, "Error sign, please check your signature generation algorithm.", BybitErrorKind.SignatureRejected, false)]
    [InlineData(10005, "Permission denied, please check your API key permissions.", BybitErrorKind.PermissionDenied, false)]
    [InlineData(10006, "Too many visits!", BybitErrorKind.RateLimited, true)]
    [InlineData(10010, "Unmatched IP, please check your API key's bound IP addresses.", BybitErrorKind.IpNotAllowed, false)]
    [InlineData(33004, "Your api key has expired.", BybitErrorKind.KeyExpired, false)]
    [InlineData(-2015, "Your api key has expired.", BybitErrorKind.KeyExpired, false)]
    [InlineData(10001, "params error: symbol invalid", BybitErrorKind.ParameterError, false)]
    [InlineData(10001, "accountType only support UNIFIED.", BybitErrorKind.AccountModeMismatch, false)]
    [InlineData(10007, "User authentication failed.", BybitErrorKind.AuthenticationFailed, false)]
    [InlineData(10008, "Common banned, please check your account mode", BybitErrorKind.AccountRestricted, false)]
    [InlineData(10009, "Service Restricted: Access is currently unavailable for your region.", BybitErrorKind.AccountRestricted, false)]
    [InlineData(10024, "Compliance rules triggered", BybitErrorKind.AccountRestricted, false)]
    [InlineData(10027, "Transactions are banned.", BybitErrorKind.AccountRestricted, false)]
    [InlineData(10028, "The API can only be accessed by unified account users.", BybitErrorKind.UnifiedOnly, false)]
    [InlineData(100028, "The API cannot be accessed by unified account users.", BybitErrorKind.ClassicOnly, false)]
    [InlineData(10000, "Server Timeout", BybitErrorKind.ServerError, true)]
    [InlineData(10016, "Server error.", BybitErrorKind.ServerError, true)]
    [InlineData(10017, "Route not found.", BybitErrorKind.RouteNotFound, false)]
    [InlineData(429, "trading service under high load", BybitErrorKind.RateLimited, true)]
    [InlineData(12345, "something new", BybitErrorKind.Unknown, false)]
    public async Task GetApiKeyInfoAsync_RetCode_MapsToKind(int retCode, string retMsg, BybitErrorKind kind, bool transient)
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Faults.EnqueueRetCode(retCode, retMsg);

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.False(result.Success);
        Assert.Equal((kind, retCode, 200, retMsg, transient), (result.Error.Kind, result.Error.RetCode, result.Error.HttpStatus, result.Error.Message, result.Error.IsTransient));
        Assert.Single(host.RequestsTo("/v5/user/query-api"));
    }

    [Theory]
    [InlineData(10002)]
    [InlineData(-1)]
    public async Task GetApiKeyInfoAsync_TimestampRejectedTwice_MapsToTimestampRejectedAfterOneRetry(int retCode)
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Faults.EnqueueRetCode(retCode, "request expired");
        host.Emulator.Faults.EnqueueRetCode(retCode, "request expired");

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.False(result.Success);
        Assert.Equal((BybitErrorKind.TimestampRejected, retCode, false), (result.Error.Kind, result.Error.RetCode, result.Error.IsTransient));
        Assert.Equal(2, host.RequestsTo("/v5/user/query-api").Count);
        // The clock was measured alongside the first attempt; the retry signs with that measurement.
        Assert.Single(host.RequestsTo("/v5/market/time"));
    }

    [Theory]
    [InlineData(500, "oops", "text/plain", "query-api", BybitErrorKind.ServerError, true)]
    [InlineData(502, "<html>Bad Gateway</html>", "text/html", "query-api", BybitErrorKind.ServerError, true)]
    [InlineData(503, "", "text/plain", "query-api", BybitErrorKind.ServerError, true)]
    [InlineData(429, "Too Many Requests", "text/plain", "query-api", BybitErrorKind.RateLimited, true)]
    [InlineData(403, "<html><body>The Amazon CloudFront distribution is configured to block access from your country.</body></html>", "text/html", "query-api", BybitErrorKind.GeoBlocked, false)]
    [InlineData(403, "403, access too frequent", "text/plain", "query-api", BybitErrorKind.RateLimited, true)]
    [InlineData(401, "", "text/plain", "query-api", BybitErrorKind.AuthenticationFailed, false)]
    [InlineData(404, "", "text/plain", "wallet-balance", BybitErrorKind.AccountModeMismatch, false)]
    [InlineData(404, "", "text/plain", "query-api", BybitErrorKind.RouteNotFound, false)]
    [InlineData(200, "<html>not json</html>", "text/html", "query-api", BybitErrorKind.InvalidResponse, false)]
    [InlineData(200, "{\"hello\":1}", "application/json", "query-api", BybitErrorKind.InvalidResponse, false)]
    public async Task Call_HttpFailure_MapsToKind(int status, string body, string contentType, string endpoint, BybitErrorKind kind, bool transient)
    {
        await using var host = await BybitTestHost.StartAsync();
        // Transient statuses are retried twice by the pipeline, so script all three attempts.
        for (var i = 0; i < (transient && status != 403 ? 3 : 1); i++)
        {
            host.Emulator.Faults.EnqueueHttp(status, body, contentType);
        }

        var credentials = host.Credentials("healthy-unified");
        var error = endpoint == "wallet-balance"
            ? (await host.Client.Account.GetWalletBalanceAsync(credentials, BybitAccountType.Unified)).Error
            : (await host.Client.User.GetApiKeyInfoAsync(credentials)).Error;

        Assert.NotNull(error);
        Assert.Equal((kind, transient), (error.Kind, error.IsTransient));
        Assert.Equal(status, error.HttpStatus);
        Assert.Null(error.RetCode);
        Assert.Equal(0, host.Emulator.Faults.Pending);
    }

    [Theory]
    [InlineData("ip-mismatch", BybitErrorKind.IpNotAllowed, 10010)]
    [InlineData("expired", BybitErrorKind.KeyExpired, 33004)]
    public async Task GetApiKeyInfoAsync_ScenarioKey_MapsToKind(string scenario, BybitErrorKind kind, int retCode)
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials(scenario));

        Assert.False(result.Success);
        Assert.Equal((kind, retCode), (result.Error.Kind, result.Error.RetCode));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_UnknownKey_InvalidKey()
    {
        await using var host = await BybitTestHost.StartAsync();

        var result = await host.Client.User.GetApiKeyInfoAsync(new BybitCredentials("AAAAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"));

        Assert.False(result.Success);
        Assert.Equal((BybitErrorKind.InvalidKey, 10003, "API key is invalid."), (result.Error.Kind, result.Error.RetCode, result.Error.Message));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_WrongSecret_SignatureRejected()
    {
        await using var host = await BybitTestHost.StartAsync();
        var good = host.Credentials("healthy-unified");

        var result = await host.Client.User.GetApiKeyInfoAsync(good with { ApiSecret = "WrongSecretWrongSecretWrongSecret123" });

        Assert.False(result.Success);
        Assert.Equal((BybitErrorKind.SignatureRejected, 10004), (result.Error.Kind, result.Error.RetCode));
        Assert.StartsWith("error sign! origin_string[", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_GeoBlockedMode_GeoBlockedNotRetried()
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Faults.GeoBlocked = true;

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.False(result.Success);
        Assert.Equal((BybitErrorKind.GeoBlocked, 403), (result.Error.Kind, result.Error.HttpStatus));
        Assert.Single(host.RequestsTo("/v5/user/query-api"));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_AccessTooFrequentMode_RateLimitedWithTenMinuteWait()
    {
        await using var host = await BybitTestHost.StartAsync();
        host.Emulator.Faults.AccessTooFrequent = true;

        var result = await host.Client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.False(result.Success);
        Assert.Equal((BybitErrorKind.RateLimited, 403, true), (result.Error.Kind, result.Error.HttpStatus, result.Error.IsTransient));
        Assert.Equal(TimeSpan.FromMinutes(10), result.Error.RetryAfter);
        Assert.Single(host.RequestsTo("/v5/user/query-api"));
    }

    [Fact]
    public async Task GetApiKeyInfoAsync_HostDown_UnreachableNotException()
    {
        await using var host = await BybitTestHost.StartAsync();
        var client = host.Factory.Create(new Uri($"http://127.0.0.1:{FreePort()}/"));

        var result = await client.User.GetApiKeyInfoAsync(host.Credentials("healthy-unified"));

        Assert.False(result.Success);
        Assert.Equal((BybitErrorKind.Unreachable, true), (result.Error.Kind, result.Error.IsTransient));
        Assert.Null(result.Error.HttpStatus);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

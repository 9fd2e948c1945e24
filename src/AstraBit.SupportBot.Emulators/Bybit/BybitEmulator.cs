using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Emulators.Bybit;

/// <summary>
/// A loopback Bybit V5 REST server (real Kestrel on 127.0.0.1) for tests and a local sandbox. It answers the
/// read-only endpoints the diagnostic uses in Bybit's shapes, verifies signatures, timestamps, IP binding and
/// expiry like Bybit, enforces rate limits, records every request and treats any non-GET as a violation.
/// </summary>
public sealed class BybitEmulator : IAsyncDisposable
{
    private const string TimePath = "/v5/market/time";
    private const string StatusPath = "/v5/system/status";

    private static readonly Dictionary<string, int> EndpointLimits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/v5/user/query-api"] = 10,
        ["/v5/account/info"] = 50,
        ["/v5/account/wallet-balance"] = 50,
        ["/v5/position/list"] = 50,
        ["/v5/asset/transfer/query-account-coins-balance"] = 5,
    };

    private static readonly Dictionary<string, decimal> MarkPrices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BTCUSDT"] = 96500m,
        ["ETHUSDT"] = 3450m,
        ["SOLUSDT"] = 180m,
        ["BTCUSD"] = 96500m,
    };

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly WebApplication _app;
    private readonly BybitEmulatorOptions _options;
    private readonly ConcurrentQueue<Exchange> _requests = new();
    private readonly ConcurrentQueue<BybitRecordedRequest> _violations = new();
    private readonly ConcurrentQueue<Exception> _serverErrors = new();
    private readonly Lock _limitsLock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _ipWindows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _ipTotals = new(StringComparer.Ordinal);
    private readonly Dictionary<(long Uid, string Path), Queue<DateTimeOffset>> _uidWindows = [];
    private int _peakIpRequests;
    private long _clockSkewTicks;

    private BybitEmulator(WebApplication app, BybitEmulatorOptions options)
    {
        _app = app;
        _options = options;
        ClockSkew = options.ClockSkew;
        Faults.Latency = options.Latency;
        var now = Now;
        foreach (var account in options.Accounts ?? BybitScenarios.All(now))
        {
            Accounts[account.ApiKey] = account;
        }
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Accounts by API key; replace entries to change an account at run time.</summary>
    public ConcurrentDictionary<string, BybitAccountScenario> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Fault injection.</summary>
    public BybitEmulatorFaults Faults { get; } = new();

    /// <summary>Skew of the emulator's clock against the options' TimeProvider; changeable at run time.</summary>
    public TimeSpan ClockSkew
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _clockSkewTicks));
        set => Interlocked.Exchange(ref _clockSkewTicks, value.Ticks);
    }

    /// <summary>The emulator's clock (Bybit's "server time").</summary>
    public DateTimeOffset Now => _options.TimeProvider.GetUtcNow() + ClockSkew;

    /// <summary>Every request received, in arrival order; StatusCode is 0 while a request is still in flight.</summary>
    public IReadOnlyList<BybitRecordedRequest> Requests => [.. _requests.Select(x => x.ToRecord())];

    /// <summary>
    /// Forgets the requests recorded so far (each holds its exchange, up to <see cref="BybitEmulatorOptions.MaxRecordedRequests"/>):
    /// for a long run that measures its own process, so what the emulator kept of the run is not counted as its client's.
    /// </summary>
    public void ForgetRequests() => _requests.Clear();

    /// <summary>
    /// Forgets the rate limits' windows as well (one per caller address and one per account and endpoint, each holding
    /// its last second's or window's request times): for a long run that measures its own process after it has
    /// checked everything, so that a day of accounts' windows is not counted as its client's.
    /// </summary>
    public void ForgetRateWindows()
    {
        lock (_limitsLock)
        {
            _ipWindows.Clear();
            _uidWindows.Clear();
        }
    }

    /// <summary>Completes once every request received so far has been answered or abandoned by its client.</summary>
    public Task WhenAllRequestsFinished() => Task.WhenAll(_requests.Select(x => x.Finished.Task));

    /// <summary>Requests that broke the read-only contract (any method other than GET).</summary>
    public IReadOnlyList<BybitRecordedRequest> Violations => [.. _violations];

    /// <summary>The highest number of requests seen from one source address within one IP-limit window.</summary>
    public int PeakIpRequests => Volatile.Read(ref _peakIpRequests);

    /// <summary>Requests received per source address since start.</summary>
    public IReadOnlyDictionary<string, long> IpRequestTotals
    {
        get
        {
            lock (_limitsLock)
            {
                return new Dictionary<string, long>(_ipTotals);
            }
        }
    }

    /// <summary>Starts the emulator on 127.0.0.1.</summary>
    public static async Task<BybitEmulator> StartAsync(BybitEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BybitEmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var emulator = new BybitEmulator(app, options);
        app.Run(emulator.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return emulator;
    }

    /// <summary>The account of a catalogue scenario by name.</summary>
    public BybitAccountScenario Scenario(string name) =>
        Accounts.Values.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No account named '{name}'. Known: {string.Join(", ", Accounts.Values.Select(a => a.Name).Order())}.", nameof(name));

    /// <summary>Replaces an account by applying a change, e.g. <c>a => a with { ReadOnly = true }</c>.</summary>
    public BybitAccountScenario Update(string name, Func<BybitAccountScenario, BybitAccountScenario> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var updated = change(Scenario(name));
        Accounts[updated.ApiKey] = updated;
        return updated;
    }

    /// <summary>Puts one linear symbol of an account in Hedge Mode or back to One-Way.</summary>
    public void SetHedgeMode(string name, string symbol, bool hedge) =>
        Update(name, a => a with
        {
            HedgeSymbols = hedge
                ? [.. a.HedgeSymbols.Append(symbol).Distinct(StringComparer.OrdinalIgnoreCase)]
                : [.. a.HedgeSymbols.Where(s => !string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase))],
        });

    /// <summary>Requests from one address within the current IP-limit window.</summary>
    public int IpRequestsInWindow(string ip)
    {
        lock (_limitsLock)
        {
            return _ipWindows.TryGetValue(ip, out var window) ? Trim(window, Now - _options.IpRateLimitWindow).Count : 0;
        }
    }

    /// <summary>Throws when a non-GET request arrived or the server failed; tests call it (disposal does too).</summary>
    public void ThrowIfViolations()
    {
        var problems = new List<Exception>(_serverErrors);
        problems.AddRange(_violations.Select(v =>
            new InvalidOperationException($"Read-only violation: {v.Method} {v.Path} reached the Bybit emulator.")));
        if (problems.Count > 0)
        {
            throw new AggregateException("The Bybit emulator saw problems.", problems);
        }
    }

    /// <summary>Forgets recorded violations (for tests that send them on purpose).</summary>
    public void ClearViolations() => _violations.Clear();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_options.ThrowOnDisposeIfViolations)
        {
            ThrowIfViolations();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var fields = Faults.FieldOverrides.Where(f => string.Equals(f.Key.Path, path, StringComparison.OrdinalIgnoreCase)).Select(f => (f.Key.Field, f.Value)).ToList();
        var exchange = new Exchange(context, Now, Faults.SlowBody, Faults.BodyPadding, _options.TimeProvider, fields);
        _requests.Enqueue(exchange);
        while (_requests.Count > _options.MaxRecordedRequests && _requests.TryDequeue(out _))
        {
        }
        try
        {
            await HandleCoreAsync(exchange).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            exchange.StatusCode = 499;
        }
        catch (Exception ex)
        {
            _serverErrors.Enqueue(ex);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = 500;
            }

            exchange.StatusCode = 500;
        }
        finally
        {
            exchange.Completed = true;
            if (exchange.IsViolation)
            {
                _violations.Enqueue(exchange.ToRecord());
            }

            exchange.Finished.TrySetResult();
        }
    }

    private async Task HandleCoreAsync(Exchange x)
    {
        var request = x.Context.Request;
        if (CountIp(x))
        {
            await x.WriteRawAsync(403, "403, access too frequent", "text/plain").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            x.IsViolation = true;
            x.Context.Response.Headers.Allow = "GET";
            await x.WriteRawAsync(405, "Method Not Allowed: this emulator (and the bot) is read-only.", "text/plain").ConfigureAwait(false);
            return;
        }

        // Bybit answers a GET with a (even empty JSON) body with 403.
        if (request.ContentLength > 0 || request.Headers.ContentType.Count > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            await x.WriteRawAsync(403, "403 Forbidden", "text/plain").ConfigureAwait(false);
            return;
        }

        if (Faults.GeoBlocked)
        {
            await x.WriteRawAsync(403, GeoBlockPage, "text/html").ConfigureAwait(false);
            return;
        }

        if (Faults.AccessTooFrequent)
        {
            await x.WriteRawAsync(403, "403, access too frequent", "text/plain").ConfigureAwait(false);
            return;
        }

        await DelayAsync(Faults.Latency, x).ConfigureAwait(false);
        await Faults.WaitWhileHeldAsync(x.Context.RequestAborted).ConfigureAwait(false);

        var path = request.Path.Value ?? "";
        if (string.Equals(path, TimePath, StringComparison.OrdinalIgnoreCase))
        {
            var now = Now;
            var nanos = (now - DateTimeOffset.UnixEpoch).Ticks * 100;
            await x.WriteEnvelopeAsync(0, "OK", new
            {
                timeSecond = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                timeNano = nanos.ToString(CultureInfo.InvariantCulture),
            }, now).ConfigureAwait(false);
            return;
        }

        if (string.Equals(path, StatusPath, StringComparison.OrdinalIgnoreCase))
        {
            await x.WriteEnvelopeAsync(0, "", new { list = Faults.Maintenance.Select(MaintenanceEntry).ToList() }, Now).ConfigureAwait(false);
            return;
        }

        if (!EndpointLimits.ContainsKey(path))
        {
            await x.WriteRawAsync(404, "", "text/plain").ConfigureAwait(false);
            return;
        }

        if (Faults.Outage)
        {
            await x.WriteRawAsync(503, "<html><body>503 Service Temporarily Unavailable</body></html>", "text/html").ConfigureAwait(false);
            return;
        }

        if (Faults.Maintenance.Any(m => MaintenanceState(m) == "ongoing"))
        {
            await x.WriteRawAsync(503, "<html><body>503 Service Temporarily Unavailable: system maintenance</body></html>", "text/html").ConfigureAwait(false);
            return;
        }

        if (Faults.TryTake(out var fault))
        {
            if (fault.RetCode is { } code)
            {
                await x.WriteEnvelopeAsync(code, fault.Body, new { }, Now).ConfigureAwait(false);
            }
            else
            {
                await x.WriteRawAsync(fault.StatusCode, fault.Body, fault.ContentType).ConfigureAwait(false);
            }

            return;
        }

        await HandlePrivateAsync(x, path).ConfigureAwait(false);
    }

    private async Task HandlePrivateAsync(Exchange x, string path)
    {
        var headers = x.Context.Request.Headers;
        var apiKey = headers["X-BAPI-API-KEY"].ToString();
        var timestampText = headers["X-BAPI-TIMESTAMP"].ToString();
        var sign = headers["X-BAPI-SIGN"].ToString();
        var recvText = headers["X-BAPI-RECV-WINDOW"].ToString();
        if (recvText.Length == 0)
        {
            recvText = "5000";
        }

        if (apiKey.Length == 0 || timestampText.Length == 0 || sign.Length == 0)
        {
            await x.WriteEnvelopeAsync(10007, "User authentication failed.", new { }, Now).ConfigureAwait(false);
            return;
        }

        if (!Accounts.TryGetValue(apiKey, out var account))
        {
            await x.WriteEnvelopeAsync(10003, "API key is invalid.", new { }, Now).ConfigureAwait(false);
            return;
        }

        var serverMs = Now.ToUnixTimeMilliseconds();
        if (!long.TryParse(timestampText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp) ||
            !long.TryParse(recvText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var recvWindow) ||
            timestamp < serverMs - recvWindow || timestamp >= serverMs + 1000)
        {
            await x.WriteEnvelopeAsync(
                10002,
                $"invalid request, please check your server timestamp or recv_window param. req_timestamp[{timestampText}],server_timestamp[{serverMs}],recv_window[{recvText}]",
                new { },
                Now).ConfigureAwait(false);
            return;
        }

        var rawQuery = x.RawQuery;
        var expected = Sign(timestampText + apiKey + recvText + rawQuery, account.ApiSecret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sign.ToLowerInvariant())))
        {
            var masked = "***" + apiKey[^Math.Min(4, apiKey.Length)..];
            await x.WriteEnvelopeAsync(
                10004,
                $"error sign! origin_string[{timestampText}{masked}{recvText}{rawQuery}]",
                new { },
                Now).ConfigureAwait(false);
            return;
        }

        if (account.IsIpBound && !account.Ips.Contains(x.RemoteIp, StringComparer.OrdinalIgnoreCase))
        {
            await x.WriteEnvelopeAsync(10010, "Unmatched IP, please check your API key's bound IP addresses.", new { }, Now).ConfigureAwait(false);
            return;
        }

        if (account.ExpiresAt is { } expiresAt && expiresAt <= Now)
        {
            await x.WriteEnvelopeAsync(33004, "Your api key has expired.", new { }, Now).ConfigureAwait(false);
            return;
        }

        await DelayAsync(account.Latency, x).ConfigureAwait(false);

        if (!TakeUidBudget(account.Uid, path, x))
        {
            await x.WriteEnvelopeAsync(10006, "Too many visits!", new { }, Now).ConfigureAwait(false);
            return;
        }

        if (_options.Demo && path.StartsWith("/v5/asset/", StringComparison.OrdinalIgnoreCase))
        {
            await x.WriteEnvelopeAsync(10032, "Demo trading are not supported.", new { }, Now).ConfigureAwait(false);
            return;
        }

        if (Faults.ResultOverrides.TryGetValue(path, out var rawResult))
        {
            await x.WriteEnvelopeAsync(0, "OK", JsonDocument.Parse(rawResult).RootElement.Clone(), Now).ConfigureAwait(false);
            return;
        }

        var query = x.Context.Request.Query;
        switch (path.ToLowerInvariant())
        {
            case "/v5/user/query-api":
                await x.WriteEnvelopeAsync(0, "", ApiKeyInfo(account, Now), Now).ConfigureAwait(false);
                break;
            case "/v5/account/info":
                await x.WriteEnvelopeAsync(0, "OK", new
                {
                    marginMode = account.MarginMode,
                    updatedTime = account.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    unifiedMarginStatus = account.UnifiedMarginStatus,
                    dcpStatus = "OFF",
                    timeWindow = 0,
                    smpGroup = 0,
                    isMasterTrader = account.IsMasterTrader,
                    spotHedgingStatus = "OFF",
                }, Now).ConfigureAwait(false);
                break;
            case "/v5/account/wallet-balance":
                await WalletBalanceAsync(x, account, query["accountType"].ToString(), query["coin"].ToString()).ConfigureAwait(false);
                break;
            case "/v5/position/list":
                await PositionsAsync(x, account, query).ConfigureAwait(false);
                break;
            default:
                await CoinsBalanceAsync(x, account, query["accountType"].ToString(), query["coin"].ToString()).ConfigureAwait(false);
                break;
        }
    }

    private static object ApiKeyInfo(BybitAccountScenario a, DateTimeOffset now)
    {
        var unbound = !a.IsIpBound;
        var expires = unbound ? a.ExpiresAt : null;
        return new Dictionary<string, object?>
        {
            ["id"] = (a.Uid % 10_000_000).ToString(CultureInfo.InvariantCulture),
            ["note"] = a.Name,
            ["apiKey"] = a.ApiKey,
            ["readOnly"] = a.ReadOnly ? 1 : 0,
            ["secret"] = "",
            ["permissions"] = a.Permissions,
            ["ips"] = a.Ips,
            ["type"] = 1,
            ["deadlineDay"] = expires is { } e ? (int)Math.Ceiling((e - now).TotalDays) : -2,
            ["expiredAt"] = (expires ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["createdAt"] = a.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["unified"] = 0,
            ["uta"] = a.Unified ? 1 : 0,
            ["userID"] = a.Uid,
            ["inviterID"] = 0,
            ["vipLevel"] = "No VIP",
            ["mktMakerLevel"] = "0",
            ["affiliateID"] = 0,
            ["rsaPublicKey"] = "",
            ["isMaster"] = a.IsMaster,
            ["parentUid"] = a.ParentUid.ToString(CultureInfo.InvariantCulture),
            ["kycLevel"] = "LEVEL_1",
            ["kycRegion"] = "MYS",
        };
    }

    private async Task WalletBalanceAsync(Exchange x, BybitAccountScenario a, string accountType, string coin)
    {
        var type = accountType.ToUpperInvariant();
        if (type.Length == 0)
        {
            await x.WriteEnvelopeAsync(10001, "params error: accountType is required", new { }, Now).ConfigureAwait(false);
            return;
        }

        if (a.Unified && type != "UNIFIED")
        {
            await x.WriteEnvelopeAsync(10001, "accountType only support UNIFIED.", new { }, Now).ConfigureAwait(false);
            return;
        }

        if (!a.Unified && type is not ("CONTRACT" or "SPOT"))
        {
            await x.WriteEnvelopeAsync(10001, "accountType only support CONTRACT, SPOT.", new { }, Now).ConfigureAwait(false);
            return;
        }

        var requested = coin.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).ToList();
        var usdt = type == "SPOT" ? 0m : a.UsdtBalance;
        var coins = new List<object>();
        foreach (var c in requested.Count > 0 ? requested : ["USDT"])
        {
            var balance = c == "USDT" ? usdt : 0m;
            if (requested.Count == 0 && balance == 0m)
            {
                continue;
            }

            coins.Add(WalletCoin(c, balance, a.Unified));
        }

        // Classic accounts and isolated margin have no account-wide figures: Bybit sends "".
        var accountWide = a.Unified && a.MarginMode != "ISOLATED_MARGIN";
        string Total(decimal value) => accountWide ? D(value) : "";
        await x.WriteEnvelopeAsync(0, "OK", new
        {
            list = new[]
            {
                new
                {
                    totalEquity = Total(a.DerivativesEquityUsd),
                    accountIMRate = Total(0m),
                    totalMarginBalance = Total(a.DerivativesEquityUsd),
                    totalInitialMargin = Total(0m),
                    accountType = type,
                    totalAvailableBalance = Total(a.DerivativesEquityUsd),
                    accountMMRate = Total(0m),
                    totalPerpUPL = Total(0m),
                    totalWalletBalance = Total(a.DerivativesEquityUsd),
                    accountLTV = Total(0m),
                    totalMaintenanceMargin = Total(0m),
                    coin = coins,
                },
            },
        }, Now).ConfigureAwait(false);
    }

    private static object WalletCoin(string coin, decimal balance, bool unified) => new
    {
        availableToBorrow = "",
        bonus = "0",
        accruedInterest = "0",
        availableToWithdraw = unified ? "" : D(balance),
        totalOrderIM = "0",
        equity = D(balance),
        totalPositionMM = "0",
        usdValue = D(balance),
        unrealisedPnl = "0",
        collateralSwitch = true,
        borrowAmount = "0",
        totalPositionIM = "0",
        walletBalance = D(balance),
        cumRealisedPnl = "0",
        locked = "0",
        marginCollateral = true,
        coin,
    };

    private object MaintenanceEntry(EmulatedMaintenance m) => new
    {
        id = $"{m.Begin.ToUnixTimeMilliseconds():x}-emu",
        title = m.Title,
        state = MaintenanceState(m),
        begin = m.Begin.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        end = m.End.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        href = "",
        serviceTypes = new[] { 2, 3, 4, 5 },
        product = new[] { 1, 2 },
        uidSuffix = Array.Empty<int>(),
        maintainType = 1,
        env = 1,
    };

    private string MaintenanceState(EmulatedMaintenance m) =>
        m.State ?? (Now < m.Begin ? "scheduled" : Now < m.End ? "ongoing" : "completed");

    private async Task PositionsAsync(Exchange x, BybitAccountScenario a, IQueryCollection query)
    {
        var category = query["category"].ToString().ToLowerInvariant();
        var symbol = query["symbol"].ToString().ToUpperInvariant();
        var settleCoin = query["settleCoin"].ToString().ToUpperInvariant();
        if (category is not ("linear" or "inverse" or "option"))
        {
            await x.WriteEnvelopeAsync(10001, "params error: category is invalid", new { }, Now).ConfigureAwait(false);
            return;
        }

        if (symbol.Length == 0 && settleCoin.Length == 0)
        {
            await x.WriteEnvelopeAsync(10001, "Missing some parameters that must filled in, symbol or settleCoin", new { }, Now).ConfigureAwait(false);
            return;
        }

        var limit = int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 200) : 20;
        var offset = 0;
        var cursor = query["cursor"].ToString();
        if (cursor.Length > 0 && !TryReadCursor(cursor, out offset))
        {
            await x.WriteEnvelopeAsync(10001, "params error: cursor is invalid", new { }, Now).ConfigureAwait(false);
            return;
        }

        var hedgeCapable = category == "linear";
        List<object> rows;
        if (symbol.Length > 0)
        {
            var open = a.OpenPositions.Where(p => string.Equals(p.Symbol, symbol, StringComparison.OrdinalIgnoreCase)).ToList();
            if (hedgeCapable && a.HedgeSymbols.Contains(symbol, StringComparer.OrdinalIgnoreCase))
            {
                var buy = open.FirstOrDefault(p => p.Side == "Buy");
                var sell = open.FirstOrDefault(p => p.Side == "Sell");
                rows = [PositionRow(category, symbol, 1, buy), PositionRow(category, symbol, 2, sell)];
                if (Random.Shared.Next(2) == 0)
                {
                    rows.Reverse();
                }
            }
            else
            {
                rows = [PositionRow(category, symbol, 0, open.FirstOrDefault())];
            }
        }
        else
        {
            rows = [.. a.OpenPositions
                .Where(p => p.Size > 0 && p.Symbol.EndsWith(settleCoin, StringComparison.OrdinalIgnoreCase))
                .Select(p => PositionRow(
                    category,
                    p.Symbol,
                    hedgeCapable && a.HedgeSymbols.Contains(p.Symbol, StringComparer.OrdinalIgnoreCase) ? (p.Side == "Buy" ? 1 : 2) : 0,
                    p))];
        }

        var page = rows.Skip(offset).Take(limit).ToList();
        var next = offset + limit < rows.Count ? MakeCursor(offset + limit) : "";
        await x.WriteEnvelopeAsync(0, "OK", new { list = page, nextPageCursor = next, category }, Now).ConfigureAwait(false);
    }

    // Opaque like Bybit's; contains characters that must be escaped so clients are checked for encoding.
    private static string MakeCursor(int offset) => $"page:{offset},emu";

    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        return cursor.StartsWith("page:", StringComparison.Ordinal) && cursor.EndsWith(",emu", StringComparison.Ordinal) &&
            int.TryParse(cursor.AsSpan(5, cursor.Length - 9), NumberStyles.Integer, CultureInfo.InvariantCulture, out offset) && offset >= 0;
    }

    private object PositionRow(string category, string symbol, int idx, EmulatedPosition? open)
    {
        var mark = MarkPrices.TryGetValue(symbol, out var m) ? m : 100m;
        var size = open?.Size ?? 0m;
        var avg = open?.AvgPrice ?? 0m;
        var pnl = open is null ? 0m : (mark - avg) * size * (open.Side == "Sell" ? -1 : 1);
        return new
        {
            positionIdx = idx,
            riskId = 1,
            riskLimitValue = "2000000",
            symbol,
            side = open?.Side ?? "",
            size = D(size),
            avgPrice = D(avg),
            positionValue = D(avg * size),
            tradeMode = 0,
            positionStatus = "Normal",
            autoAddMargin = 0,
            adlRankIndicator = open is null ? 0 : 2,
            leverage = "10",
            positionBalance = D(avg * size / 10m),
            markPrice = D(mark),
            liqPrice = "",
            bustPrice = "",
            positionMM = "0",
            positionIM = D(avg * size / 10m),
            tpslMode = "Full",
            takeProfit = "0",
            stopLoss = "0",
            trailingStop = "0",
            unrealisedPnl = D(pnl),
            curRealisedPnl = "0",
            cumRealisedPnl = "0",
            seq = open is null ? -1 : 8_327_597_863L,
            isReduceOnly = false,
            createdTime = "1694402496913",
            updatedTime = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            category,
        };
    }

    private async Task CoinsBalanceAsync(Exchange x, BybitAccountScenario a, string accountType, string coin)
    {
        var type = accountType.ToUpperInvariant();
        var requested = coin.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).ToList();
        decimal usdt;
        switch (type)
        {
            case "FUND":
                if (a.FundingNeedsTransferPermission &&
                    !(a.Permissions.TryGetValue("Wallet", out var wallet) && wallet.Contains("AccountTransfer")))
                {
                    await x.WriteEnvelopeAsync(10005, "Permission denied, please check your API key permissions.", new { }, Now).ConfigureAwait(false);
                    return;
                }

                usdt = a.FundingUsdt;
                break;
            case "UNIFIED" when a.Unified:
            case "CONTRACT" when !a.Unified:
                if (requested.Count == 0)
                {
                    await x.WriteEnvelopeAsync(10001, "params error: coin is required for this accountType", new { }, Now).ConfigureAwait(false);
                    return;
                }

                usdt = a.UsdtBalance;
                break;
            case "":
                await x.WriteEnvelopeAsync(10001, "params error: accountType is required", new { }, Now).ConfigureAwait(false);
                return;
            default:
                await x.WriteEnvelopeAsync(10001, a.Unified ? "accountType only support UNIFIED." : "accountType only support CONTRACT, SPOT.", new { }, Now).ConfigureAwait(false);
                return;
        }

        var balances = (requested.Count > 0 ? requested : ["USDT"])
            .Select(c => c == "USDT" ? usdt : 0m)
            .Zip(requested.Count > 0 ? requested : ["USDT"])
            .Where(p => requested.Count > 0 || p.First > 0)
            .Select(p => new { coin = p.Second, transferBalance = D(p.First), walletBalance = D(p.First), bonus = "" })
            .ToList();
        await x.WriteEnvelopeAsync(0, "success", new
        {
            memberId = a.Uid.ToString(CultureInfo.InvariantCulture),
            accountType = type,
            balance = balances,
        }, Now).ConfigureAwait(false);
    }

    private bool CountIp(Exchange x)
    {
        lock (_limitsLock)
        {
            if (!_ipWindows.TryGetValue(x.RemoteIp, out var window))
            {
                window = new Queue<DateTimeOffset>();
                _ipWindows[x.RemoteIp] = window;
            }

            Trim(window, x.ReceivedAt - _options.IpRateLimitWindow).Enqueue(x.ReceivedAt);
            _ipTotals[x.RemoteIp] = _ipTotals.GetValueOrDefault(x.RemoteIp) + 1;
            _peakIpRequests = Math.Max(_peakIpRequests, window.Count);
            return window.Count > _options.IpRateLimit;
        }
    }

    private bool TakeUidBudget(long uid, string path, Exchange x)
    {
        var limit = EndpointLimits[path];
        var now = Now;
        int remaining;
        DateTimeOffset reset;
        bool allowed;
        lock (_limitsLock)
        {
            var key = (uid, path.ToLowerInvariant());
            if (!_uidWindows.TryGetValue(key, out var window))
            {
                window = new Queue<DateTimeOffset>();
                _uidWindows[key] = window;
            }

            Trim(window, now - TimeSpan.FromSeconds(1));
            allowed = window.Count < limit;
            if (allowed)
            {
                window.Enqueue(now);
            }

            remaining = Math.Max(0, limit - window.Count);
            reset = allowed ? now : window.Peek() + TimeSpan.FromSeconds(1);
        }

        var headers = x.Context.Response.Headers;
        headers["X-Bapi-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-Bapi-Limit-Status"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-Bapi-Limit-Reset-Timestamp"] = reset.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return allowed;
    }

    private static Queue<DateTimeOffset> Trim(Queue<DateTimeOffset> window, DateTimeOffset before)
    {
        while (window.Count > 0 && window.Peek() <= before)
        {
            window.Dequeue();
        }

        return window;
    }

    private Task DelayAsync(TimeSpan delay, Exchange x) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, _options.TimeProvider, x.Context.RequestAborted) : Task.CompletedTask;

    private static string Sign(string plain, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(plain)));

    private static string D(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private const string GeoBlockPage =
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\">\n" +
        "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\">\n" +
        "<TITLE>ERROR: The request could not be satisfied</TITLE></HEAD><BODY>\n" +
        "<H1>403 ERROR</H1><H2>The request could not be satisfied.</H2><HR noshade size=\"1px\">\n" +
        "The Amazon CloudFront distribution is configured to block access from your country.\n" +
        "</BODY></HTML>";

    private sealed class Exchange(HttpContext context, DateTimeOffset receivedAt, TimeSpan slowBody, long padding, TimeProvider time, IReadOnlyList<(string Field, string Json)> fields)
    {
        public HttpContext Context { get; } = context;

        public DateTimeOffset ReceivedAt { get; } = receivedAt;

        public string RemoteIp { get; } = context.Connection.RemoteIpAddress is { } ip
            ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
            : "unknown";

        public string RawQuery { get; } = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "";

        public string Method { get; } = context.Request.Method;

        public string Path { get; } = context.Request.Path.Value ?? "";

        // The signature is secret-derived; keep the header but not its value.
        public IReadOnlyDictionary<string, string> Headers { get; } = context.Request.Headers.ToDictionary(
            h => h.Key,
            h => string.Equals(h.Key, "X-BAPI-SIGN", StringComparison.OrdinalIgnoreCase) ? "***" : h.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);

        public volatile bool Completed;

        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int StatusCode { get; set; }

        public int? RetCode { get; private set; }

        public bool IsViolation { get; set; }

        public BybitRecordedRequest ToRecord() =>
            new(ReceivedAt, Method, Path, RawQuery, Headers, RemoteIp, Completed ? StatusCode : 0, Completed ? RetCode : null);

        public async Task WriteRawAsync(int status, string body, string contentType)
        {
            StatusCode = status;
            Context.Response.StatusCode = status;
            Context.Response.ContentType = contentType;
            await WriteBodyAsync(Encoding.UTF8.GetBytes(body)).ConfigureAwait(false);
        }

        public async Task WriteEnvelopeAsync(int retCode, string retMsg, object result, DateTimeOffset now)
        {
            RetCode = retCode;
            StatusCode = 200;
            Context.Response.StatusCode = 200;
            Context.Response.ContentType = "application/json";
            Context.Response.Headers["Ret_code"] = retCode.ToString(CultureInfo.InvariantCulture);
            Context.Response.Headers["Timenow"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            if (retCode == 0 && fields.Count > 0)
            {
                var node = JsonSerializer.SerializeToNode(result, Json);
                foreach (var (field, value) in fields)
                {
                    SetField(node, field.Split('.'), value);
                }

                result = node!;
            }

            var json = JsonSerializer.SerializeToUtf8Bytes(
                new { retCode, retMsg, result, retExtInfo = new { }, time = now.ToUnixTimeMilliseconds() },
                Json);
            if (await WritePaddingAsync().ConfigureAwait(false))
            {
                await WriteBodyAsync(json).ConfigureAwait(false);
            }
        }

        // "a.b" sets b inside a; "list[].b" sets b in every element of list.
        private static void SetField(JsonNode? node, string[] parts, string json)
        {
            if (node is not JsonObject obj)
            {
                return;
            }

            var name = parts[0];
            if (parts.Length == 1)
            {
                obj[name] = JsonNode.Parse(json);
            }
            else if (name.EndsWith("[]", StringComparison.Ordinal))
            {
                foreach (var item in obj[name[..^2]] as JsonArray ?? [])
                {
                    SetField(item, parts[1..], json);
                }
            }
            else
            {
                SetField(obj[name], parts[1..], json);
            }
        }

        // Leading whitespace keeps the JSON valid however large the answer gets; it is streamed, never held.
        // Returns false when the client hung up part way (recorded as 499).
        private async Task<bool> WritePaddingAsync()
        {
            if (padding <= 0)
            {
                return true;
            }

            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var left = padding; left > 0; left -= chunk.Length)
            {
                // Kestrel discards writes after a hang-up and cancels RequestAborted later, on the thread pool; a
                // completed flush is the prompt sign that the client is gone.
                var flushed = await Context.Response.BodyWriter.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)), Context.RequestAborted).ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled || Context.RequestAborted.IsCancellationRequested)
                {
                    StatusCode = 499;
                    return false;
                }
            }

            return true;
        }

        private async Task WriteBodyAsync(byte[] body)
        {
            if (slowBody <= TimeSpan.Zero)
            {
                await Context.Response.Body.WriteAsync(body, Context.RequestAborted).ConfigureAwait(false);
                return;
            }

            // Headers at once, then a byte at a time: a slow-loris answer.
            await Context.Response.StartAsync(Context.RequestAborted).ConfigureAwait(false);
            for (var i = 0; i < body.Length; i++)
            {
                await Context.Response.Body.WriteAsync(body.AsMemory(i, 1), Context.RequestAborted).ConfigureAwait(false);
                await Context.Response.Body.FlushAsync(Context.RequestAborted).ConfigureAwait(false);
                await Task.Delay(slowBody, time, Context.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>Turns finished reads into the checks of PRODUCT.md §5, worded in <paramref name="t"/>'s language. Pure: no I/O, the clock is passed in.</summary>
internal sealed class DiagnosticEvaluation(CheckTexts t)
{
    private static readonly string[] TransferPermissions = ["AccountTransfer", "SubMemberTransfer", "SubMemberTransferList"];
    private static readonly string[] RequiredContractPermissions = ["Order", "Position"];

    // deadlineDay is whole days (rounded either way), and Bybit's clock may be a little off ours.
    private const double ExpiryRoundingDays = 2;

    public (IReadOnlyList<CheckResult> Checks, ReportAccount? Account) Evaluate(
        AccountReadings readings, string host, string maskedKey, DiagnosticsOptions options, DateTimeOffset now)
    {
        var maintenance = ActiveMaintenance(readings);
        if (readings.Key.Failure is { } keyFailure)
        {
            // query-api decides alone when it fails: the other reads used the same key and host.
            var rejected = KeyRejected(keyFailure, host);
            if (maintenance is not null)
            {
                // During maintenance Bybit's refusals say nothing about the key.
                rejected[0] = Maintenance(maintenance);
                rejected[1] = Result(CheckIds.ApiKey, CheckStatus.Skip, t.SkippedMaintenance, null, null);
            }

            return (rejected, null);
        }

        var key = readings.Key.Value!;
        var unified = readings.Unified ?? key.IsUnified;
        var blocking = CouldNotRunFailures(readings, unified).ToList();

        var checks = new List<CheckResult>
        {
            maintenance is not null ? Maintenance(maintenance)
            : blocking.Count == 0
                ? Result(CheckIds.Connectivity, CheckStatus.Pass, t.Connectivity.Pass(host), null, null)
                : ConnectivityFailed(blocking[0].Failure, host, string.Join(", ", blocking.Select(b => b.What))),
            Result(CheckIds.ApiKey, CheckStatus.Pass, t.ApiKey.Pass(maskedKey, host), null, null),
            ReadWrite(key),
            ContractTrading(key),
            Withdrawal(key),
            Transfer(key),
            ExtraPermissions(key, unified),
            PositionMode(readings),
            Balance(readings, unified, options, host),
            AccountType(readings, key, unified),
            KeyExpiry(key, options, now),
        };

        var uta = readings.Account.Value?.UnifiedMarginStatus switch
        {
            3 or 4 => "1.0",
            5 or 6 => "2.0",
            _ => null,
        };
        var account = new ReportAccount(unified ? ReportAccount.Unified : ReportAccount.Classic, key.IsMaster, unified ? uta : null);
        return (checks, account);
    }

    /// <summary>
    /// The key's answer, or Unreadable when its expiry contradicts itself: for a key not bound to IPs, expiredAt and
    /// deadlineDay (days of validity left) are two forms of one date (bybit-v5.md §3). When they disagree by more than
    /// rounding, neither can be believed, and a far-off expiredAt must not hide a key that stops in days.
    /// </summary>
    public static ReadResult<ApiKeyFacts> KeyInDomain(ReadResult<ApiKeyFacts> key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Value is not { IsIpBound: false, ExpiresAt: { } expiresAt, DeadlineDays: { } days and > 0 })
        {
            return key;
        }

        var daysLeft = (expiresAt - now).TotalDays;
        return Math.Abs(daysLeft - days) <= ExpiryRoundingDays
            ? key
            : ReadResult<ApiKeyFacts>.Fail(new ReadFailure(
                ReadFailureKind.Unreadable,
                0,
                200,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The key's expiredAt ({expiresAt:yyyy-MM-dd}) and deadlineDay ({days}) disagree.")));
    }

    private List<CheckResult> KeyRejected(ReadFailure failure, string host)
    {
        var checks = new List<CheckResult>();
        string skipText;
        if (FailureKinds.MeansCouldNotRun(failure.Kind) || failure.Kind is ReadFailureKind.PermissionDenied or ReadFailureKind.AccountModeMismatch or ReadFailureKind.NotOnDemo or ReadFailureKind.Other)
        {
            // query-api accepts any permission, so anything but a key rejection here means the check couldn't run.
            checks.Add(ConnectivityFailed(failure, host, t.KeyDetails));
            skipText = SkipText(failure);
            checks.Add(Result(CheckIds.ApiKey, CheckStatus.Skip, skipText, null, null));
        }
        else
        {
            checks.Add(Result(CheckIds.Connectivity, CheckStatus.Pass, t.Connectivity.Pass(host), null, null));
            checks.Add(failure.Kind switch
            {
                ReadFailureKind.InvalidKey when Sites.IsDemo(host) => Result(CheckIds.ApiKey, CheckStatus.Fail, t.ApiKey.InvalidDemoKeyDetail, t.ApiKey.InvalidDemoKeyFix, GuideSteps.CreateKey) with { Code = "10003" },
                ReadFailureKind.InvalidKey => Result(CheckIds.ApiKey, CheckStatus.Fail, t.ApiKey.InvalidKeyDetail, t.ApiKey.InvalidKeyFix, GuideSteps.CreateKey) with { Code = "10003" },
                ReadFailureKind.IpNotAllowed when Sites.IsEu(host) => Result(CheckIds.ApiKey, CheckStatus.Warn, t.ApiKey.EuIpNotAllowedDetail, t.ApiKey.EuIpNotAllowedFix, null) with { Code = "10010" },
                ReadFailureKind.SignatureRejected => Result(CheckIds.ApiKey, CheckStatus.Fail, t.ApiKey.SignatureRejectedDetail, t.ApiKey.SignatureRejectedFix, GuideSteps.ConfirmCreation) with { Code = "10004" },
                ReadFailureKind.KeyExpired => Result(CheckIds.ApiKey, CheckStatus.Fail, t.ApiKey.ExpiredDetail, t.ApiKey.ExpiredFix, GuideSteps.CreateKey) with { Code = "33004" },
                ReadFailureKind.IpNotAllowed => Result(CheckIds.ApiKey, CheckStatus.Warn, t.ApiKey.IpNotAllowedDetail, t.ApiKey.IpNotAllowedFix, GuideSteps.Permissions) with { Code = "10010" },
                _ => Result(CheckIds.ApiKey, CheckStatus.Fail, t.ApiKey.RestrictedDetail(failure), t.ApiKey.RestrictedFix, null),
            });
            skipText = t.SkippedNeedsAcceptedKey;
        }

        checks.AddRange(CheckIds.NeedingAcceptedKey.Select(id => Result(id, CheckStatus.Skip, skipText, null, null)));
        return checks;
    }

    private IEnumerable<(string What, ReadFailure Failure)> CouldNotRunFailures(AccountReadings readings, bool unified)
    {
        // Funding is left out: it only adds a hint to the balance check and often fails by design (10005).
        var reads = new List<(string What, ReadFailure? Failure)>
        {
            (t.AccountDetails, readings.Account.Failure),
            (t.DerivativesWallet, DerivativesFailure(readings, unified)),
        };
        reads.AddRange(readings.Symbols.Select(s => (t.PositionsOf(s.Symbol), s.Result.Failure)));
        reads.Add(("the open positions", readings.OpenPositions.Failure));

        return reads
            .Where(r => r.Failure is not null && FailureKinds.MeansCouldNotRun(r.Failure.Kind))
            .Select(r => (r.What, r.Failure!));
    }

    /// <summary>Why a check with verdict error could not run, for hosts (report field couldNotRun).</summary>
    public string? CouldNotRunReason(AccountReadings readings)
    {
        if (ActiveMaintenance(readings) is not null)
        {
            return "maintenance";
        }

        var unified = readings.Unified ?? readings.Key.Value?.IsUnified ?? true;
        var failure = readings.Key.Failure is { } keyFailure
            ? keyFailure
            : CouldNotRunFailures(readings, unified).Select(f => f.Failure).FirstOrDefault();
        return failure?.Kind switch
        {
            null => null,
            ReadFailureKind.Unreadable => "unreadable",
            ReadFailureKind.Timeout => "timeout",
            ReadFailureKind.Unreachable => "unreachable",
            ReadFailureKind.ServerError => "server-error",
            ReadFailureKind.RateLimited => "rate-limited",
            ReadFailureKind.GeoBlocked => "geo-blocked",
            ReadFailureKind.TimestampRejected => "clock",
            _ => "other",
        };
    }

    private static MaintenanceWindow? ActiveMaintenance(AccountReadings readings)
    {
        if (readings.Maintenance.Value is not { Count: > 0 } windows)
        {
            return null;
        }

        var uid = readings.Key.Value?.UserId ?? 0;
        return windows.FirstOrDefault(w => w.IsActive && (w.UidSuffixes.Count == 0 || uid == 0 || w.UidSuffixes.Contains((int)(uid % 10))));
    }

    private CheckResult Maintenance(MaintenanceWindow window) =>
        Result(CheckIds.Connectivity, CheckStatus.Fail, t.Connectivity.Maintenance(window), t.Connectivity.MaintenanceFix(window), null);

    // The derivatives wallet read's failure, or an unreadable one when Bybit answered without any usable figure
    // (every amount "" or missing): that is Bybit's answer not being readable, not a balance of $0.
    private static ReadFailure? DerivativesFailure(AccountReadings readings, bool unified)
    {
        if (readings.Derivatives is not { } derivatives)
        {
            return null;
        }

        if (derivatives.Failure is not null)
        {
            return derivatives.Failure;
        }

        var wallet = derivatives.Value!;
        var usdt = wallet.Coins.FirstOrDefault(c => string.Equals(c.Coin, "USDT", StringComparison.OrdinalIgnoreCase));
        var readable = unified
            ? wallet.TotalEquityUsd is not null || wallet.Coins.All(c => c.UsdValue is not null)
            : usdt is null || usdt.Equity is not null || usdt.WalletBalance is not null;
        return readable ? null : new ReadFailure(ReadFailureKind.Unreadable, 0, 200, "The wallet balance came without any amount.");
    }

    private string SkipText(ReadFailure failure) => failure.Kind == ReadFailureKind.Unreadable
        ? t.SkippedUnreadable
        : t.SkippedCouldNotRun;

    private CheckResult ConnectivityFailed(ReadFailure failure, string host, string what) =>
        Result(CheckIds.Connectivity, CheckStatus.Fail, t.Connectivity.Failure(failure, host, what), t.Connectivity.Fix(failure), null);

    private CheckResult ReadWrite(ApiKeyFacts key) => key.ReadOnly
        ? Result(CheckIds.ReadWrite, CheckStatus.Fail, t.ReadWrite.FailDetail, t.ReadWrite.Fix, GuideSteps.Permissions)
        : Result(CheckIds.ReadWrite, CheckStatus.Pass, t.ReadWrite.Pass, null, GuideSteps.Permissions);

    private CheckResult ContractTrading(ApiKeyFacts key)
    {
        var granted = Group(key, "ContractTrade");
        var missing = RequiredContractPermissions.Where(p => !granted.Contains(p, StringComparer.Ordinal)).ToList();
        return missing.Count == 0
            ? Result(CheckIds.ContractTrading, CheckStatus.Pass, t.ContractTrading.Pass, null, GuideSteps.Permissions)
            : Result(CheckIds.ContractTrading, CheckStatus.Fail, t.ContractTrading.FailDetail(missing), t.ContractTrading.Fix, GuideSteps.Permissions);
    }

    private CheckResult Withdrawal(ApiKeyFacts key) => Group(key, "Wallet").Contains("Withdraw", StringComparer.Ordinal)
        ? Result(CheckIds.Withdrawal, CheckStatus.Fail, t.Withdrawal.FailDetail, t.Withdrawal.Fix, GuideSteps.Permissions)
        : Result(CheckIds.Withdrawal, CheckStatus.Pass, t.Withdrawal.Pass, null, GuideSteps.Permissions);

    private CheckResult Transfer(ApiKeyFacts key)
    {
        var wallet = Group(key, "Wallet");
        var granted = TransferPermissions.Where(p => wallet.Contains(p, StringComparer.Ordinal)).ToList();
        return granted.Count == 0
            ? Result(CheckIds.Transfer, CheckStatus.Pass, t.Transfer.Pass, null, GuideSteps.Permissions)
            : Result(CheckIds.Transfer, CheckStatus.Fail, t.Transfer.FailDetail(granted), t.Transfer.Fix, GuideSteps.Permissions);
    }

    private CheckResult ExtraPermissions(ApiKeyFacts key, bool unified)
    {
        var extra = key.Permissions
            .Where(g => g.Key is not ("ContractTrade" or "Wallet"))
            .Where(g => !(unified && g.Key == "Derivatives"))
            .Where(g => g.Value is { Count: > 0 })
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        return extra.Count == 0
            ? Result(CheckIds.ExtraPermissions, CheckStatus.Pass, t.ExtraPermissions.Pass, null, GuideSteps.Permissions)
            : Result(CheckIds.ExtraPermissions, CheckStatus.Warn, t.ExtraPermissions.WarnDetail(extra), t.ExtraPermissions.Fix, GuideSteps.Permissions);
    }

    private CheckResult PositionMode(AccountReadings readings)
    {
        var hedge = new List<string>();
        var oneWay = new List<string>();
        var noRows = new List<string>();
        var unreadable = new List<string>();
        ReadFailure? couldNotRun = null;

        foreach (var symbol in readings.Symbols)
        {
            if (symbol.Result.Failure is { } failure)
            {
                couldNotRun ??= FailureKinds.MeansCouldNotRun(failure.Kind) ? failure : null;
                unreadable.Add(t.PositionMode.CouldNotRead(t.PositionsOf(symbol.Symbol), failure));
                continue;
            }

            var rows = symbol.Result.Value!;
            if (rows.Count == 0)
            {
                noRows.Add(symbol.Symbol);
            }
            else if (rows.Any(IsHedgeRow))
            {
                hedge.Add(symbol.Symbol);
            }
            else
            {
                oneWay.Add(symbol.Symbol);
            }
        }

        var openCount = 0;
        if (readings.OpenPositions.Failure is { } openFailure)
        {
            couldNotRun ??= FailureKinds.MeansCouldNotRun(openFailure.Kind) ? openFailure : null;
            unreadable.Add(t.PositionMode.CouldNotRead(t.OpenPositions, openFailure));
        }
        else
        {
            var open = readings.OpenPositions.Value!;
            openCount = open.Select(r => r.Symbol).Distinct(StringComparer.Ordinal).Count();
            hedge.AddRange(open
                .Where(IsHedgeRow)
                .Select(r => r.Symbol)
                .Where(s => !hedge.Contains(s, StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal));
        }

        if (hedge.Count > 0)
        {
            // Hedge Mode is a definite finding even when other symbols couldn't be read.
            var detail = t.PositionMode.HedgeDetail(hedge);
            if (noRows.Count > 0)
            {
                detail += " " + t.PositionMode.NoRows(noRows);
            }

            detail = string.Join(" ", [detail, .. unreadable]);
            return Result(CheckIds.PositionMode, CheckStatus.Fail, detail, t.PositionMode.HedgeFix, GuideSteps.OneWayMode);
        }

        if (couldNotRun is not null)
        {
            return Result(CheckIds.PositionMode, CheckStatus.Skip, SkipText(couldNotRun), null, null);
        }

        if (noRows.Count > 0 || unreadable.Count > 0)
        {
            var parts = new List<string>(unreadable);
            if (noRows.Count > 0)
            {
                parts.Insert(0, t.PositionMode.NoRows(noRows));
            }

            if (oneWay.Count > 0)
            {
                parts.Add(t.PositionMode.Pass(oneWay, 0));
            }

            return Result(CheckIds.PositionMode, CheckStatus.Warn, string.Join(" ", parts), t.PositionMode.UnknownFix, GuideSteps.OneWayMode);
        }

        return Result(CheckIds.PositionMode, CheckStatus.Pass, t.PositionMode.Pass(oneWay, openCount), null, GuideSteps.OneWayMode);
    }

    // Hedge Mode shows as positionIdx 1 and 2 in any order; never judge by row order or count.
    private static bool IsHedgeRow(PositionRow row) => row.PositionIdx is 1 or 2;

    private CheckResult Balance(AccountReadings readings, bool unified, DiagnosticsOptions options, string host)
    {
        if (readings.Derivatives is null)
        {
            return Result(CheckIds.Balance, CheckStatus.Warn, t.Balance.AccountTypeUnknown, t.Balance.CouldNotReadFix(options.MinimumBalanceUsd), GuideSteps.BeforeYouBegin);
        }

        if (DerivativesFailure(readings, unified) is { } failure)
        {
            return FailureKinds.MeansCouldNotRun(failure.Kind)
                ? Result(CheckIds.Balance, CheckStatus.Skip, SkipText(failure), null, null)
                : Result(CheckIds.Balance, CheckStatus.Warn, t.Balance.CouldNotRead(failure), t.Balance.CouldNotReadFix(options.MinimumBalanceUsd), GuideSteps.BeforeYouBegin);
        }

        var (amount, figure) = DerivativesEquity(readings.Derivatives.Value!, unified);
        var status = amount < options.MinimumBalanceUsd ? CheckStatus.Fail
            : amount < options.RecommendedBalanceUsd ? CheckStatus.Warn
            : CheckStatus.Pass;

        var detail = status switch
        {
            CheckStatus.Fail => t.Balance.Fail(figure, amount, options.MinimumBalanceUsd),
            CheckStatus.Warn => t.Balance.Warn(figure, amount, options.MinimumBalanceUsd, options.RecommendedBalanceUsd),
            _ => t.Balance.Pass(figure, amount, options.RecommendedBalanceUsd),
        };

        if (status == CheckStatus.Pass)
        {
            return Result(CheckIds.Balance, status, detail, null, GuideSteps.BeforeYouBegin);
        }

        // The Funding wallet is always mentioned: money there is the usual reason for a low balance, and a correctly
        // limited key usually can't read it (10005), so the member is told to look.
        var holdings = readings.Funding.Value is { } funding ? FundingHoldings(funding) : [];
        detail += holdings.Count > 0
            ? t.Balance.FundingMention(holdings, unified)
            : readings.Funding.Failure is { Kind: ReadFailureKind.NotOnDemo } || Sites.IsDemo(host) ? string.Empty
            : readings.Funding.Success ? t.Balance.FundingEmpty
            : t.Balance.FundingUnreadable(unified);

        return Result(CheckIds.Balance, status, detail, t.Balance.LowFix(unified, options.RecommendedBalanceUsd), GuideSteps.BeforeYouBegin);
    }

    private (decimal Amount, string Figure) DerivativesEquity(WalletFacts wallet, bool unified)
    {
        if (unified)
        {
            return wallet.TotalEquityUsd is { } total
                ? (total, t.Balance.UnifiedTotalEquity)
                : (wallet.Coins.Sum(c => c.UsdValue ?? 0m), t.Balance.UnifiedCoinValues);
        }

        var usdt = wallet.Coins.FirstOrDefault(c => string.Equals(c.Coin, "USDT", StringComparison.OrdinalIgnoreCase));
        var others = wallet.Coins.Where(c => c != usdt && c.UsdValue is > 0m).ToList();
        var (usdtAmount, figure) = usdt?.Equity is { } equity
            ? (equity, t.Balance.ClassicUsdtEquity)
            : (usdt?.WalletBalance ?? 0m, usdt?.WalletBalance is null ? t.Balance.ClassicUsdtEquity : t.Balance.ClassicUsdtWalletBalance);
        return (usdtAmount + others.Sum(c => c.UsdValue!.Value), t.Balance.WithOtherCoins(figure, others.Count));
    }

    private static List<string> FundingHoldings(WalletFacts funding) => funding.Coins
        .Select(c => (c.Coin, Amount: c.WalletBalance ?? c.Equity ?? 0m))
        .Where(c => c.Amount > 0m)
        .OrderByDescending(c => c.Amount)
        .Select(c => $"{c.Amount.ToString("0.########", System.Globalization.CultureInfo.InvariantCulture)} {c.Coin}")
        .ToList();

    private CheckResult AccountType(AccountReadings readings, ApiKeyFacts key, bool unified)
    {
        if (readings.Account.Value is { } account)
        {
            var name = t.AccountType.Name(account.UnifiedMarginStatus);
            var classic = account.UnifiedMarginStatus == 1;
            if (!classic && !account.IsMasterTrader)
            {
                return Result(CheckIds.AccountType, CheckStatus.Pass, t.AccountType.Pass(name, key.IsMaster), null, GuideSteps.Permissions);
            }

            var details = new List<string> { t.AccountType.Pass(name, key.IsMaster) };
            var fixes = new List<string>();
            if (classic)
            {
                details.Add(t.AccountType.ClassicDetail);
                fixes.Add(t.AccountType.ClassicFix);
            }

            if (account.IsMasterTrader)
            {
                details.Add(t.AccountType.MasterTraderDetail);
                fixes.Add(t.AccountType.MasterTraderFix);
            }

            return Result(CheckIds.AccountType, CheckStatus.Warn, string.Join(" ", details), string.Join(" ", fixes), classic ? GuideSteps.CreateKey : null);
        }

        var failure = readings.Account.Failure!;
        if (FailureKinds.MeansCouldNotRun(failure.Kind))
        {
            return Result(CheckIds.AccountType, CheckStatus.Skip, SkipText(failure), null, null);
        }

        var partly = t.AccountType.PartlyRead(t.AccountType.Name(unified), key.IsMaster, failure);
        return unified
            ? Result(CheckIds.AccountType, CheckStatus.Warn, partly, t.AccountType.Fix, GuideSteps.Permissions)
            : Result(CheckIds.AccountType, CheckStatus.Warn, partly + " " + t.AccountType.ClassicDetail, t.AccountType.ClassicFix, GuideSteps.CreateKey);
    }

    private CheckResult KeyExpiry(ApiKeyFacts key, DiagnosticsOptions options, DateTimeOffset now)
    {
        if (key.IsIpBound)
        {
            return Result(CheckIds.KeyExpiry, CheckStatus.Pass, t.KeyExpiry.IpBound, null, GuideSteps.CreateKey);
        }

        var expiresAt = key.ExpiresAt ?? (key.DeadlineDays is { } days and > 0 ? now.AddDays(days) : null);
        if (expiresAt is not { } expiry)
        {
            return Result(CheckIds.KeyExpiry, CheckStatus.Pass, t.KeyExpiry.NoDate, null, GuideSteps.CreateKey);
        }

        if (expiry <= now)
        {
            return Result(CheckIds.KeyExpiry, CheckStatus.Fail, t.KeyExpiry.Expired(expiry, now), t.KeyExpiry.ExpiredFix, GuideSteps.CreateKey) with { ExpiresAt = expiry };
        }

        return (expiry - now <= options.ExpiryWarning
            ? Result(CheckIds.KeyExpiry, CheckStatus.Warn, t.KeyExpiry.ExpiresSoon(expiry, now), t.KeyExpiry.SoonFix, GuideSteps.CreateKey)
            : Result(CheckIds.KeyExpiry, CheckStatus.Pass, t.KeyExpiry.Pass(expiry, now), null, GuideSteps.CreateKey)) with { ExpiresAt = expiry };
    }

    private static IReadOnlyList<string> Group(ApiKeyFacts key, string name) =>
        key.Permissions.TryGetValue(name, out var values) && values is not null ? values : [];

    private CheckResult Result(string id, CheckStatus status, string detail, string? fix, int? guideStep) =>
        new(id, status, t.Title(id), detail, fix, guideStep);
}

/// <summary>Which Bybit site a host belongs to, where the check explains things differently.</summary>
internal static class Sites
{
    public static bool IsDemo(string host) => Uri.TryCreate(host, UriKind.Absolute, out var uri) && uri.Host.StartsWith("api-demo", StringComparison.OrdinalIgnoreCase);

    public static bool IsEu(string host) => Uri.TryCreate(host, UriKind.Absolute, out var uri) && uri.Host.EndsWith("bybit.eu", StringComparison.OrdinalIgnoreCase);
}

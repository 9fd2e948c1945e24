using System.Globalization;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>How a check's texts show a moment: Discord timestamps (each reader's own clock and language) or plain UTC (the CLI).</summary>
public enum CheckMoments
{
    DiscordTimestamps,
    Utc,
}

/// <summary>
/// Every word the key check shows a member, in the reader's language: the catalogue's <c>checkText.*</c> texts
/// (<see cref="TextIds.CheckText"/>) with their holes filled. Texts never contain the secret; the key appears only masked.
/// Bybit's own permission names (Orders, Positions, Account Transfer, …) stay as Bybit's English screens show them.
/// </summary>
public sealed class CheckTexts
{
    private readonly LocaleTexts texts;
    private readonly CheckMoments moments;

    public CheckTexts(LocaleTexts texts, CheckMoments moments = CheckMoments.DiscordTimestamps)
    {
        ArgumentNullException.ThrowIfNull(texts);
        this.texts = texts;
        this.moments = moments;
        Connectivity = new(this);
        ApiKey = new(this);
        ReadWrite = new(this);
        ContractTrading = new(this);
        Withdrawal = new(this);
        Transfer = new(this);
        ExtraPermissions = new(this);
        PositionMode = new(this);
        Balance = new(this);
        AccountType = new(this);
        KeyExpiry = new(this);
    }

    /// <summary>The shipped locale these texts are in ("es-ES").</summary>
    public string Locale => texts.Locale;

    public string SkippedNeedsAcceptedKey => Get(TextIds.CheckText.SkippedNeedsAcceptedKey);

    public string SkippedCouldNotRun => Get(TextIds.CheckText.SkippedCouldNotRun);

    public string SkippedUnreadable => Get(TextIds.CheckText.SkippedUnreadable);

    public string SkippedMaintenance => Get(TextIds.CheckText.SkippedMaintenance);

    public ConnectivityTexts Connectivity { get; }

    public ApiKeyTexts ApiKey { get; }

    public ReadWriteTexts ReadWrite { get; }

    public ContractTradingTexts ContractTrading { get; }

    public WithdrawalTexts Withdrawal { get; }

    public TransferTexts Transfer { get; }

    public ExtraPermissionsTexts ExtraPermissions { get; }

    public PositionModeTexts PositionMode { get; }

    public BalanceTexts Balance { get; }

    public AccountTypeTexts AccountType { get; }

    public KeyExpiryTexts KeyExpiry { get; }

    /// <summary>A check's name in this language; an id this version doesn't know stays as it is.</summary>
    public string Title(string checkId) =>
        texts.Has(TextIds.Report.CheckName(checkId)) ? texts.Get(TextIds.Report.CheckName(checkId)) : checkId;

    /// <summary>What Discord-facing texts call "the positions of BTCUSDT" and "the open positions", the reads that can fail.</summary>
    public string PositionsOf(string symbol) => Get(TextIds.CheckText.PositionsOf, ("symbol", symbol));

    public string OpenPositions => Get(TextIds.CheckText.OpenPositions);

    public string KeyDetails => Get(TextIds.CheckText.KeyDetails);

    public string AccountDetails => Get(TextIds.CheckText.AccountDetails);

    public string DerivativesWallet => Get(TextIds.CheckText.DerivativesWallet);

    private string Get(string id, params ReadOnlySpan<(string Name, string Value)> holes) => texts.Get(id, holes);

    private string Count(string id, long count, params ReadOnlySpan<(string Name, string Value)> holes) => texts.Count(id, count, holes);

    private string List(IReadOnlyList<string> items) => texts.List(items);

    private string Usd(decimal amount) => texts.Money(amount);

    private string Moment(DateTimeOffset value) => moments == CheckMoments.DiscordTimestamps
        ? string.Create(CultureInfo.InvariantCulture, $"<t:{value.ToUnixTimeSeconds()}:f>")
        : string.Create(CultureInfo.InvariantCulture, $"{value.UtcDateTime:yyyy-MM-dd} {value.UtcDateTime:HH:mm} UTC");

    private string Date(DateTimeOffset value) => moments == CheckMoments.DiscordTimestamps
        ? string.Create(CultureInfo.InvariantCulture, $"<t:{value.ToUnixTimeSeconds()}:D>")
        : value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The largest whole unit of a span, days down to minutes: "12 days", "5 hours", "1 minute".
    private string Span(TimeSpan span)
    {
        var positive = span < TimeSpan.Zero ? span.Negate() : span;
        return positive.TotalDays >= 1 ? Count(TextIds.Time.Days, (long)positive.TotalDays)
            : positive.TotalHours >= 1 ? Count(TextIds.Time.Hours, (long)positive.TotalHours)
            : Count(TextIds.Time.Minutes, Math.Max(1, (long)positive.TotalMinutes));
    }

    private string Code(ReadFailure failure) => (failure.RetCode, failure.HttpStatus) switch
    {
        ({ } code, _) => Get(TextIds.CheckText.CodeError, ("code", code.ToString(CultureInfo.InvariantCulture))),
        (null, { } status) => Get(TextIds.CheckText.CodeHttp, ("status", status.ToString(CultureInfo.InvariantCulture))),
        _ => string.Empty,
    };

    private string Reason(ReadFailure failure) => failure.Kind switch
    {
        ReadFailureKind.PermissionDenied => Get(TextIds.CheckText.ReasonPermissionDenied, ("code", Code(failure))),
        ReadFailureKind.AccountModeMismatch => Get(TextIds.CheckText.ReasonAccountMode, ("code", Code(failure))),
        ReadFailureKind.AccountRestricted => Get(TextIds.CheckText.ReasonRestricted, ("code", Code(failure))),
        ReadFailureKind.NotOnDemo => Get(TextIds.CheckText.ReasonNotOnDemo, ("code", Code(failure))),
        ReadFailureKind.Unreadable => Get(TextIds.CheckText.ReasonUnreadable),
        _ => Get(TextIds.CheckText.ReasonOther, ("code", Code(failure))),
    };

    public sealed class ConnectivityTexts(CheckTexts t)
    {
        public string Pass(string host) => t.Get(TextIds.CheckText.ConnectivityPass, ("host", host));

        public string Failure(ReadFailure failure, string host, string whatFailed)
        {
            ArgumentNullException.ThrowIfNull(failure);
            var id = failure.Kind switch
            {
                ReadFailureKind.Unreachable => TextIds.CheckText.ConnectivityUnreachable,
                ReadFailureKind.ServerError => TextIds.CheckText.ConnectivityServerError,
                ReadFailureKind.Timeout => TextIds.CheckText.ConnectivityTimeout,
                ReadFailureKind.RateLimited => TextIds.CheckText.ConnectivityRateLimited,
                ReadFailureKind.GeoBlocked => TextIds.CheckText.ConnectivityGeoBlocked,
                ReadFailureKind.TimestampRejected => TextIds.CheckText.ConnectivityClock,
                ReadFailureKind.Unreadable => TextIds.CheckText.ConnectivityUnreadable,
                _ => TextIds.CheckText.ConnectivityOther,
            };
            return t.Get(id, ("host", host), ("what", whatFailed), ("code", t.Code(failure)));
        }

        public string Maintenance(MaintenanceWindow window)
        {
            ArgumentNullException.ThrowIfNull(window);
            return window.End is { } end
                ? t.Get(TextIds.CheckText.Maintenance, ("until", t.Moment(end)), ("title", window.Title))
                : t.Get(TextIds.CheckText.MaintenanceOpen, ("title", window.Title));
        }

        public string MaintenanceFix(MaintenanceWindow window)
        {
            ArgumentNullException.ThrowIfNull(window);
            return window.End is { } end
                ? t.Get(TextIds.CheckText.MaintenanceFix, ("until", t.Moment(end)))
                : t.Get(TextIds.CheckText.MaintenanceFixOpen);
        }

        public string Fix(ReadFailure failure)
        {
            ArgumentNullException.ThrowIfNull(failure);
            return failure.RetryAfter is { } wait && wait > TimeSpan.Zero
                ? t.Get(TextIds.CheckText.ConnectivityFixWait, ("wait", t.texts.Duration(wait)))
                : t.Get(TextIds.CheckText.ConnectivityFix);
        }
    }

    public sealed class ApiKeyTexts(CheckTexts t)
    {
        public string Pass(string maskedKey, string host) => t.Get(TextIds.CheckText.ApiKeyPass, ("key", maskedKey), ("host", host));

        public string InvalidKeyDetail => t.Get(TextIds.CheckText.InvalidKeyDetail);

        public string InvalidKeyFix => t.Get(TextIds.CheckText.InvalidKeyFix);

        public string InvalidDemoKeyDetail => t.Get(TextIds.CheckText.InvalidDemoKeyDetail);

        public string InvalidDemoKeyFix => t.Get(TextIds.CheckText.InvalidDemoKeyFix);

        public string EuIpNotAllowedDetail => t.Get(TextIds.CheckText.EuIpNotAllowedDetail);

        public string EuIpNotAllowedFix => t.Get(TextIds.CheckText.EuIpNotAllowedFix);

        public string SignatureRejectedDetail => t.Get(TextIds.CheckText.SignatureRejectedDetail);

        public string SignatureRejectedFix => t.Get(TextIds.CheckText.SignatureRejectedFix);

        public string ExpiredDetail => t.Get(TextIds.CheckText.KeyExpiredDetail);

        public string ExpiredFix => t.Get(TextIds.CheckText.KeyExpiredFix);

        public string IpNotAllowedDetail => t.Get(TextIds.CheckText.IpNotAllowedDetail);

        public string IpNotAllowedFix => t.Get(TextIds.CheckText.IpNotAllowedFix);

        public string RestrictedDetail(ReadFailure failure) => t.Get(TextIds.CheckText.RestrictedDetail, ("code", t.Code(failure)));

        public string RestrictedFix => t.Get(TextIds.CheckText.RestrictedFix);
    }

    public sealed class ReadWriteTexts(CheckTexts t)
    {
        public string Pass => t.Get(TextIds.CheckText.ReadWritePass);

        public string FailDetail => t.Get(TextIds.CheckText.ReadWriteFailDetail);

        public string Fix => t.Get(TextIds.CheckText.ReadWriteFix);
    }

    public sealed class ContractTradingTexts(CheckTexts t)
    {
        public string Pass => t.Get(TextIds.CheckText.ContractTradingPass);

        public string FailDetail(IReadOnlyList<string> missing) =>
            t.Get(TextIds.CheckText.ContractTradingFailDetail, ("missing", t.List([.. missing.Select(UiName)])));

        public string Fix => t.Get(TextIds.CheckText.ContractTradingFix);

        private static string UiName(string value) => value switch
        {
            "Order" => "Orders",
            "Position" => "Positions",
            _ => value,
        };
    }

    public sealed class WithdrawalTexts(CheckTexts t)
    {
        public string Pass => t.Get(TextIds.CheckText.WithdrawalPass);

        public string FailDetail => t.Get(TextIds.CheckText.WithdrawalFailDetail);

        public string Fix => t.Get(TextIds.CheckText.WithdrawalFix);
    }

    public sealed class TransferTexts(CheckTexts t)
    {
        public string Pass => t.Get(TextIds.CheckText.TransferPass);

        public string FailDetail(IReadOnlyList<string> granted) =>
            t.Get(TextIds.CheckText.TransferFailDetail, ("permissions", string.Join(", ", granted.Select(UiName))));

        public string Fix => t.Get(TextIds.CheckText.TransferFix);

        private string UiName(string value) => value switch
        {
            "AccountTransfer" => t.Get(TextIds.BybitPermission.AccountTransfer),
            "SubMemberTransfer" => t.Get(TextIds.BybitPermission.SubaccountTransfer),
            "SubMemberTransferList" => t.Get(TextIds.CheckText.SubaccountTransferList),
            _ => value,
        };
    }

    public sealed class ExtraPermissionsTexts(CheckTexts t)
    {
        public string Pass => t.Get(TextIds.CheckText.ExtraPermissionsPass);

        public string WarnDetail(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> groups) =>
            t.Get(TextIds.CheckText.ExtraPermissionsWarnDetail, ("permissions", string.Join(", ", groups.Select(g => $"{g.Key} ({string.Join(", ", g.Value)})"))));

        public string Fix => t.Get(TextIds.CheckText.ExtraPermissionsFix);
    }

    public sealed class PositionModeTexts(CheckTexts t)
    {
        public string Pass(IReadOnlyList<string> symbols, int openPositions) => openPositions > 0
            ? t.Count(TextIds.CheckText.PositionModePassWithOpen, openPositions, ("symbols", t.List(symbols)))
            : t.Get(TextIds.CheckText.PositionModePass, ("symbols", t.List(symbols)));

        public string HedgeDetail(IReadOnlyList<string> hedgeSymbols) => t.Get(TextIds.CheckText.HedgeDetail, ("symbols", t.List(hedgeSymbols)));

        public string HedgeFix => t.Get(TextIds.CheckText.HedgeFix);

        public string NoRows(IReadOnlyList<string> symbols) => t.Get(TextIds.CheckText.PositionModeNoRows, ("symbols", t.List(symbols)));

        public string CouldNotRead(string what, ReadFailure failure) =>
            t.Get(TextIds.CheckText.PositionModeCouldNotRead, ("what", what), ("reason", t.Reason(failure)));

        public string UnknownFix => t.Get(TextIds.CheckText.PositionModeUnknownFix);
    }

    public sealed class BalanceTexts(CheckTexts t)
    {
        public string UnifiedTotalEquity => t.Get(TextIds.CheckText.UnifiedTotalEquity);

        public string UnifiedCoinValues => t.Get(TextIds.CheckText.UnifiedCoinValues);

        public string ClassicUsdtEquity => t.Get(TextIds.CheckText.ClassicUsdtEquity);

        public string ClassicUsdtWalletBalance => t.Get(TextIds.CheckText.ClassicUsdtWalletBalance);

        public string WithOtherCoins(string figure, int otherCoins) => otherCoins == 0
            ? figure
            : t.Count(TextIds.CheckText.WithOtherCoins, otherCoins, ("figure", figure));

        public string Pass(string figure, decimal amount, decimal recommended) =>
            t.Get(TextIds.CheckText.BalancePass, ("figure", figure), ("amount", t.Usd(amount)), ("recommended", t.Usd(recommended)));

        public string Warn(string figure, decimal amount, decimal minimum, decimal recommended) =>
            t.Get(TextIds.CheckText.BalanceWarn, ("figure", figure), ("amount", t.Usd(amount)), ("minimum", t.Usd(minimum)), ("recommended", t.Usd(recommended)));

        public string Fail(string figure, decimal amount, decimal minimum) =>
            t.Get(TextIds.CheckText.BalanceFail, ("figure", figure), ("amount", t.Usd(amount)), ("minimum", t.Usd(minimum)));

        public string LowFix(bool unified, decimal recommended) =>
            t.Get(unified ? TextIds.CheckText.LowFixUnified : TextIds.CheckText.LowFixDerivatives, ("recommended", t.Usd(recommended)));

        public string FundingMention(IReadOnlyList<string> holdings, bool unified) =>
            " " + t.Get(unified ? TextIds.CheckText.FundingMentionUnified : TextIds.CheckText.FundingMentionDerivatives, ("holdings", string.Join(", ", holdings)));

        public string CouldNotRead(ReadFailure failure) => t.Get(TextIds.CheckText.BalanceCouldNotRead, ("reason", t.Reason(failure)));

        public string FundingEmpty => " " + t.Get(TextIds.CheckText.FundingEmpty);

        public string FundingUnreadable(bool unified) =>
            " " + t.Get(unified ? TextIds.CheckText.FundingUnreadableUnified : TextIds.CheckText.FundingUnreadableDerivatives);

        public string CouldNotReadFix(decimal minimum) => t.Get(TextIds.CheckText.BalanceCouldNotReadFix, ("minimum", t.Usd(minimum)));

        public string AccountTypeUnknown => t.Get(TextIds.CheckText.BalanceAccountTypeUnknown);
    }

    public sealed class AccountTypeTexts(CheckTexts t)
    {
        public string Name(int unifiedMarginStatus) => unifiedMarginStatus switch
        {
            1 => t.Get(TextIds.CheckText.AccountStandard),
            2 => t.Get(TextIds.CheckText.AccountUnifiedMargin),
            3 or 4 => t.Get(TextIds.CheckText.AccountUta, ("version", "1.0")),
            5 or 6 => t.Get(TextIds.CheckText.AccountUta, ("version", "2.0")),
            _ => t.Get(TextIds.CheckText.AccountUtaStatus, ("status", unifiedMarginStatus.ToString(CultureInfo.InvariantCulture))),
        };

        public string Name(bool unified) => t.Get(unified ? TextIds.CheckText.AccountUnified : TextIds.CheckText.AccountStandard);

        public string Pass(string name, bool isMaster) => t.Get(isMaster ? TextIds.CheckText.AccountMain : TextIds.CheckText.AccountSub, ("name", name));

        public string PartlyRead(string name, bool isMaster, ReadFailure failure) =>
            t.Get(isMaster ? TextIds.CheckText.AccountPartlyReadMain : TextIds.CheckText.AccountPartlyReadSub, ("name", name), ("reason", t.Reason(failure)));

        public string Fix => t.Get(TextIds.CheckText.AccountTypeFix);

        public string ClassicDetail => t.Get(TextIds.CheckText.ClassicDetail);

        public string ClassicFix => t.Get(TextIds.CheckText.ClassicFix);

        public string MasterTraderDetail => t.Get(TextIds.CheckText.MasterTraderDetail);

        public string MasterTraderFix => t.Get(TextIds.CheckText.MasterTraderFix);
    }

    public sealed class KeyExpiryTexts(CheckTexts t)
    {
        public string IpBound => t.Get(TextIds.CheckText.ExpiryIpBound);

        public string NoDate => t.Get(TextIds.CheckText.ExpiryNoDate);

        public string Expired(DateTimeOffset expiresAt, DateTimeOffset now) =>
            t.Get(TextIds.CheckText.ExpiryExpired, ("ago", t.Span(now - expiresAt)), ("date", t.Date(expiresAt)));

        public string ExpiresSoon(DateTimeOffset expiresAt, DateTimeOffset now) =>
            t.Get(TextIds.CheckText.ExpirySoon, ("in", t.Span(expiresAt - now)), ("date", t.Date(expiresAt)));

        public string Pass(DateTimeOffset expiresAt, DateTimeOffset now) =>
            t.Get(TextIds.CheckText.ExpiryPass, ("in", t.Span(expiresAt - now)), ("date", t.Date(expiresAt)));

        public string ExpiredFix => t.Get(TextIds.CheckText.ExpiryExpiredFix);

        public string SoonFix => t.Get(TextIds.CheckText.ExpirySoonFix);
    }
}

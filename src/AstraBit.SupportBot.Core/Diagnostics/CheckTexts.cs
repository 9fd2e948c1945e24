using System.Globalization;
using Humanizer;

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>
/// Every word the key check shows a member, in one place so it can later move to config/ as data.
/// Texts never contain the secret; the key appears only masked.
/// </summary>
public static class CheckTexts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public const string SkippedNeedsAcceptedKey = "Skipped: this needs a key that Bybit accepts.";
    public const string SkippedCouldNotRun = "Skipped: Bybit couldn't be reached for this part (see Connection to Bybit).";
    public const string SkippedUnreadable = "Skipped: Bybit's answer couldn't be read (see Connection to Bybit). This says nothing about your key.";
    public const string SkippedMaintenance = "Skipped: Bybit is under maintenance (see Connection to Bybit).";

    public static string Title(string checkId) => checkId switch
    {
        CheckIds.Connectivity => "Connection to Bybit",
        CheckIds.ApiKey => "API key accepted",
        CheckIds.ReadWrite => "Read-Write access",
        CheckIds.ContractTrading => "Contract Trading permission",
        CheckIds.Withdrawal => "Withdrawal turned off",
        CheckIds.Transfer => "Transfers turned off",
        CheckIds.ExtraPermissions => "No unneeded permissions",
        CheckIds.PositionMode => "One-Way position mode",
        CheckIds.Balance => "Derivatives balance",
        CheckIds.AccountType => "Account type",
        CheckIds.KeyExpiry => "Key expiry",
        _ => checkId,
    };

    public static class Connectivity
    {
        public static string Pass(string host) => $"Reached {host} and Bybit answered.";

        public static string Failure(ReadFailure failure, string host, string whatFailed) => failure.Kind switch
        {
            ReadFailureKind.Unreachable => $"The bot couldn't reach {host} while reading {whatFailed}. Bybit may be down, or the bot's network can't get there.",
            ReadFailureKind.ServerError => $"Bybit ({host}) answered with a server error while reading {whatFailed}{Code(failure)}. This is on Bybit's side, not your key.",
            ReadFailureKind.Timeout => $"Bybit ({host}) didn't answer in time while reading {whatFailed}.",
            ReadFailureKind.RateLimited => $"Bybit ({host}) is limiting how often the bot may ask (rate limit) while reading {whatFailed}{Code(failure)}.",
            ReadFailureKind.GeoBlocked => $"Bybit ({host}) refused the bot's network location while reading {whatFailed} (HTTP 403 from Bybit's edge). This is about the bot's server, not your key.",
            ReadFailureKind.TimestampRejected => $"Bybit ({host}) rejected the bot's request time while reading {whatFailed}{Code(failure)}, even after re-syncing the clock.",
            ReadFailureKind.Unreadable => $"Bybit's answer couldn't be read ({host}, while reading {whatFailed}): it was incomplete, too large, or held values that aren't numbers or that Bybit doesn't send. This is on Bybit's side, not your key.",
            _ => $"Bybit ({host}) gave an answer the bot couldn't use while reading {whatFailed}{Code(failure)}.",
        };

        public static string Maintenance(MaintenanceWindow window) => window.End is { } end
            ? $"Bybit is under maintenance until {Time(end)} (\"{window.Title}\"), so the check couldn't run. This is not about your key."
            : $"Bybit is under maintenance (\"{window.Title}\"), so the check couldn't run. This is not about your key.";

        public static string MaintenanceFix(MaintenanceWindow window) => window.End is { } end
            ? $"Nothing to fix on your side. Run the check again after {Time(end)}."
            : "Nothing to fix on your side. Run the check again once Bybit's maintenance is over.";

        private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("HH:mm 'UTC on' d MMMM yyyy", Invariant);

        public static string Fix(ReadFailure failure) => failure.RetryAfter is { } wait && wait > TimeSpan.Zero
            ? $"Nothing is wrong with your key as far as we know. Try again in {wait.Humanize(culture: Invariant)}; if it keeps happening, open a ticket so staff can look."
            : "Nothing is wrong with your key as far as we know. Try again in a few minutes; if it keeps happening, open a ticket so staff can look.";
    }

    public static class ApiKey
    {
        public static string Pass(string maskedKey, string host) => $"Bybit accepted the key {maskedKey} on {host}.";

        public const string InvalidKeyDetail =
            "Bybit doesn't know this API key on the site you chose (error 10003). Usually the key has a typo, was deleted, or belongs to a different Bybit site or environment (testnet, demo, or a regional site such as Bybit EU).";

        public const string InvalidKeyFix =
            "Check that the Bybit site you chose (\"Where is your Bybit account?\") is the one where you created the key; a key made inside Demo Trading works only with the \"demo\" choice. If it is, copy the key again from API Management, or create a new key (steps 2–4).";

        public const string InvalidDemoKeyDetail =
            "Bybit's demo-trading service doesn't know this key (error 10003). Demo Trading is its own account with its own keys: a key made on the live site doesn't work there, and a demo key doesn't work on the live site.";

        public const string InvalidDemoKeyFix =
            "If this is your live key, choose bybit.com (or your regional site) under \"Where is your Bybit account?\". For demo, switch to Demo Trading on bybit.com and create the key there (steps 2–4).";

        public const string EuIpNotAllowedDetail =
            "Bybit EU (bybit.eu) answered \"unmatched IP\" (error 10010). On Bybit EU an API key can only be used by approved third-party applications, so Bybit gives this answer to everyone else; it says nothing about the IP addresses you entered.";

        public const string EuIpNotAllowedFix =
            "A key from Bybit EU works with AstraBit only once AstraBit is an approved application there. Open a ticket so staff can tell you how to connect an EU account.";

        public const string SignatureRejectedDetail =
            "Bybit knows this key but rejected the request's signature (error 10004): the API secret doesn't belong to this key. This is almost always a copy-paste mistake in the secret.";

        public const string SignatureRejectedFix =
            "Paste the Secret Key that Bybit showed once when you created the key (step 4). If you no longer have it, delete the key and create a new one.";

        public const string ExpiredDetail =
            "This API key has expired (error 33004). Bybit keys without IP binding stop working after 90 days.";

        public const string ExpiredFix =
            "Create a new key (step 2), then connect it to AstraBit again. A key bound to AstraBit's IP addresses doesn't expire.";

        public const string IpNotAllowedDetail =
            "This key only works from the IP addresses bound to it (error 10010), and this bot's address isn't on that list, so it can't look any further. Restricting a key to AstraBit's addresses is good practice, and AstraBit itself can still use it.";

        public const string IpNotAllowedFix =
            "Nothing to change if the key lists AstraBit's IP addresses. If AstraBit reports an IP error too, edit the key's IP list so it contains AstraBit's addresses (step 3). For a full check, open a ticket and staff will help.";

        public static string RestrictedDetail(ReadFailure failure) =>
            $"Bybit refused access for this account or region{Code(failure)}. This can't be fixed from the key's settings.";

        public const string RestrictedFix = "Contact Bybit support about the restriction, or open a ticket so staff can help.";
    }

    public static class ReadWrite
    {
        public const string Pass = "The key has Read-Write access, so AstraBit can place trades.";
        public const string FailDetail = "The key is Read-Only: AstraBit could read your account but could not place trades.";
        public const string Fix = "In Bybit's API Management, edit the key (or create a new one) and choose Read-Write (step 3).";
    }

    public static class ContractTrading
    {
        public const string Pass = "Contract Trading has both Orders and Positions.";

        public static string FailDetail(IReadOnlyList<string> missing) =>
            $"The key's Contract Trading permission is missing {string.Join(" and ", missing.Select(UiName))}, which AstraBit needs to trade derivatives.";

        public const string Fix =
            "Edit the key and tick Orders and Positions under Contract (Standard account) or Unified Trading (Unified Trading Account) (step 3).";

        private static string UiName(string value) => value switch
        {
            "Order" => "Orders",
            "Position" => "Positions",
            _ => value,
        };
    }

    public static class Withdrawal
    {
        public const string Pass = "Withdrawal is off: nobody can withdraw with this key.";
        public const string FailDetail = "The key can withdraw funds. AstraBit never needs that, and a key that can withdraw is dangerous if it ever leaks.";
        public const string Fix = "Edit the key and untick Withdrawal, or create a new key without it (step 3).";
    }

    public static class Transfer
    {
        public const string Pass = "Transfers are off: nobody can move money between your accounts or wallets with this key.";

        public static string FailDetail(IReadOnlyList<string> granted) =>
            $"The key has transfer permissions: {string.Join(", ", granted.Select(UiName))}. AstraBit never moves money between accounts or wallets.";

        public const string Fix = "Edit the key and untick the transfer permissions, or create a new key without them (step 3).";

        private static string UiName(string value) => value switch
        {
            "AccountTransfer" => "Account Transfer",
            "SubMemberTransfer" => "Subaccount Transfer",
            "SubMemberTransferList" => "Subaccount Transfer (sub-account)",
            _ => value,
        };
    }

    public static class ExtraPermissions
    {
        public const string Pass = "The key has no permissions beyond what AstraBit needs.";

        public static string WarnDetail(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> groups) =>
            $"The key also has permissions AstraBit doesn't use: {string.Join(", ", groups.Select(g => $"{g.Key} ({string.Join(", ", g.Value)})"))}. It still works, but a key should allow only what it needs.";

        public const string Fix = "Edit the key and untick these; AstraBit needs only Read-Write with Contract Trading Orders and Positions (step 3).";
    }

    public static class PositionMode
    {
        public static string Pass(IReadOnlyList<string> symbols, int openPositions) => openPositions > 0
            ? $"One-Way Mode on {Join(symbols)}, and on all {openPositions} open position{(openPositions == 1 ? string.Empty : "s")}."
            : $"One-Way Mode on {Join(symbols)}.";

        public static string HedgeDetail(IReadOnlyList<string> hedgeSymbols) =>
            $"Hedge Mode is on for {Join(hedgeSymbols)}. AstraBit works only in One-Way Mode; its orders there would be rejected (\"position idx not match position mode\").";

        public const string HedgeFix =
            "On Bybit's Derivatives trading screen, open the Position Mode settings and choose One-Way Mode for these symbols (step 5). Bybit only lets you switch a symbol when it has no open position and no open orders, so close those first. If other bots of yours need Hedge Mode, a dedicated Bybit sub-account for AstraBit serves you better.";

        public static string NoRows(IReadOnlyList<string> symbols) =>
            $"Couldn't tell the position mode of {Join(symbols)}: Bybit returned no position data, so the mode is unknown.";

        public static string CouldNotRead(string what, ReadFailure failure) =>
            $"Couldn't read {what}{Reason(failure)}, so the position mode there is unknown.";

        public const string UnknownFix = "On Bybit's Derivatives trading screen, check that Position Mode is One-Way (step 5).";
    }

    public static class Balance
    {
        public const string UnifiedTotalEquity = "Total equity of your Unified Trading Account (USD)";
        public const string UnifiedCoinValues = "Sum of the coin values in your Unified Trading Account (USD)";
        public const string ClassicUsdtEquity = "USDT equity in your Derivatives (Contract) account";
        public const string ClassicUsdtWalletBalance = "USDT wallet balance in your Derivatives (Contract) account";

        public static string WithOtherCoins(string figure, int otherCoins) => otherCoins == 0
            ? figure
            : $"{figure} plus the USD value of {otherCoins} other coin{(otherCoins == 1 ? string.Empty : "s")}";

        public static string Pass(string figure, decimal amount, decimal recommended) =>
            $"{figure}: {Usd(amount)}, at least the recommended {Usd(recommended)}.";

        public static string Warn(string figure, decimal amount, decimal minimum, decimal recommended) =>
            $"{figure}: {Usd(amount)}. That is above the {Usd(minimum)} minimum but below the recommended {Usd(recommended)}.";

        public static string Fail(string figure, decimal amount, decimal minimum) =>
            $"{figure}: {Usd(amount)}, below the {Usd(minimum)} AstraBit needs to trade.";

        public static string LowFix(bool unified, decimal recommended) =>
            $"Before you begin: deposit or transfer funds so your {AccountName(unified)} holds at least {Usd(recommended)}.";

        public static string FundingMention(IReadOnlyList<string> holdings, bool unified) =>
            $" Your Funding wallet holds {string.Join(", ", holdings)}, which trading can't use: move it from Funding to the {AccountName(unified)} (Assets → Transfer).";

        public static string CouldNotRead(ReadFailure failure) =>
            $"Couldn't read the derivatives balance{Reason(failure)}.";

        public const string FundingEmpty = " Your Funding wallet is empty too.";

        public static string FundingUnreadable(bool unified) =>
            $" Money in your Funding wallet doesn't count here and trading can't use it (this key can't see that wallet, which is normal for a key with only trading permissions): if you keep funds there, move them from Funding to the {AccountName(unified)} (Assets → Transfer).";

        public static string CouldNotReadFix(decimal minimum) =>
            $"Check in Bybit that your derivatives wallet holds at least {Usd(minimum)}.";

        public const string AccountTypeUnknown = "Couldn't tell whether this is a Unified Trading Account or a Standard account, so the balance wasn't read.";

        private static string AccountName(bool unified) => unified ? "Unified Trading account" : "Derivatives account";
    }

    public static class AccountType
    {
        public static string Name(int unifiedMarginStatus) => unifiedMarginStatus switch
        {
            1 => "Standard (classic) account",
            2 => "Unified Margin account (legacy)",
            3 or 4 => "Unified Trading Account (UTA 1.0)",
            5 or 6 => "Unified Trading Account (UTA 2.0)",
            _ => $"Unified Trading Account (status {unifiedMarginStatus})",
        };

        public static string Name(bool unified) => unified ? "Unified Trading Account" : "Standard (classic) account";

        public static string Pass(string name, bool isMaster) => $"{name}, {(isMaster ? "main (master) account" : "sub-account")}.";

        public static string PartlyRead(string name, bool isMaster, ReadFailure failure) =>
            $"{name}, {(isMaster ? "main (master) account" : "sub-account")}, going by the key alone: couldn't read the account details{Reason(failure)}.";

        public const string Fix = "Check on Bybit's API Management page which account type you have; in step 3, pick the permission names that match it.";

        public const string ClassicDetail =
            "Bybit has retired Standard (classic) accounts for derivatives: since December 2024 they can't open futures positions and their API keys no longer trade.";

        public const string ClassicFix =
            "Upgrade your account to the Unified Trading Account on Bybit, then create a new API key (step 2): keys made before the upgrade keep working the old way.";

        public const string MasterTraderDetail =
            "This account leads copy trading (a master trader account), and trading platforms generally can't trade such an account through an ordinary API key.";

        public const string MasterTraderFix =
            "Create a Bybit sub-account for AstraBit and make the key there, or stop leading copy trading on this account.";
    }

    public static class KeyExpiry
    {
        public const string IpBound = "The key is bound to IP addresses, so it doesn't expire.";
        public const string NoDate = "Bybit reports no expiry date for this key.";

        public static string Expired(DateTimeOffset expiresAt, DateTimeOffset now) =>
            $"The key expired {Span(now - expiresAt)} ago, on {Date(expiresAt)}. Keys without IP binding stop working after 90 days.";

        public static string ExpiresSoon(DateTimeOffset expiresAt, DateTimeOffset now) =>
            $"The key expires in {Span(expiresAt - now)}, on {Date(expiresAt)}. Keys without IP binding stop working after 90 days, and 7 days after an account password change.";

        public static string Pass(DateTimeOffset expiresAt, DateTimeOffset now) =>
            $"The key expires in {Span(expiresAt - now)}, on {Date(expiresAt)}.";

        public const string ExpiredFix = "Create a new key (step 2) and connect it to AstraBit again. Binding a key to AstraBit's IP addresses stops it expiring.";
        public const string SoonFix = "Create a new key before then (step 2), or bind this key to AstraBit's IP addresses so it doesn't expire.";

        private static string Span(TimeSpan span) =>
            span.Humanize(precision: 1, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Minute, culture: Invariant);

        private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("d MMMM yyyy", Invariant);
    }

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string Usd(decimal amount) => "$" + amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", Invariant);

    private static string Code(ReadFailure failure) => (failure.RetCode, failure.HttpStatus) switch
    {
        ({ } code, _) => $" (error {code})",
        (null, { } status) => $" (HTTP {status})",
        _ => string.Empty,
    };

    private static string Reason(ReadFailure failure) => failure.Kind switch
    {
        ReadFailureKind.PermissionDenied => $": the key isn't allowed to{Code(failure)}",
        ReadFailureKind.AccountModeMismatch => $": Bybit says it doesn't fit this account's mode{Code(failure)}",
        ReadFailureKind.AccountRestricted => $": Bybit restricts this account{Code(failure)}",
        ReadFailureKind.NotOnDemo => $": Bybit's demo trading doesn't offer it{Code(failure)}",
        ReadFailureKind.Unreadable => ": Bybit's answer couldn't be read",
        _ => $": Bybit gave an answer the bot couldn't use{Code(failure)}",
    };
}

namespace AstraBit.SupportBot.Core.Text;

public static partial class TextIds
{
    /// <summary>The words a guide page adds around the guide's own texts (guide.json and its translations).</summary>
    public static class GuidePage
    {
        public const string BeforeYouBeginHeader = "guide.beforeYouBegin.title";
        public const string FinalCheckHeader = "guide.finalCheck.title";
        public const string DoneHeader = "guide.done.title";

        /// <summary>"Part {part} of {parts} · Step {step} of {steps}".</summary>
        public const string StepHeader = "guide.step.title";
        public const string Tips = "guide.tips.title";

        /// <summary>The permissions to tick on step 3, {permissions} a list.</summary>
        public const string TurnOn = "guide.turnOn";
        public const string LeaveOff = "guide.leaveOff";
    }

    /// <summary>What the walkthrough says around its pages (/connect-bybit, the panel's button, the DM).</summary>
    public static class Walkthrough
    {
        public const string DmsClosed = "walkthrough.dmsClosed";
        public const string DmFailed = "walkthrough.dmFailed";
        public const string SentToDm = "walkthrough.sentToDm";
        public const string SentToDmResumed = "walkthrough.sentToDm.resumed";
        public const string WelcomeBack = "walkthrough.welcomeBack";
        public const string Refused = "walkthrough.refused";
        public const string KeyGone = "walkthrough.keyGone";
        public const string KeyGoneNoButton = "walkthrough.keyGone.noButton";
        public const string Forgot = "walkthrough.forgot";
        public const string ForgotNothing = "walkthrough.forgot.nothing";
        public const string MovedHere = "walkthrough.movedHere";
        public const string ChoiceGone = "walkthrough.choiceGone";
        public const string AllChecksOut = "walkthrough.allChecksOut";
        public const string StepChecksOut = "walkthrough.stepChecksOut";
        public const string StepWorksWithWarning = "walkthrough.stepWorksWithWarning";
        public const string FixThenCheck = "walkthrough.fixThenCheck";
        public const string FixThenCheckNoButton = "walkthrough.fixThenCheck.noButton";
        public const string CouldNotRun = "walkthrough.couldNotRun";
        public const string CouldNotRunNoButton = "walkthrough.couldNotRun.noButton";
        public const string Unreachable = "walkthrough.unreachable";
        public const string UnreachableNoButton = "walkthrough.unreachable.noButton";
        public const string StuckFailed = "walkthrough.stuckFailed";
    }

    /// <summary>The key check's explanations and fixes (<see cref="Diagnostics.CheckTexts"/>), per check.</summary>
    public static class CheckText
    {
        public const string SkippedNeedsAcceptedKey = "checkText.skipped.needsAcceptedKey";
        public const string SkippedCouldNotRun = "checkText.skipped.couldNotRun";
        public const string SkippedUnreadable = "checkText.skipped.unreadable";
        public const string SkippedMaintenance = "checkText.skipped.maintenance";
        public const string PositionsOf = "checkText.read.positionsOf";
        public const string OpenPositions = "checkText.read.openPositions";
        public const string KeyDetails = "checkText.read.keyDetails";
        public const string AccountDetails = "checkText.read.accountDetails";
        public const string DerivativesWallet = "checkText.read.derivativesWallet";
        public const string CodeError = "checkText.code.error";
        public const string CodeHttp = "checkText.code.http";
        public const string ReasonPermissionDenied = "checkText.reason.permissionDenied";
        public const string ReasonAccountMode = "checkText.reason.accountMode";
        public const string ReasonRestricted = "checkText.reason.restricted";
        public const string ReasonNotOnDemo = "checkText.reason.notOnDemo";
        public const string ReasonUnreadable = "checkText.reason.unreadable";
        public const string ReasonOther = "checkText.reason.other";
        public const string ConnectivityPass = "checkText.connectivity.pass";
        public const string ConnectivityUnreachable = "checkText.connectivity.unreachable";
        public const string ConnectivityServerError = "checkText.connectivity.serverError";
        public const string ConnectivityTimeout = "checkText.connectivity.timeout";
        public const string ConnectivityRateLimited = "checkText.connectivity.rateLimited";
        public const string ConnectivityGeoBlocked = "checkText.connectivity.geoBlocked";
        public const string ConnectivityClock = "checkText.connectivity.clock";
        public const string ConnectivityUnreadable = "checkText.connectivity.unreadable";
        public const string ConnectivityOther = "checkText.connectivity.other";
        public const string Maintenance = "checkText.maintenance";
        public const string MaintenanceOpen = "checkText.maintenance.open";
        public const string MaintenanceFix = "checkText.maintenance.fix";
        public const string MaintenanceFixOpen = "checkText.maintenance.fixOpen";
        public const string ConnectivityFixWait = "checkText.connectivity.fixWait";
        public const string ConnectivityFix = "checkText.connectivity.fix";
        public const string ApiKeyPass = "checkText.apiKey.pass";
        public const string InvalidKeyDetail = "checkText.apiKey.invalid.detail";
        public const string InvalidKeyFix = "checkText.apiKey.invalid.fix";
        public const string InvalidDemoKeyDetail = "checkText.apiKey.invalidDemo.detail";
        public const string InvalidDemoKeyFix = "checkText.apiKey.invalidDemo.fix";
        public const string EuIpNotAllowedDetail = "checkText.apiKey.euIp.detail";
        public const string EuIpNotAllowedFix = "checkText.apiKey.euIp.fix";
        public const string SignatureRejectedDetail = "checkText.apiKey.signature.detail";
        public const string SignatureRejectedFix = "checkText.apiKey.signature.fix";
        public const string KeyExpiredDetail = "checkText.apiKey.expired.detail";
        public const string KeyExpiredFix = "checkText.apiKey.expired.fix";
        public const string IpNotAllowedDetail = "checkText.apiKey.ip.detail";
        public const string IpNotAllowedFix = "checkText.apiKey.ip.fix";
        public const string RestrictedDetail = "checkText.apiKey.restricted.detail";
        public const string RestrictedFix = "checkText.apiKey.restricted.fix";
        public const string ReadWritePass = "checkText.readWrite.pass";
        public const string ReadWriteFailDetail = "checkText.readWrite.detail";
        public const string ReadWriteFix = "checkText.readWrite.fix";
        public const string ContractTradingPass = "checkText.contractTrading.pass";
        public const string ContractTradingFailDetail = "checkText.contractTrading.detail";
        public const string ContractTradingFix = "checkText.contractTrading.fix";
        public const string WithdrawalPass = "checkText.withdrawal.pass";
        public const string WithdrawalFailDetail = "checkText.withdrawal.detail";
        public const string WithdrawalFix = "checkText.withdrawal.fix";
        public const string TransferPass = "checkText.transfer.pass";
        public const string TransferFailDetail = "checkText.transfer.detail";
        public const string TransferFix = "checkText.transfer.fix";
        public const string SubaccountTransferList = "checkText.transfer.subaccountList";
        public const string ExtraPermissionsPass = "checkText.extraPermissions.pass";
        public const string ExtraPermissionsWarnDetail = "checkText.extraPermissions.detail";
        public const string ExtraPermissionsFix = "checkText.extraPermissions.fix";
        public const string PositionModePass = "checkText.positionMode.pass";
        public const string PositionModePassWithOpen = "checkText.positionMode.passWithOpen";
        public const string HedgeDetail = "checkText.positionMode.hedge.detail";
        public const string HedgeFix = "checkText.positionMode.hedge.fix";
        public const string PositionModeNoRows = "checkText.positionMode.noRows";
        public const string PositionModeCouldNotRead = "checkText.positionMode.couldNotRead";
        public const string PositionModeUnknownFix = "checkText.positionMode.unknown.fix";
        public const string UnifiedTotalEquity = "checkText.balance.unifiedTotalEquity";
        public const string UnifiedCoinValues = "checkText.balance.unifiedCoinValues";
        public const string ClassicUsdtEquity = "checkText.balance.classicUsdtEquity";
        public const string ClassicUsdtWalletBalance = "checkText.balance.classicUsdtWalletBalance";
        public const string WithOtherCoins = "checkText.balance.withOtherCoins";
        public const string BalancePass = "checkText.balance.pass";
        public const string BalanceWarn = "checkText.balance.warn";
        public const string BalanceFail = "checkText.balance.fail";
        public const string LowFixUnified = "checkText.balance.lowFix.unified";
        public const string LowFixDerivatives = "checkText.balance.lowFix.derivatives";
        public const string FundingMentionUnified = "checkText.balance.funding.unified";
        public const string FundingMentionDerivatives = "checkText.balance.funding.derivatives";
        public const string BalanceCouldNotRead = "checkText.balance.couldNotRead";
        public const string FundingEmpty = "checkText.balance.fundingEmpty";
        public const string FundingUnreadableUnified = "checkText.balance.fundingUnreadable.unified";
        public const string FundingUnreadableDerivatives = "checkText.balance.fundingUnreadable.derivatives";
        public const string BalanceCouldNotReadFix = "checkText.balance.couldNotRead.fix";
        public const string BalanceAccountTypeUnknown = "checkText.balance.accountTypeUnknown";
        public const string AccountStandard = "checkText.account.standard";
        public const string AccountUnifiedMargin = "checkText.account.unifiedMargin";
        public const string AccountUta = "checkText.account.uta";
        public const string AccountUtaStatus = "checkText.account.utaStatus";
        public const string AccountUnified = "checkText.account.unified";
        public const string AccountMain = "checkText.account.main";
        public const string AccountSub = "checkText.account.sub";
        public const string AccountPartlyReadMain = "checkText.account.partlyRead.main";
        public const string AccountPartlyReadSub = "checkText.account.partlyRead.sub";
        public const string AccountTypeFix = "checkText.account.fix";
        public const string ClassicDetail = "checkText.account.classic.detail";
        public const string ClassicFix = "checkText.account.classic.fix";
        public const string MasterTraderDetail = "checkText.account.masterTrader.detail";
        public const string MasterTraderFix = "checkText.account.masterTrader.fix";
        public const string ExpiryIpBound = "checkText.expiry.ipBound";
        public const string ExpiryNoDate = "checkText.expiry.noDate";
        public const string ExpiryExpired = "checkText.expiry.expired";
        public const string ExpirySoon = "checkText.expiry.soon";
        public const string ExpiryPass = "checkText.expiry.pass";
        public const string ExpiryExpiredFix = "checkText.expiry.expired.fix";
        public const string ExpirySoonFix = "checkText.expiry.soon.fix";
    }

    /// <summary>What `/support panel` answers the staff member who ran it.</summary>
    public static class PanelPost
    {
        public const string Posted = "panel.posted";
        public const string Updated = "panel.updated";
        public const string Moved = "panel.moved";
    }
}

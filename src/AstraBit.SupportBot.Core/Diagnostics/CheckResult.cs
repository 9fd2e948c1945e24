using System.Text.Json.Serialization;

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>Written lowercase in the report: pass, warn, fail, skip.</summary>
public enum CheckStatus
{
    Pass,
    Warn,
    Fail,
    Skip,
}

/// <param name="Id">One of <see cref="CheckIds"/>.</param>
/// <param name="Status">pass, warn, fail or skip.</param>
/// <param name="Title">What is checked, a few words.</param>
/// <param name="Detail">What was found, in plain words.</param>
/// <param name="Fix">What the member should do, in plain words; null when nothing is to be done.</param>
/// <param name="GuideStep">The guide step (1–6) that fixes it; null for "before you begin" and for problems outside the guide.</param>
public sealed record CheckResult(string Id, CheckStatus Status, string Title, string Detail, string? Fix, int? GuideStep)
{
    /// <summary>On <c>key-expiry</c>: when a key without IP binding expires (or expired); absent when it doesn't expire or Bybit gave no date.</summary>
    [JsonPropertyName("expiresAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>On <c>api-key</c>: Bybit's code for why the key was refused ("10003", "10004", "33004", "10010"); absent otherwise.</summary>
    [JsonPropertyName("code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }
}

/// <summary>The stable check ids of PRODUCT.md §5, in report order.</summary>
public static class CheckIds
{
    public const string Connectivity = "connectivity";
    public const string ApiKey = "api-key";
    public const string ReadWrite = "read-write";
    public const string ContractTrading = "contract-trading";
    public const string Withdrawal = "withdrawal";
    public const string Transfer = "transfer";
    public const string ExtraPermissions = "extra-permissions";
    public const string PositionMode = "position-mode";
    public const string Balance = "balance";
    public const string AccountType = "account-type";
    public const string KeyExpiry = "key-expiry";

    public static IReadOnlyList<string> All { get; } =
    [
        Connectivity, ApiKey, ReadWrite, ContractTrading, Withdrawal, Transfer,
        ExtraPermissions, PositionMode, Balance, AccountType, KeyExpiry,
    ];

    /// <summary>The checks that only make sense once Bybit accepted the key.</summary>
    public static IReadOnlyList<string> NeedingAcceptedKey { get; } = All.Skip(2).ToArray();
}

/// <summary>Step numbers of the setup guide (PRODUCT.md §2) that fixes point at.</summary>
public static class GuideSteps
{
    public const int OpenApiManagement = 1;
    public const int CreateKey = 2;
    public const int Permissions = 3;
    public const int ConfirmCreation = 4;
    public const int OneWayMode = 5;
    public const int ConnectToAstraBit = 6;

    /// <summary>"Before you begin" (funding the derivatives wallet) has no step number.</summary>
    public static readonly int? BeforeYouBegin;
}

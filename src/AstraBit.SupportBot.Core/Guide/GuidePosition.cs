namespace AstraBit.SupportBot.Core.Guide;

/// <summary>Where a member is in the guide. The numbers are the step numbers; storage keeps the names, so new positions can be added.</summary>
public enum GuidePosition
{
    BeforeYouBegin = 0,
    Step1 = 1,
    Step2 = 2,
    Step3 = 3,
    Step4 = 4,
    Step5 = 5,
    Step6 = 6,
    FinalCheck = 7,
    Done = 8,
}

/// <summary>The two Bybit account kinds whose API key screens differ at step 3.</summary>
public enum AccountType
{
    Unknown = 0,
    Standard = 1,
    Unified = 2,
}

public static class GuidePositions
{
    public const int StepCount = 6;

    public static GuidePosition FromStep(int step) =>
        step is >= 1 and <= StepCount
            ? (GuidePosition)step
            : throw new ArgumentOutOfRangeException(nameof(step), step, "A guide step is numbered 1 to 6.");

    /// <summary>The step number (1–6), or null for the pages around the steps.</summary>
    public static int? StepNumber(this GuidePosition position) =>
        position is >= GuidePosition.Step1 and <= GuidePosition.Step6 ? (int)position : null;

    /// <summary>Where a member is, in words: "before step 1", "step 5", "the final check", "the end of the guide".</summary>
    public static string Describe(this GuidePosition position) => position switch
    {
        GuidePosition.BeforeYouBegin => "before step 1",
        GuidePosition.FinalCheck => "the final check",
        GuidePosition.Done => "the end of the guide",
        _ when position.StepNumber() is { } step => $"step {step}",
        _ => "an unknown page",
    };

    public static bool IsDefined(GuidePosition position) => position is >= GuidePosition.BeforeYouBegin and <= GuidePosition.Done;

    /// <summary>The key written in guide.json and in stored data: "standard", "unified" or "unknown".</summary>
    public static string Key(this AccountType type) => type switch
    {
        AccountType.Standard => "standard",
        AccountType.Unified => "unified",
        _ => "unknown",
    };

    public static AccountType? ParseAccountType(string? key) => key switch
    {
        "standard" => AccountType.Standard,
        "unified" => AccountType.Unified,
        "unknown" => AccountType.Unknown,
        _ => null,
    };
}

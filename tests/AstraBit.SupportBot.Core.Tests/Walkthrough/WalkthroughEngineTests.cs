using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Tests.Guide;
using AstraBit.SupportBot.Core.Walkthrough;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Core.Tests.Walkthrough;

public sealed class WalkthroughEngineTests
{
    private const ulong Member = 123456789012345678;

    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);
    private readonly WalkthroughEngine engine;

    public WalkthroughEngineTests()
    {
        engine = new WalkthroughEngine(ShippedGuide.EnglishOnly, ShippedGuide.Values, ShippedGuide.Texts, time);
    }

    [Fact]
    public void StartOrResume_NoProgress_StartsBeforeYouBegin()
    {
        var progress = engine.StartOrResume(Member, null, WalkthroughDelivery.DirectMessage(42));

        Assert.Equal(new WalkthroughProgress(Member, GuidePosition.BeforeYouBegin, AccountType.Unknown, null, null, WalkthroughDelivery.DirectMessage(42), Start, Start), progress);
        Assert.Equal(WalkthroughProgress.CurrentSchemaVersion, progress.SchemaVersion);
    }

    [Fact]
    public void StartOrResume_ExistingProgress_ResumesAtTheSameStepInTheNewMessage()
    {
        var saved = At(GuidePosition.Step5) with { AccountType = AccountType.Unified, RegionKey = "eu" };
        time.Advance(TimeSpan.FromDays(1));

        var resumed = engine.StartOrResume(Member, saved, WalkthroughDelivery.DirectMessage(42, 777));

        Assert.Equal(saved with { Delivery = WalkthroughDelivery.DirectMessage(42, 777), UpdatedAt = Start.AddDays(1) }, resumed);
    }

    [Fact]
    public void StartOrResume_Finished_StartsOverKeepingChoices()
    {
        var saved = At(GuidePosition.Done) with { AccountType = AccountType.Standard, RegionKey = "nl" };
        time.Advance(TimeSpan.FromHours(2));

        var again = engine.StartOrResume(Member, saved, WalkthroughDelivery.Ephemeral(9));

        Assert.Equal(GuidePosition.BeforeYouBegin, again.Position);
        Assert.Equal(AccountType.Standard, again.AccountType);
        Assert.Equal("nl", again.RegionKey);
        Assert.Equal(Start.AddHours(2), again.StartedAt);
    }

    [Fact]
    public void StartOrResume_OtherMembersProgress_Throws()
    {
        Assert.Throws<ArgumentException>(() => engine.StartOrResume(Member + 1, At(GuidePosition.Step2), WalkthroughDelivery.DirectMessage(1)));
    }

    [Theory]
    [InlineData(GuidePosition.BeforeYouBegin, GuidePosition.Step1)]
    [InlineData(GuidePosition.Step4, GuidePosition.Step5)]
    [InlineData(GuidePosition.Step6, GuidePosition.FinalCheck)]
    [InlineData(GuidePosition.FinalCheck, GuidePosition.Done)]
    [InlineData(GuidePosition.Done, GuidePosition.Done)]
    public void Next_Position_MovesOnAndStopsAtDone(GuidePosition from, GuidePosition expected)
    {
        time.Advance(TimeSpan.FromMinutes(3));

        var next = engine.Next(At(from));

        Assert.Equal(expected, next.Position);
        Assert.Equal(Start.AddMinutes(3), next.UpdatedAt);
    }

    [Theory]
    [InlineData(GuidePosition.BeforeYouBegin, GuidePosition.BeforeYouBegin)]
    [InlineData(GuidePosition.Step1, GuidePosition.BeforeYouBegin)]
    [InlineData(GuidePosition.Step5, GuidePosition.Step4)]
    [InlineData(GuidePosition.Done, GuidePosition.FinalCheck)]
    public void Back_Position_MovesBackAndStopsAtTheStart(GuidePosition from, GuidePosition expected)
    {
        Assert.Equal(expected, engine.Back(At(from)).Position);
    }

    [Fact]
    public void GoTo_Step_JumpsThere()
    {
        Assert.Equal(GuidePosition.Step3, engine.GoTo(At(GuidePosition.Done), GuidePosition.Step3).Position);
    }

    [Fact]
    public void GoTo_Undefined_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.GoTo(At(GuidePosition.Step1), (GuidePosition)42));
    }

    [Fact]
    public void ChooseRegion_KnownKey_Remembered()
    {
        Assert.Equal("testnet", engine.ChooseRegion(At(GuidePosition.Step1), "testnet")!.RegionKey);
    }

    [Fact]
    public void ChooseRegion_UnknownKey_ReturnsNull()
    {
        Assert.Null(engine.ChooseRegion(At(GuidePosition.Step1), "moon"));
    }

    [Theory]
    [InlineData("standard", AccountType.Standard)]
    [InlineData("unified", AccountType.Unified)]
    [InlineData("unknown", null)]
    [InlineData("UNIFIED", null)]
    [InlineData(null, null)]
    public void ParseAccountTypeChoice_Value_MapsOnlyTheTwoChoices(string? value, AccountType? expected)
    {
        Assert.Equal(expected, WalkthroughEngine.ParseAccountTypeChoice(value));
    }

    [Fact]
    public void ChooseAccountType_Unified_Remembered()
    {
        Assert.Equal(AccountType.Unified, engine.ChooseAccountType(At(GuidePosition.Step3), AccountType.Unified).AccountType);
    }

    [Fact]
    public void RecordCheck_Summary_KeptAsLastCheck()
    {
        var summary = Summary("…Xy12");

        Assert.Same(summary, engine.RecordCheck(At(GuidePosition.Step5), summary).LastCheck);
    }

    [Fact]
    public void RecordCheck_UnmaskedKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => engine.RecordCheck(At(GuidePosition.Step5), Summary("ABCDEFGHIJKLMNOPQR")));
    }

    [Fact]
    public void Stuck_AtStepFive_DescribesWhereAndWhat()
    {
        var progress = At(GuidePosition.Step5) with { AccountType = AccountType.Unified, RegionKey = "eu", LastCheck = Summary("…Xy12") };

        var context = engine.Stuck(progress);

        Assert.Equal(
            new StuckContext(Member, GuidePosition.Step5, "Part 2 of 3 · Step 5 of 6: Turn on One-Way Mode", AccountType.Unified, "eu", "Bybit EU", progress.LastCheck, Start),
            context);
    }

    [Fact]
    public void Stuck_BeforeYouBegin_NamesThePage()
    {
        Assert.Equal("Before you begin", engine.Stuck(At(GuidePosition.BeforeYouBegin)).Where);
    }

    [Theory]
    [InlineData(GuidePosition.BeforeYouBegin, new[] { "next", "stuck" })]
    [InlineData(GuidePosition.Step1, new[] { "back", "next", "stuck" })]
    [InlineData(GuidePosition.Step3, new[] { "back", "next", "check:3", "stuck" })]
    [InlineData(GuidePosition.Step4, new[] { "back", "next", "stuck" })]
    [InlineData(GuidePosition.Step5, new[] { "back", "next", "check:5", "stuck" })]
    [InlineData(GuidePosition.FinalCheck, new[] { "back", "next", "check:final", "stuck" })]
    [InlineData(GuidePosition.Done, new[] { "back", "stuck" })]
    public void View_Position_OffersTheRightButtons(GuidePosition position, string[] expected)
    {
        var view = engine.View(At(position), keyRemembered: false, locale: null);

        Assert.Equal(expected, view.Buttons.Select(b => Describe(b.Action)));
    }

    [Fact]
    public void View_KeyRemembered_OffersForgetMyKey()
    {
        var view = engine.View(At(GuidePosition.Step5), keyRemembered: true, locale: null);

        var forget = view.Button(WalkthroughActionKind.ForgetKey);
        Assert.NotNull(forget);
        Assert.Equal("Forget my key", forget.Label);
        Assert.Equal(WalkthroughButtonStyle.Danger, forget.Style);
        Assert.InRange(view.Buttons.Count, 1, 5);
    }

    [Fact]
    public void View_StepFive_ShowsHeaderTitleAndCheckLabel()
    {
        var view = engine.View(At(GuidePosition.Step5), keyRemembered: false, locale: null);

        Assert.Equal("Part 2 of 3 · Step 5 of 6", view.Header);
        Assert.Equal("Turn on One-Way Mode", view.Title);
        Assert.Contains("One-Way Mode", view.Body, StringComparison.Ordinal);
        Assert.Equal("Check my position mode", view.Button(WalkthroughActionKind.CheckNow)!.Label);
    }

    [Fact]
    public void View_BeforeYouBeginAndFinalCheck_NextIsLabelledStartAndFinish()
    {
        Assert.Equal("Let's start", engine.View(At(GuidePosition.BeforeYouBegin), false, locale: null).Button(WalkthroughActionKind.Next)!.Label);
        Assert.Equal("Finish", engine.View(At(GuidePosition.FinalCheck), false, locale: null).Button(WalkthroughActionKind.Next)!.Label);
    }

    [Fact]
    public void View_StepThree_AsksAccountTypeWithChoiceMarked()
    {
        var view = engine.View(At(GuidePosition.Step3) with { AccountType = AccountType.Unified }, keyRemembered: false, locale: null);

        var select = view.AccountTypeSelect;
        Assert.NotNull(select);
        Assert.Equal(WalkthroughActionKind.ChooseAccountType, select.Action.Kind);
        Assert.Equal(["standard", "unified"], select.Options.Select(o => o.Value));
        Assert.Equal([false, true], select.Options.Select(o => o.IsDefault));
    }

    [Theory]
    [InlineData(GuidePosition.BeforeYouBegin, false, false)]
    [InlineData(GuidePosition.Step1, false, true)]
    [InlineData(GuidePosition.Step2, false, false)]
    [InlineData(GuidePosition.Step3, true, true)]
    [InlineData(GuidePosition.Step5, false, true)]
    [InlineData(GuidePosition.Step6, false, false)]
    [InlineData(GuidePosition.FinalCheck, false, true)]
    [InlineData(GuidePosition.Done, false, false)]
    public void View_Position_ShowsSelectsWhereTheyMatter(GuidePosition position, bool accountType, bool region)
    {
        var view = engine.View(At(position), keyRemembered: false, locale: null);

        Assert.Equal(accountType, view.AccountTypeSelect is not null);
        Assert.Equal(region, view.RegionSelect is not null);
    }

    [Fact]
    public void View_RegionSelect_MarksChosenRegionAndFitsDiscord()
    {
        var view = engine.View(At(GuidePosition.Step1) with { RegionKey = "kz" }, keyRemembered: false, locale: null);

        var select = view.RegionSelect!;
        Assert.Equal(WalkthroughActionKind.ChooseRegion, select.Action.Kind);
        Assert.Equal("Where is your Bybit account?", select.Placeholder);
        Assert.Equal(["kz"], select.Options.Where(o => o.IsDefault).Select(o => o.Value));
        Assert.InRange(select.Options.Count, 1, 25);
        Assert.All(select.Options, o => Assert.InRange(o.Label.Length, 1, 100));
        Assert.All(select.Options, o => Assert.InRange(o.Description.Length, 1, 100));
    }

    [Theory]
    [InlineData(GuidePosition.Step3, new[] { "read-write", "contract-trading", "withdrawal", "transfer", "extra-permissions" })]
    [InlineData(GuidePosition.Step5, new[] { "position-mode" })]
    [InlineData(GuidePosition.Step4, null)]
    public void ChecksAt_Position_ListsWhatCheckItNowRuns(GuidePosition position, string[]? expected)
    {
        Assert.Equal(expected, engine.ChecksAt(position));
    }

    [Fact]
    public void ChecksAt_FinalCheck_IsEveryCheck()
    {
        Assert.Equal(CheckIds.All, engine.ChecksAt(GuidePosition.FinalCheck));
    }

    // The action as the view tests name it: "back", "check:3", ….
    private static string Describe(WalkthroughAction action) => action.Kind switch
    {
        WalkthroughActionKind.Next => "next",
        WalkthroughActionKind.Back => "back",
        WalkthroughActionKind.Stuck => "stuck",
        WalkthroughActionKind.ForgetKey => "forget",
        WalkthroughActionKind.CheckNow => "check:" + (action.Position is GuidePosition.FinalCheck ? "final" : action.Position?.StepNumber()?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => action.Kind.ToString(),
    };

    private static WalkthroughProgress At(GuidePosition position) =>
        new(Member, position, AccountType.Unknown, null, null, WalkthroughDelivery.DirectMessage(42, 43), Start, Start);

    private static CheckSummary Summary(string maskedKey) =>
        new(Verdict.Fail, [CheckIds.PositionMode], [], maskedKey, "eu", Start, GuidePosition.Step5);
}

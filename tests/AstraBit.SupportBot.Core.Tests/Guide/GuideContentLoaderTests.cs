using System.Text;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;

namespace AstraBit.SupportBot.Core.Tests.Guide;

public sealed class GuideContentLoaderTests
{
    [Fact]
    public void Load_ShippedGuide_HasThreePartsAndSixSteps()
    {
        var guide = ShippedGuide.Load();

        Assert.Equal(3, guide.Parts.Count);
        Assert.Equal([4, 1, 1], guide.Parts.Select(p => p.Steps.Count));
        Assert.Equal([1, 2, 3, 4, 5, 6], guide.Steps.Select(s => s.Number));
        Assert.Equal([1, 1, 1, 1, 2, 3], guide.Steps.Select(s => s.PartNumber));
    }

    [Fact]
    public void Load_ShippedGuide_CheckNowOnStepsThreeAndFiveAndAtTheEnd()
    {
        var guide = ShippedGuide.Load();

        Assert.Equal([3, 5], guide.Steps.Where(s => s.CheckNow is not null).Select(s => s.Number));
        Assert.Equal(
            [CheckIds.ReadWrite, CheckIds.ContractTrading, CheckIds.Withdrawal, CheckIds.Transfer, CheckIds.ExtraPermissions],
            guide.Step(3).CheckNow!.CheckIds);
        Assert.Equal([CheckIds.PositionMode], guide.Step(5).CheckNow!.CheckIds);
        Assert.Equal(CheckIds.All, guide.FinalCheck.CheckNow.CheckIds);
    }

    [Fact]
    public void Load_ShippedGuide_StepThreeNamesPermissionsPerAccountType()
    {
        var guide = ShippedGuide.Load();

        Assert.Equal(3, guide.AccountTypeStep.Number);
        Assert.Equal([AccountType.Standard, AccountType.Unified], guide.AccountTypeStep.AccountTypes.Select(a => a.Type));
        Assert.All(guide.AccountTypeStep.AccountTypes, a => Assert.Contains("Read-Write", a.TurnOn));
        Assert.All(guide.AccountTypeStep.AccountTypes, a => Assert.Contains(a.LeaveOff, p => p.Contains("Withdrawal", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_ShippedGuide_StepFourWarnsTheSecretIsShownOnce()
    {
        var guide = ShippedGuide.Load();

        Assert.Contains("shown only once", guide.Step(4).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedGuide_OffersEveryBybitSite()
    {
        var guide = ShippedGuide.Load();

        Assert.Equal(
            ["mainnet", "eu", "nl", "tr", "kz", "ge", "ae", "id", "jp", "testnet", "demo"],
            guide.Regions.Options.Select(r => r.Key));
        Assert.Equal("Where is your Bybit account?", guide.Regions.Prompt);
    }

    [Theory]
    [InlineData(CheckIds.ApiKey, GuidePosition.Step2, "Create a new key")]
    [InlineData(CheckIds.Withdrawal, GuidePosition.Step3, "Choose the permissions")]
    [InlineData(CheckIds.PositionMode, GuidePosition.Step5, "Turn on One-Way Mode")]
    [InlineData(CheckIds.Balance, GuidePosition.BeforeYouBegin, "Before you begin")]
    public void LinkFor_CheckId_PointsAtTheStepThatFixesIt(string checkId, GuidePosition expectedPosition, string expectedTitle)
    {
        var link = ShippedGuide.Instance.LinkFor(checkId);

        Assert.Equal(new GuideLink(checkId, expectedPosition, expectedTitle), link);
    }

    [Fact]
    public void LinkFor_Connectivity_IsNull()
    {
        Assert.Null(ShippedGuide.Instance.LinkFor(CheckIds.Connectivity));
    }

    [Fact]
    public void Load_StepBodyTooLong_NamesFileFieldAndLimit()
    {
        var json = ShippedGuide.Json();
        json["parts"]![1]!["steps"]![0]!["body"] = new string('a', 4097);

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: parts[1].steps[0].body is longer than 4096 characters (Discord embed description limit)", error.Message);
    }

    [Fact]
    public void Load_ReferralTooLongOnceFilled_NamesField()
    {
        var json = ShippedGuide.Json();
        json["referral"]!["text"] = new string('a', 900) + " {referralUrl}";

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: referral.text is longer than 1024 characters once its holes are filled in (Discord embed field limit)", error.Message);
    }

    [Fact]
    public void Load_UnknownHole_NamesFieldAndTheHoles()
    {
        var json = ShippedGuide.Json();
        json["help"]!["text"] = "Write to {supportMail}";

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.StartsWith("config/guide.json: help.text uses the unknown hole {supportMail}; the holes are: {minimumBalanceUsd}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingField_NamesIt()
    {
        var json = ShippedGuide.Json();
        json["parts"]![0]!["steps"]![2]!.AsObject().Remove("title");

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: parts[0].steps[2].title is missing", error.Message);
    }

    [Fact]
    public void Load_UnknownField_NamesItAndTheKnownOnes()
    {
        var json = ShippedGuide.Json();
        json["nextStep"]!["text"] = "typo for body";

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: nextStep has an unknown field 'text' (the fields are: title, body)", error.Message);
    }

    [Fact]
    public void Load_UnknownCheckIdInCheckNow_NamesItem()
    {
        var json = ShippedGuide.Json();
        json["parts"]![1]!["steps"]![0]!["checkNow"]!["checks"] = new JsonArray("position-mode", "hedge-mode");

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.StartsWith("config/guide.json: parts[1].steps[0].checkNow.checks[1] ('hedge-mode') is not a check id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ButtonLabelTooLong_NamesButtonLimit()
    {
        var json = ShippedGuide.Json();
        json["buttons"]!["stuck"] = new string('s', 81);

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: buttons.stuck is longer than 80 characters (Discord button label limit)", error.Message);
    }

    [Fact]
    public void Load_RegionLabelTooLong_NamesSelectLimit()
    {
        var json = ShippedGuide.Json();
        json["regions"]!["options"]![3]!["label"] = new string('r', 101);

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: regions.options[3].label is longer than 100 characters (Discord select option limit)", error.Message);
    }

    [Fact]
    public void Load_MoreThanTwentyFiveRegions_Fails()
    {
        var json = ShippedGuide.Json();
        var options = json["regions"]!["options"]!.AsArray();
        for (var i = 0; i < 15; i++)
        {
            options.Add(new JsonObject { ["key"] = $"extra{i}", ["label"] = "Extra", ["description"] = "Extra site" });
        }

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: regions.options has 26 choices; a Discord select holds at most 25", error.Message);
    }

    [Fact]
    public void Load_WithoutMainnetRegion_Fails()
    {
        var json = ShippedGuide.Json();
        json["regions"]!["options"]!.AsArray().RemoveAt(0);

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: regions.options has no choice with key \"mainnet\" (bybit.com)", error.Message);
    }

    [Fact]
    public void Load_FiveSteps_FailsNamingTheCount()
    {
        var json = ShippedGuide.Json();
        json["parts"]![0]!["steps"]!.AsArray().RemoveAt(0);

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.StartsWith("config/guide.json: parts hold 5 steps in all, but the guide has exactly 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CheckStepsMissesACheck_NamesIt()
    {
        var json = ShippedGuide.Json();
        json["checkSteps"]!.AsObject().Remove("key-expiry");

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.StartsWith("config/guide.json: checkSteps has no entry for key-expiry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CheckStepsOutOfRange_NamesEntry()
    {
        var json = ShippedGuide.Json();
        json["checkSteps"]!["transfer"] = 7;

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.StartsWith("config/guide.json: checkSteps.transfer must be a step number from 1 to 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AccountTypesMissingUnified_Fails()
    {
        var json = ShippedGuide.Json();
        json["parts"]![0]!["steps"]![2]!["accountTypes"]!.AsArray().RemoveAt(1);

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: parts[0].steps[2].accountTypes must list both account types: \"standard\" and \"unified\"", error.Message);
    }

    [Fact]
    public void Load_TipsTooLongTogether_NamesFieldLimit()
    {
        var json = ShippedGuide.Json();
        json["parts"]![0]!["steps"]![0]!["tips"] = new JsonArray(new string('x', 600), new string('y', 600));

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: parts[0].steps[0].tips together make 1206 characters; Discord allows 1024 in one embed field", error.Message);
    }

    [Fact]
    public void Load_PageOverDiscordTotal_NamesThePage()
    {
        var json = ShippedGuide.Json();
        var step = json["parts"]![0]!["steps"]![2]!;
        step["title"] = new string('t', 256);
        step["body"] = new string('b', 4096);
        step["tips"] = new JsonArray(Enumerable.Range(0, 9).Select(_ => (JsonNode?)JsonValue.Create(new string('x', 100))).ToArray());
        step["accountTypes"]![0]!["turnOn"] = new JsonArray(Enumerable.Range(0, 5).Select(_ => (JsonNode?)JsonValue.Create(new string('o', 90))).ToArray());

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.StartsWith("config/guide.json: parts[0].steps[2] makes a page of", error.Message, StringComparison.Ordinal);
        Assert.Contains("a page holds 6000 so that it fits in one Discord message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BeforeYouBeginTooLongTogether_NamesThePage()
    {
        var json = ShippedGuide.Json();
        json["intro"] = new string('i', 2500);
        json["beforeYouBegin"]!["body"] = new string('b', 2000);

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.StartsWith("config/guide.json: beforeYouBegin (with intro, disclaimer and referral) makes a page text of", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord allows 4096", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_NamesFileAndLine()
    {
        var error = Assert.Throws<GuideContentException>(() => GuideContentLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes("{\n  \"intro\": \n}")), "config/guide.json", TestLimits.Discord));

        Assert.StartsWith("config/guide.json: is not valid JSON near line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyText_NamesField()
    {
        var json = ShippedGuide.Json();
        json["disclaimer"] = "   ";

        var error = Assert.Throws<GuideContentException>(() => ShippedGuide.Load(json));

        Assert.Equal("config/guide.json: disclaimer is empty", error.Message);
    }
}

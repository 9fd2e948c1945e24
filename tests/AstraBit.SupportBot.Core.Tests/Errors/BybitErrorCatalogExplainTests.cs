using System.Text.RegularExpressions;
using AstraBit.SupportBot.Core.Errors;

namespace AstraBit.SupportBot.Core.Tests.Errors;

public sealed class BybitErrorCatalogExplainTests
{
    private const string HedgePhrase = "position idx not match position mode";

    private static BybitErrorCatalog Catalog => ShippedCatalog.Instance;

    [Fact]
    public void Load_ShippedConfig_LoadsAndValidates()
    {
        var catalog = ShippedCatalog.Load();

        Assert.NotEmpty(catalog.Entries);
    }

    [Fact]
    public void Load_ShippedConfig_EveryGuideStepIsNamedInItsFix()
    {
        foreach (var entry in Catalog.Entries.Where(e => e.GuideStep is not null))
        {
            var step = entry.GuideStep!.Value;
            Assert.True(
                Regex.IsMatch(entry.Fix, $@"\bsteps? (?:\d (?:and|to) )?{step}\b"),
                $"'{entry.Title}' points at step {step} but its fix doesn't mention it.");
        }
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("429")]
    [InlineData("-2015")]
    [InlineData("33004")]
    [InlineData("10000")]
    [InlineData("10001")]
    [InlineData("10002")]
    [InlineData("10003")]
    [InlineData("10004")]
    [InlineData("10005")]
    [InlineData("10006")]
    [InlineData("10007")]
    [InlineData("10008")]
    [InlineData("10009")]
    [InlineData("10010")]
    [InlineData("10014")]
    [InlineData("10016")]
    [InlineData("10017")]
    [InlineData("10024")]
    [InlineData("10027")]
    [InlineData("10028")]
    [InlineData("100028")]
    [InlineData("110004")]
    [InlineData("110007")]
    [InlineData("110012")]
    [InlineData("110045")]
    [InlineData("110024")]
    [InlineData("110025")]
    [InlineData("110028")]
    [InlineData("110029")]
    [InlineData("110088")]
    [InlineData("110097")]
    [InlineData("110113")]
    [InlineData("10032")]
    [InlineData("110017")]
    [InlineData("110094")]
    [InlineData("110123")]
    [InlineData("110124")]
    [InlineData("110125")]
    [InlineData("110132")]
    [InlineData("3400208")]
    [InlineData("131004")]
    [InlineData("141019")]
    [InlineData("141020")]
    [InlineData("HTTP 401")]
    [InlineData("HTTP 403")]
    [InlineData("HTTP 404")]
    public void Explain_ListedCode_IsExplained(string code)
    {
        var explanation = Catalog.Explain(code);

        Assert.NotNull(explanation);
        Assert.True(explanation.Known);
        Assert.Equal(code, explanation.Code);
        Assert.Null(explanation.MatchedPhrase);
        Assert.Equal(EntryFor(code).Title, explanation.Title);
        Assert.False(string.IsNullOrWhiteSpace(explanation.Meaning));
        Assert.False(string.IsNullOrWhiteSpace(explanation.Fix));
    }

    [Theory]
    [InlineData("10003", "10003", "10003")]
    [InlineData("  10003 \n", "10003", "10003")]
    [InlineData("retCode 10003", "10003", "10003")]
    [InlineData("retCode: 10003", "10003", "10003")]
    [InlineData("ret_code=10010", "10010", "10010")]
    [InlineData("error code 33004", "33004", "33004")]
    [InlineData("I got 10003.", "10003", "10003")]
    [InlineData("`10005`", "10005", "10005")]
    [InlineData("-2015", "-2015", "33004")]
    [InlineData("10003 API key is invalid.", "10003", "10003")]
    [InlineData("""{"retCode":10003,"retMsg":"API key is invalid.","result":{},"retExtInfo":{},"time":1714065629010}""", "10003", "10003")]
    [InlineData("""{"retCode":"10004","retMsg":"Error sign, please check your signature generation algorithm.","result":{}}""", "10004", "10004")]
    [InlineData("""{"retCode":10001,"retMsg":"position idx not match position mode","result":{},"retExtInfo":{},"time":1714065629010}""", "10001", HedgePhrase)]
    [InlineData("""{"retCode":10001,"retMsg":"accountType only support UNIFIED.","result":{},"retExtInfo":{},"time":1714065629010}""", "10001", "accountType only support")]
    [InlineData("""when I connect I get {"retCode":10010,"retMsg":"Unmatched IP, please check your API key's bound IP addresses.""", "10010", "10010")]
    [InlineData("HTTP 403", "HTTP 403", "HTTP 403")]
    [InlineData("http 404", "HTTP 404", "HTTP 404")]
    [InlineData("403 Forbidden", "HTTP 403", "HTTP 403")]
    [InlineData("401 Unauthorized", "HTTP 401", "HTTP 401")]
    [InlineData("HTTP/1.1 401 Unauthorized", "HTTP 401", "HTTP 401")]
    [InlineData("Request failed with status code 404", "HTTP 404", "HTTP 404")]
    public void Explain_InputForm_FindsEntry(string input, string expectedCode, string expectedEntryKey)
    {
        var explanation = Catalog.Explain(input);

        Assert.NotNull(explanation);
        Assert.True(explanation.Known);
        Assert.Equal(expectedCode, explanation.Code);
        Assert.Equal(EntryFor(expectedEntryKey).Title, explanation.Title);
    }

    [Theory]
    [InlineData("position idx not match position mode", HedgePhrase)]
    [InlineData("accountType only support UNIFIED.", "accountType only support")]
    [InlineData("Unmatched IP, please check your API key's bound IP addresses.", "10010")]
    [InlineData("Error sign, please check your signature generation algorithm.", "10004")]
    [InlineData("invalid request, please check your server timestamp or recv_window param. req_timestamp[1714065629010],server_timestamp[1714065627000],recv_window[5000]", "10002")]
    [InlineData("req_timestamp[1714065629010]", "10002")]
    [InlineData("API key is invalid.", "10003")]
    [InlineData("API KEY IS INVALID", "10003")]
    [InlineData("Permission denied, please check your API key permissions.", "10005")]
    [InlineData("Too many visits!", "10006")]
    [InlineData("403, access too frequent", "access too frequent")]
    [InlineData("The Amazon CloudFront distribution is configured to block access from your country.", "block access from your country")]
    [InlineData("Your api key has expired", "33004")]
    public void Explain_FreeText_MatchesPhrase(string input, string expectedEntryKey)
    {
        var explanation = Catalog.Explain(input);

        Assert.NotNull(explanation);
        Assert.True(explanation.Known);
        Assert.NotNull(explanation.MatchedPhrase);
        Assert.Equal(EntryFor(expectedEntryKey).Title, explanation.Title);
    }

    [Theory]
    [InlineData("10001 position idx not match position mode")]
    [InlineData("retCode 10001: Position idx not match position mode")]
    [InlineData("""{"retCode":10001,"retMsg":"position idx not match position mode","result":{}}""")]
    public void Explain_HedgePhraseWithCode10001_PhraseWinsOverCode(string input)
    {
        var generic = Catalog.Explain("10001");

        var explanation = Catalog.Explain(input);

        Assert.NotNull(explanation);
        Assert.True(explanation.Known);
        Assert.Equal("10001", explanation.Code);
        Assert.Equal(HedgePhrase, explanation.MatchedPhrase);
        Assert.Equal(5, explanation.GuideStep);
        Assert.Equal(EntryFor(HedgePhrase).Title, explanation.Title);
        Assert.NotEqual(generic!.Title, explanation.Title);
    }

    [Theory]
    [InlineData("99999", "99999")]
    [InlineData("retCode 424242", "424242")]
    [InlineData("""{"retCode":170999,"retMsg":"Something nobody has seen"}""", "170999")]
    [InlineData("HTTP 418", "HTTP 418")]
    [InlineData("my bot is not working", null)]
    public void Explain_UnknownInput_KnownFalseAndPointsToTicket(string input, string? expectedCode)
    {
        var explanation = Catalog.Explain(input);

        Assert.NotNull(explanation);
        Assert.False(explanation.Known);
        Assert.Equal(expectedCode, explanation.Code);
        Assert.Null(explanation.GuideStep);
        Assert.Null(explanation.MatchedPhrase);
        Assert.Empty(explanation.SeeAlso);
        Assert.Contains("/ticket open", explanation.Fix, StringComparison.Ordinal);
        Assert.Contains("rather not guess", explanation.Meaning, StringComparison.Ordinal);
        if (expectedCode is not null)
        {
            Assert.Contains(expectedCode, explanation.Meaning, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Explain_BlankInput_ReturnsNull(string input)
    {
        Assert.Null(Catalog.Explain(input));
    }

    [Fact]
    public void Explain_InputLongerThanLimit_MatchesOnlyTheFirstPart()
    {
        var input = "10003 " + new string('x', BybitErrorCatalog.MaxInputLength) + " " + HedgePhrase;

        var explanation = Catalog.Explain(input);

        Assert.NotNull(explanation);
        Assert.Null(explanation.MatchedPhrase);
        Assert.Equal(EntryFor("10003").Title, explanation.Title);
    }

    [Fact]
    public void Explain_SeeAlsoItems_AreThemselvesExplained()
    {
        foreach (var item in Catalog.Entries.SelectMany(e => e.SeeAlso))
        {
            Assert.True(Catalog.Explain(item)?.Known, $"seeAlso '{item}' is not explained");
        }
    }

    private static ErrorCatalogEntry EntryFor(string codeOrPhrase) =>
        Catalog.Entries.Single(e => e.Codes.Contains(codeOrPhrase) || e.Match.Contains(codeOrPhrase));

    [Theory]
    [InlineData("{\"retCode\":10032,\"retMsg\":\"Demo trading are not supported.\"}", "10032", "create the key on the live Bybit site")]
    [InlineData("110123 You must agree to the Trading Terms", "110123", "accept the terms")]
    [InlineData("error 110125", "110125", "accept its terms")]
    [InlineData("110124", "110124", "cooling-off period ends")]
    [InlineData("110132 Product not available in your region", "110132", "Nothing in the key can change this")]
    [InlineData("110094 order value below minimum", "110094", "Move more USDT")]
    [InlineData("110017", "110017", "Add funds")]
    public void Explain_Codes2026_ExplainedWithAFix(string pasted, string code, string fixPart)
    {
        var explanation = Catalog.Explain(pasted);

        Assert.NotNull(explanation);
        Assert.Equal(code, explanation.Code);
        Assert.Contains(fixPart, explanation.Fix, StringComparison.Ordinal);
    }
}

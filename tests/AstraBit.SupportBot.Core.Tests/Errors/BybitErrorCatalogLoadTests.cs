using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Core.Errors;

namespace AstraBit.SupportBot.Core.Tests.Errors;

public sealed class BybitErrorCatalogLoadTests
{
    private const string Source = "test/bybit-errors.json";
    private const string Remove = "<remove>";

    [Fact]
    public void Load_ValidCatalog_ReadsEveryField()
    {
        var catalog = Load(Catalog(First(), Second()));

        var entry = Assert.Single(catalog.Entries, e => e.Codes.Contains("10004"));
        Assert.Equal(["error sign"], entry.Match);
        Assert.Equal("Secret doesn't match", entry.Title);
        Assert.Equal("What it means.", entry.Meaning);
        Assert.Equal("What to do.", entry.Fix);
        Assert.Equal(4, entry.GuideStep);
        Assert.Equal(["10003"], entry.SeeAlso);
    }

    [Fact]
    public void Load_CommentsTrailingCommasAndLowerCaseHttp_Accepted()
    {
        const string json = """
            [
              // support staff may leave notes
              { "codes": ["http 403"], "title": "t", "meaning": "m", "fix": "f", },
            ]
            """;

        var catalog = Load(json);

        Assert.Equal(["HTTP 403"], Assert.Single(catalog.Entries).Codes);
    }

    [Theory]
    [InlineData("fix", "<long:1025>", "test/bybit-errors.json: entry 2 (code 10004): 'fix' is longer than 1024 characters")]
    [InlineData("meaning", "<long:1025>", "test/bybit-errors.json: entry 2 (code 10004): 'meaning' is longer than 1024 characters")]
    [InlineData("title", "<long:257>", "test/bybit-errors.json: entry 2 (code 10004): 'title' is longer than 256 characters")]
    [InlineData("title", "\"   \"", "test/bybit-errors.json: entry 2 (code 10004): 'title' is empty")]
    [InlineData("meaning", Remove, "test/bybit-errors.json: entry 2 (code 10004): 'meaning' is missing")]
    [InlineData("fix", "42", "test/bybit-errors.json: entry 2 (code 10004): 'fix' must be text in double quotes")]
    [InlineData("guideStep", "7", "test/bybit-errors.json: entry 2 (code 10004): 'guideStep' must be a step number from 1 to 6, or null")]
    [InlineData("guideStep", "0", "test/bybit-errors.json: entry 2 (code 10004): 'guideStep' must be a step number from 1 to 6, or null")]
    [InlineData("guideStep", "\"4\"", "test/bybit-errors.json: entry 2 (code 10004): 'guideStep' must be a step number from 1 to 6, or null")]
    [InlineData("codes", "[\"10003\"]", "test/bybit-errors.json: entry 2 (code 10003): 'codes' item 1: code '10003' is already used by entry 1")]
    [InlineData("codes", "[\"ten\"]", "test/bybit-errors.json: entry 2 (code ten): 'codes' item 1 ('ten') is neither a Bybit code (digits, e.g. \"10003\") nor an HTTP status (e.g. \"HTTP 403\")")]
    [InlineData("codes", "\"10004\"", "test/bybit-errors.json: entry 2 (match 'error sign'): 'codes' must be a list in square brackets, e.g. [\"10003\"]")]
    [InlineData("codes", "[10004]", "test/bybit-errors.json: entry 2 (match 'error sign'): 'codes' item 1 must be text in double quotes")]
    [InlineData("match", "[\"ip\"]", "test/bybit-errors.json: entry 2 (code 10004): 'match' item 1 ('ip') is too short: use at least 4 characters so it can't turn up in unrelated messages")]
    [InlineData("match", "[\"API key  is INVALID\"]", "test/bybit-errors.json: entry 2 (code 10004): 'match' item 1: phrase 'API key  is INVALID' is already used by entry 1")]
    [InlineData("seeAlso", "[\"77777\"]", "test/bybit-errors.json: entry 2 (code 10004): 'seeAlso' item 1 ('77777') is not a code or match phrase of any entry")]
    [InlineData("seeAlso", "[\"\"]", "test/bybit-errors.json: entry 2 (code 10004): 'seeAlso' item 1 is empty")]
    [InlineData("guidestep", "4", "test/bybit-errors.json: entry 2 (code 10004): unknown field 'guidestep' (the fields are: codes, match, title, meaning, fix, guideStep, seeAlso)")]
    public void Load_InvalidField_ThrowsNamingFileEntryAndField(string field, string valueJson, string expectedMessage)
    {
        var second = Second();
        if (valueJson == Remove)
        {
            second.Remove(field);
        }
        else
        {
            second[field] = Value(valueJson);
        }

        var exception = Assert.Throws<ErrorCatalogException>(() => Load(Catalog(First(), second)));

        Assert.Equal(expectedMessage, exception.Message);
    }

    [Fact]
    public void Load_NoCodesAndNoMatch_ThrowsNamingBothFields()
    {
        var second = Second();
        second["codes"] = new JsonArray();
        second["match"] = new JsonArray();

        var exception = Assert.Throws<ErrorCatalogException>(() => Load(Catalog(First(), second)));

        Assert.Equal(
            "test/bybit-errors.json: entry 2: 'codes' and 'match' are both empty: give at least one code or one phrase",
            exception.Message);
    }

    [Theory]
    [InlineData("[ { \"codes\": ", "test/bybit-errors.json: is not valid JSON near line 1")]
    [InlineData("{ }", "test/bybit-errors.json: must be a list of entries")]
    [InlineData("[]", "test/bybit-errors.json: has no entries")]
    [InlineData("[ 42 ]", "test/bybit-errors.json: entry 1: must be an object")]
    public void Load_InvalidFile_ThrowsNamingFile(string json, string expectedStart)
    {
        var exception = Assert.Throws<ErrorCatalogException>(() => Load(json));

        Assert.StartsWith(expectedStart, exception.Message, StringComparison.Ordinal);
    }

    private static BybitErrorCatalog Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return BybitErrorCatalog.Load(stream, Source, TestLimits.Discord);
    }

    private static string Catalog(params JsonObject[] entries) => new JsonArray(entries).ToJsonString();

    private static JsonObject First() => new()
    {
        ["codes"] = new JsonArray("10003"),
        ["match"] = new JsonArray("api key is invalid"),
        ["title"] = "Key not recognised",
        ["meaning"] = "What it means.",
        ["fix"] = "What to do.",
        ["guideStep"] = 4,
        ["seeAlso"] = new JsonArray(),
    };

    private static JsonObject Second() => new()
    {
        ["codes"] = new JsonArray("10004"),
        ["match"] = new JsonArray("error sign"),
        ["title"] = "Secret doesn't match",
        ["meaning"] = "What it means.",
        ["fix"] = "What to do.",
        ["guideStep"] = 4,
        ["seeAlso"] = new JsonArray("10003"),
    };

    private static JsonNode? Value(string json) =>
        json.StartsWith("<long:", StringComparison.Ordinal)
            ? JsonValue.Create(new string('a', int.Parse(json[6..^1], CultureInfo.InvariantCulture)))
            : JsonNode.Parse(json);
}

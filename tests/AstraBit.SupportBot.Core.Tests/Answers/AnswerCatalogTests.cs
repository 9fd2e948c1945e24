using System.Text;
using AstraBit.SupportBot.Core.Answers;
using AstraBit.SupportBot.Core.Tests.Guide;

namespace AstraBit.SupportBot.Core.Tests.Answers;

public sealed class AnswerCatalogTests
{
    private const string Email = "support@astrabit.example";
    private const string Source = "config/answers.json";

    [Fact]
    public void LoadFile_ShippedAnswers_CoverTheTrapsMembersHit()
    {
        var catalog = LoadShipped();

        Assert.True(catalog.Answers.Count >= 10);
        Assert.Superset(
            new HashSet<string>(["hedge-mode-open-positions", "funds-in-funding", "classic-account", "expired-key", "ip-binding", "eu-account", "nexus-auto-sync", "minimum-order-size", "trading-terms", "password-changed"]),
            catalog.Answers.Select(a => a.Name).ToHashSet());
    }

    [Fact]
    public void Render_AnswerWithHoles_FillsMemberGuideStepAndEmail()
    {
        var catalog = Load("""{ "answers": [ { "name": "hedge", "title": "Hedge", "text": "Hi {member}, see {guideStep:5}, or mail {supportEmail}." } ] }""");

        var text = catalog.Render(catalog.Get("hedge")!, 123456789012345678);

        Assert.Equal($"Hi <@123456789012345678>, see step 5 ({ShippedGuide.Instance.Step(5).Title}), or mail {Email}.", text);
    }

    [Fact]
    public void Render_ShippedAnswers_LeaveNoHoleUnfilled()
    {
        var catalog = LoadShipped();

        foreach (var answer in catalog.Answers)
        {
            var text = catalog.Render(answer, 42);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.True(text.Length <= AnswerCatalogLoader.MaxTextLength(TestLimits.Discord), answer.Name);
        }
    }

    [Theory]
    [InlineData("""{ "answers": [ { "name": "a", "title": "A", "text": "see {guideStep:7}" } ] }""", "config/answers.json: answers[0] (\"a\").text uses {guideStep:7}, but the guide has steps 1 to 6")]
    [InlineData("""{ "answers": [ { "name": "a", "title": "A", "text": "hi {membr}" } ] }""", "config/answers.json: answers[0] (\"a\").text uses the unknown hole {membr}; the holes are {member}, {guideStep:N} (N from 1 to 6) and {supportEmail}")]
    [InlineData("""{ "answers": [ { "name": "a", "title": "A", "text": "x" }, { "name": "expired", "text": "x" } ] }""", "config/answers.json: answers[1] (\"expired\").title is missing")]
    [InlineData("""{ "answers": [ { "name": "Expired Key", "title": "A", "text": "x" } ] }""", "config/answers.json: answers[0] (\"Expired Key\").name must be lowercase letters, digits and '-' (it is what staff type after /answer)")]
    [InlineData("""{ "answers": [ { "name": "a", "title": "A", "text": "x" }, { "name": "a", "title": "B", "text": "y" } ] }""", "config/answers.json: answers[1] (\"a\").name is used by an earlier answer too; names must be unique")]
    [InlineData("""{ "answers": [ { "name": "a", "title": "A", "text": "x", "body": "y" } ] }""", "config/answers.json: answers[0] (\"a\") has an unknown field 'body' (the fields are: name, title, text)")]
    [InlineData("""{ "answers": [] }""", "config/answers.json: answers is empty; give at least one answer")]
    public void Load_BrokenFile_NamesTheAnswerAndField(string json, string expected)
    {
        var error = Assert.Throws<AnswerCatalogException>(() => Load(json));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Load_TextTooLongOnceFilled_SaysHowLong()
    {
        var text = new string('a', AnswerCatalogLoader.MaxTextLength(TestLimits.Discord) - 10) + " {member}";
        var error = Assert.Throws<AnswerCatalogException>(() => Load($$"""{ "answers": [ { "name": "long", "title": "Long", "text": "{{text}}" } ] }"""));

        Assert.Equal("config/answers.json: answers[0] (\"long\").text is 1814 characters long with its holes filled; keep it to 1800 (Discord allows 2000 in one message, and the bot adds who sent it)", error.Message);
    }

    [Fact]
    public void Load_SupportEmailHoleWithoutAnAddress_IsRefused()
    {
        var error = Assert.Throws<AnswerCatalogException>(() => AnswerCatalogLoader.Load(Stream("""{ "answers": [ { "name": "a", "title": "A", "text": "{supportEmail}" } ] }"""), Source, ShippedGuide.Instance, "", TestLimits.Discord));

        Assert.Equal("config/answers.json: answers[0] (\"a\").text uses {supportEmail}, but Guide:SupportEmail is not set", error.Message);
    }

    [Fact]
    public void Load_InvalidJson_SaysTheLine()
    {
        var error = Assert.Throws<AnswerCatalogException>(() => Load("{\n \"answers\": [ { \"name\": } ]\n}"));

        Assert.StartsWith("config/answers.json: is not valid JSON near line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exp", new[] { "expired-key" })]
    [InlineData("EXP", new[] { "expired-key" })]
    [InlineData("key", new[] { "expired-key", "ip-binding", "password-changed", "withdrawal-permission" })]
    [InlineData("110125", new[] { "trading-terms" })]
    [InlineData("nothing-like-this", new string[0])]
    public void Find_Typed_NamePrefixFirstThenContains(string typed, string[] expected)
    {
        Assert.Equal(expected, LoadShipped().Find(typed, TestLimits.Discord.Choices).Select(a => a.Name));
    }

    [Fact]
    public void Find_ManyAnswers_OffersAtMost25PrefixMatchesFirst()
    {
        var answers = string.Join(", ", Enumerable.Range(0, 40).Select(i => $$"""{ "name": "z-{{i}}", "title": "about a", "text": "x" }"""));
        var catalog = Load($$"""{ "answers": [ {{answers}}, { "name": "a-first", "title": "A", "text": "x" } ] }""");

        var found = catalog.Find("a", TestLimits.Discord.Choices);

        Assert.Equal(25, found.Count);
        Assert.Equal("a-first", found[0].Name);
        Assert.Equal(25, catalog.Find(null, TestLimits.Discord.Choices).Count);
    }

    private static AnswerCatalog LoadShipped() =>
        AnswerCatalogLoader.LoadFile(Path.Combine(Path.GetDirectoryName(ShippedGuide.FullPath)!, AnswerCatalogLoader.FileName), ShippedGuide.Instance, Email, TestLimits.Discord);

    private static AnswerCatalog Load(string json) => AnswerCatalogLoader.Load(Stream(json), Source, ShippedGuide.Instance, Email, TestLimits.Discord);

    private static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));
}

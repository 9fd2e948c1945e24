using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using AstraBit.SupportBot.Core.Panel;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Core.Tests.Panel;

public sealed class PanelContentLoaderTests
{
    private const string RelativePath = "config/panel.json";

    [Fact]
    public void LoadFile_ShippedPanel_FourButtonsInOrderWithTheirLabels()
    {
        var panel = PanelContentLoader.LoadFile(ShippedPath(), TestLimits.Discord);

        Assert.Equal(
            [
                new PanelButton(PanelAction.ConnectBybit, "Connect Bybit step by step"),
                new PanelButton(PanelAction.CheckKey, "Check my API key"),
                new PanelButton(PanelAction.ExplainError, "Explain an error"),
                new PanelButton(PanelAction.TalkToSupport, "Talk to support"),
            ],
            panel.Buttons);
        Assert.False(string.IsNullOrWhiteSpace(panel.Title));
        Assert.Contains("Never post your API secret", panel.Text, StringComparison.Ordinal);
        Assert.Equal("Explain an error", panel.ErrorForm.Title);
    }

    public static TheoryData<string, JsonNode?, string> Broken() => new()
    {
        { "title", null, "config/panel.json: title is missing" },
        { "title", "  ", "config/panel.json: title is empty" },
        { "title", new string('t', 257), "config/panel.json: title is 257 characters long; the limit is 256 (Discord embed title limit)" },
        { "text", new string('t', 4097), "config/panel.json: text is 4097 characters long; the limit is 4096 (Discord embed description limit)" },
        { "text", 12, "config/panel.json: text must be text in double quotes" },
        { "footer", new string('f', 2049), "config/panel.json: footer is 2049 characters long; the limit is 2048 (Discord embed footer limit)" },
        { "buttons.checkKey", new string('b', 81), "config/panel.json: buttons.checkKey is 81 characters long; the limit is 80 (Discord button label limit)" },
        { "buttons.talkToSupport", null, "config/panel.json: buttons.talkToSupport is missing" },
        { "buttons.talkToSupport", "check my api key", "config/panel.json: buttons.talkToSupport ('check my api key') is the same as another button's label; members tell the buttons apart by it" },
        { "buttons.reportBug", "Report a bug", "config/panel.json: buttons has an unknown field 'reportBug' (the fields are: connectBybit, checkKey, explainError, talkToSupport)" },
        { "errorForm.title", new string('e', 46), "config/panel.json: errorForm.title is 46 characters long; the limit is 45 (Discord modal title limit)" },
        { "errorForm.label", new string('e', 46), "config/panel.json: errorForm.label is 46 characters long; the limit is 45 (Discord text input label limit)" },
        { "errorForm.placeholder", new string('e', 101), "config/panel.json: errorForm.placeholder is 101 characters long; the limit is 100 (Discord text input placeholder limit)" },
        { "colour", "blue", "config/panel.json: has an unknown field 'colour' (the fields are: title, text, footer, buttons, errorForm)" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Load_BrokenField_RefusedNamingFileAndField(string path, JsonNode? value, string expected)
    {
        var json = JsonNode.Parse(File.ReadAllText(ShippedPath()))!.AsObject();
        var parts = path.Split('.');
        var parent = parts.Length == 1 ? json : json[parts[0]]!.AsObject();
        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = value;
        }

        var error = Assert.Throws<PanelContentException>(() => Load(json));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Load_TextsTogetherOverSixThousand_Refused()
    {
        var json = JsonNode.Parse(File.ReadAllText(ShippedPath()))!.AsObject();
        json["text"] = new string('t', 4000);
        json["footer"] = new string('f', 2000);

        var error = Assert.Throws<PanelContentException>(() => Load(json));

        Assert.Contains("the panel holds 6000 so that it fits in one Discord message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_SaysWhere()
    {
        var error = Assert.Throws<PanelContentException>(() => PanelContentLoader.Load(new MemoryStream("{\n \"title\": \n"u8.ToArray()), RelativePath, TestLimits.Discord));

        Assert.StartsWith("config/panel.json: is not valid JSON near line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Missing_SaysWhichFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "panel.json");

        var error = Assert.Throws<PanelContentException>(() => PanelContentLoader.LoadFile(path, TestLimits.Discord));

        Assert.StartsWith($"{path}: can't be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SameChannel_EditsTheExistingMessage()
    {
        var existing = new PanelLocation(1, 10, 100, DateTimeOffset.UnixEpoch);

        Assert.Equal(new PanelPlacement(10, 100, null), PanelPlacement.Decide(existing, 10));
        Assert.Equal(new PanelPlacement(20, null, existing), PanelPlacement.Decide(existing, 20));
        Assert.Equal(new PanelPlacement(20, null, null), PanelPlacement.Decide(null, 20));
    }

    private static PanelContent Load(JsonNode json) =>
        PanelContentLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())), RelativePath, TestLimits.Discord);

    private static string ShippedPath([CallerFilePath] string sourceFile = "")
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AstraBit.SupportBot.sln")))
            {
                return Path.Combine(directory.FullName, "config", "panel.json");
            }
        }

        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile)!, "..", "..", "..", "config", "panel.json"));
    }
}

public sealed class MemberHelpServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddSupportMemberHelp_BrokenPanelFile_HostStopsAtStartNamingTheField()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("panel-").FullName, "panel.json");
        await File.WriteAllTextAsync(path, """{ "title": "Help", "text": "Pick one", "buttons": {} }""");
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions(services);
        services.AddSingleton(TestLimits.Discord);
        services.AddSupportMemberHelp(path);
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var validator = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>(provider);
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(validator.Validate);

        Assert.Contains($"{path}: buttons.connectBybit is missing", error.Message, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Guide;

/// <summary>
/// Reads and validates config/guide.json. Support staff edit that file by hand, so every problem is reported as
/// "file: path.to.field what is wrong", and every page is measured against Discord's limits with the holes
/// filled as long as configuration allows, so a valid file can never produce a message Discord refuses.
/// </summary>
public static class GuideContentLoader
{
    // Discord's limits (reference/discord-api.md §4–§5).
    public const int MaxTitleLength = 256;
    public const int MaxDescriptionLength = 4096;
    public const int MaxFieldValueLength = 1024;
    public const int MaxFields = 25;
    public const int MaxEmbedTotal = 6000;
    public const int MaxButtonLabelLength = 80;
    public const int MaxPlaceholderLength = 150;
    public const int MaxSelectOptions = 25;
    public const int MaxOptionTextLength = 100;

    private const string BeforeYouBeginValue = "before-you-begin";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static GuideContent Load(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            throw new GuideContentException(
                $"{sourceName}: is not valid JSON near line {line.ToString(CultureInfo.InvariantCulture)}: {exception.Message}",
                exception);
        }

        using (document)
        {
            var root = new Node(document.RootElement, string.Empty, sourceName);
            var guide = Read(root);
            CheckPages(guide, root);
            return guide;
        }
    }

    /// <summary>Loads the file at <paramref name="path"/>, naming it as given in errors.</summary>
    public static GuideContent LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    private static GuideContent Read(Node root)
    {
        root.RequireObject();
        root.AllowOnly(
            "intro", "disclaimer", "beforeYouBegin", "parts", "finalCheck", "nextStep", "securityPromise", "help",
            "referral", "accountTypePrompt", "regions", "buttons", "checkSteps");

        var parts = ReadParts(root.Property("parts"));
        var steps = parts.SelectMany(p => p.Steps).ToList();

        var final = root.Property("finalCheck");
        final.RequireObject();
        final.AllowOnly("title", "body", "items", "checkNowLabel");

        var buttons = root.Property("buttons");
        buttons.RequireObject();
        buttons.AllowOnly("back", "next", "stuck", "forgetKey", "start", "finish");

        return new GuideContent(
            root.Property("intro").Text(MaxDescriptionLength, "Discord embed description limit"),
            root.Property("disclaimer").Text(MaxDescriptionLength, "Discord embed description limit"),
            ReadChecklist(root.Property("beforeYouBegin")),
            parts,
            new GuideFinalCheck(
                final.Property("title").Text(MaxTitleLength, "Discord embed title limit"),
                final.Property("body").Text(MaxDescriptionLength, "Discord embed description limit"),
                final.Property("items").TextList(MaxFieldValueLength, "kept short so the checklist fits one message"),
                new GuideCheckNow(final.Property("checkNowLabel").Text(MaxButtonLabelLength, "Discord button label limit"), CheckIds.All)),
            ReadSection(root.Property("nextStep"), "body", MaxDescriptionLength, "Discord embed description limit"),
            ReadSection(root.Property("securityPromise"), "text", MaxFieldValueLength, "Discord embed field limit"),
            ReadSection(root.Property("help"), "text", MaxFieldValueLength, "Discord embed field limit"),
            ReadSection(root.Property("referral"), "text", MaxFieldValueLength, "Discord embed field limit"),
            root.Property("accountTypePrompt").Text(MaxPlaceholderLength, "Discord select placeholder limit"),
            ReadRegions(root.Property("regions")),
            new GuideButtons(
                buttons.Property("back").Text(MaxButtonLabelLength, "Discord button label limit"),
                buttons.Property("next").Text(MaxButtonLabelLength, "Discord button label limit"),
                buttons.Property("stuck").Text(MaxButtonLabelLength, "Discord button label limit"),
                buttons.Property("forgetKey").Text(MaxButtonLabelLength, "Discord button label limit"),
                buttons.Property("start").Text(MaxButtonLabelLength, "Discord button label limit"),
                buttons.Property("finish").Text(MaxButtonLabelLength, "Discord button label limit")),
            ReadCheckSteps(root.Property("checkSteps"), steps, root));
    }

    private static List<GuidePart> ReadParts(Node node)
    {
        var items = node.Items();
        if (items.Count == 0)
        {
            throw node.Fail("is empty: the guide needs its parts");
        }

        var parts = new List<GuidePart>();
        var stepNumber = 0;
        for (var p = 0; p < items.Count; p++)
        {
            var part = items[p];
            part.RequireObject();
            part.AllowOnly("title", "steps");
            var title = part.Property("title").Text(MaxTitleLength, "Discord embed title limit");
            var stepNodes = part.Property("steps").Items();
            if (stepNodes.Count == 0)
            {
                throw part.Property("steps").Fail("is empty: every part needs at least one step");
            }

            var steps = new List<GuideStep>();
            foreach (var stepNode in stepNodes)
            {
                stepNumber++;
                steps.Add(ReadStep(stepNode, stepNumber, p + 1));
            }

            parts.Add(new GuidePart(p + 1, title, steps));
        }

        if (stepNumber != GuidePositions.StepCount)
        {
            throw node.Fail(
                $"hold {stepNumber.ToString(CultureInfo.InvariantCulture)} steps in all, but the guide has exactly {GuidePositions.StepCount.ToString(CultureInfo.InvariantCulture)}: check fixes and error explanations point to steps 1–6");
        }

        var withTypes = parts.SelectMany(x => x.Steps).Where(s => s.AccountTypes.Count > 0).ToList();
        if (withTypes.Count != 1)
        {
            throw node.Fail($"must have exactly one step with 'accountTypes' (the step that asks Standard or Unified), found {withTypes.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        return parts;
    }

    private static GuideStep ReadStep(Node node, int number, int partNumber)
    {
        node.RequireObject();
        node.AllowOnly("title", "body", "tips", "checkNow", "accountTypes");

        GuideCheckNow? checkNow = null;
        if (node.Optional("checkNow") is { } checkNode)
        {
            checkNode.RequireObject();
            checkNode.AllowOnly("label", "checks");
            var label = checkNode.Property("label").Text(MaxButtonLabelLength, "Discord button label limit");
            var checksNode = checkNode.Property("checks");
            var checks = checksNode.TextList(int.MaxValue, string.Empty);
            if (checks.Count == 0)
            {
                throw checksNode.Fail("is empty: name the checks this button runs");
            }

            for (var i = 0; i < checks.Count; i++)
            {
                if (!CheckIds.All.Contains(checks[i], StringComparer.Ordinal))
                {
                    throw checksNode.Index(i).Fail($"('{checks[i]}') is not a check id; the ids are: {string.Join(", ", CheckIds.All)}");
                }

                if (checks.IndexOf(checks[i]) != i)
                {
                    throw checksNode.Index(i).Fail($"('{checks[i]}') is listed twice");
                }
            }

            checkNow = new GuideCheckNow(label, checks);
        }

        var accountTypes = new List<GuideAccountType>();
        if (node.Optional("accountTypes") is { } typesNode)
        {
            var typeItems = typesNode.Items();
            foreach (var typeNode in typeItems)
            {
                typeNode.RequireObject();
                typeNode.AllowOnly("key", "label", "description", "turnOn", "leaveOff");
                var keyNode = typeNode.Property("key");
                var key = keyNode.Text(MaxOptionTextLength, "Discord select value limit");
                var type = GuidePositions.ParseAccountType(key);
                if (type is null or AccountType.Unknown)
                {
                    throw keyNode.Fail($"('{key}') must be \"standard\" or \"unified\"");
                }

                if (accountTypes.Any(a => a.Type == type))
                {
                    throw keyNode.Fail($"('{key}') is listed twice");
                }

                var turnOn = typeNode.Property("turnOn").TextList(MaxOptionTextLength, "kept short so the list fits one field");
                var leaveOff = typeNode.Property("leaveOff").TextList(MaxOptionTextLength, "kept short so the list fits one field");
                if (turnOn.Count == 0)
                {
                    throw typeNode.Property("turnOn").Fail("is empty: name the permissions to switch on");
                }

                var accountType = new GuideAccountType(
                    type.Value,
                    typeNode.Property("label").Text(MaxOptionTextLength, "Discord select option limit"),
                    typeNode.Property("description").Text(MaxOptionTextLength, "Discord select option limit"),
                    turnOn,
                    leaveOff);
                var field = GuidePages.AccountTypeField(accountType, GuideTemplate.FillLongest);
                if (field.Value.Length > MaxFieldValueLength)
                {
                    throw typeNode.Fail($"'turnOn' and 'leaveOff' together make {field.Value.Length.ToString(CultureInfo.InvariantCulture)} characters; Discord allows {MaxFieldValueLength} in one embed field");
                }

                accountTypes.Add(accountType);
            }

            if (accountTypes.Count != 2)
            {
                throw typesNode.Fail("must list both account types: \"standard\" and \"unified\"");
            }
        }

        var tipsNode = node.Optional("tips");
        var tips = tipsNode?.TextList(MaxFieldValueLength, "Discord embed field limit") ?? [];
        var tipsLength = tips.Sum(t => GuideTemplate.FillLongest(t).Length + 3);
        if (tipsNode is { } t && tipsLength > MaxFieldValueLength)
        {
            throw t.Fail($"together make {tipsLength.ToString(CultureInfo.InvariantCulture)} characters; Discord allows {MaxFieldValueLength} in one embed field");
        }

        return new GuideStep(
            number,
            partNumber,
            node.Property("title").Text(MaxTitleLength, "Discord embed title limit"),
            node.Property("body").Text(MaxDescriptionLength, "Discord embed description limit"),
            tips,
            checkNow,
            accountTypes);
    }

    private static GuideChecklist ReadChecklist(Node node)
    {
        node.RequireObject();
        node.AllowOnly("title", "body", "items");
        return new GuideChecklist(
            node.Property("title").Text(MaxTitleLength, "Discord embed title limit"),
            node.Property("body").Text(MaxDescriptionLength, "Discord embed description limit"),
            node.Property("items").TextList(MaxFieldValueLength, "kept short so the list fits one message"));
    }

    private static GuideSection ReadSection(Node node, string textField, int maxText, string limitName)
    {
        node.RequireObject();
        node.AllowOnly("title", textField);
        return new GuideSection(
            node.Property("title").Text(MaxTitleLength, "Discord embed title limit"),
            node.Property(textField).Text(maxText, limitName));
    }

    private static GuideRegions ReadRegions(Node node)
    {
        node.RequireObject();
        node.AllowOnly("prompt", "options");
        var prompt = node.Property("prompt").Text(MaxPlaceholderLength, "Discord select placeholder limit");
        var optionsNode = node.Property("options");
        var items = optionsNode.Items();
        if (items.Count == 0)
        {
            throw optionsNode.Fail("is empty: list at least bybit.com (key \"mainnet\")");
        }

        if (items.Count > MaxSelectOptions)
        {
            throw optionsNode.Fail($"has {items.Count.ToString(CultureInfo.InvariantCulture)} choices; a Discord select holds at most {MaxSelectOptions}");
        }

        var regions = new List<GuideRegion>();
        foreach (var item in items)
        {
            item.RequireObject();
            item.AllowOnly("key", "label", "description");
            var keyNode = item.Property("key");
            var key = keyNode.Text(MaxOptionTextLength, "Discord select value limit");
            if (!key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                throw keyNode.Fail($"('{key}') must be a Bybit:Hosts name in lowercase letters, digits and '-', or \"mainnet\" for bybit.com");
            }

            if (regions.Any(r => r.Key == key))
            {
                throw keyNode.Fail($"('{key}') is listed twice");
            }

            regions.Add(new GuideRegion(
                key,
                item.Property("label").Text(MaxOptionTextLength, "Discord select option limit"),
                item.Property("description").Text(MaxOptionTextLength, "Discord select option limit")));
        }

        if (!regions.Any(r => r.Key == GuideRegions.Mainnet))
        {
            throw optionsNode.Fail("has no choice with key \"mainnet\" (bybit.com)");
        }

        return new GuideRegions(prompt, regions);
    }

    private static Dictionary<string, GuideLink> ReadCheckSteps(Node node, IReadOnlyList<GuideStep> steps, Node root)
    {
        node.RequireObject();
        var links = new Dictionary<string, GuideLink>(StringComparer.Ordinal);
        foreach (var property in node.Element.EnumerateObject())
        {
            var entry = node.Child(property.Name);
            if (!CheckIds.All.Contains(property.Name, StringComparer.Ordinal))
            {
                throw entry.Fail($"is not a check id; the ids are: {string.Join(", ", CheckIds.All)}");
            }

            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number is >= 1 and <= GuidePositions.StepCount)
            {
                var step = steps[number - 1];
                links[property.Name] = new GuideLink(property.Name, step.Position, step.Title);
            }
            else if (value.ValueKind == JsonValueKind.String && value.GetString() == BeforeYouBeginValue)
            {
                links[property.Name] = new GuideLink(property.Name, GuidePosition.BeforeYouBegin, root.Property("beforeYouBegin").Property("title").Text(MaxTitleLength, string.Empty));
            }
            else
            {
                throw entry.Fail($"must be a step number from 1 to 6, \"{BeforeYouBeginValue}\", or null when the guide can't fix it");
            }
        }

        var missing = CheckIds.All.Where(id => !node.Element.TryGetProperty(id, out _)).ToList();
        if (missing.Count > 0)
        {
            throw node.Fail($"has no entry for {string.Join(", ", missing)}; give each check a step number, \"{BeforeYouBeginValue}\" or null");
        }

        return links;
    }

    // Every page, for every account type, with every hole at its longest.
    private static void CheckPages(GuideContent guide, Node root)
    {
        foreach (var position in Enum.GetValues<GuidePosition>())
        {
            foreach (var type in Enum.GetValues<AccountType>())
            {
                var page = GuidePages.Render(guide, position, type, GuideTemplate.FillLongest);
                var where = PagePath(guide, position);
                if (page.Description.Length > MaxDescriptionLength)
                {
                    throw root.Fail($"{where} makes a page text of {page.Description.Length.ToString(CultureInfo.InvariantCulture)} characters; Discord allows {MaxDescriptionLength} in an embed description");
                }

                if (page.Fields.Count > MaxFields)
                {
                    throw root.Fail($"{where} makes {page.Fields.Count.ToString(CultureInfo.InvariantCulture)} fields; Discord allows {MaxFields}");
                }

                if (page.TotalLength > MaxEmbedTotal)
                {
                    throw root.Fail($"{where} makes a page of {page.TotalLength.ToString(CultureInfo.InvariantCulture)} characters; Discord allows {MaxEmbedTotal} in one message (shorten its texts or tips)");
                }
            }
        }
    }

    private static string PagePath(GuideContent guide, GuidePosition position) => position switch
    {
        GuidePosition.BeforeYouBegin => "beforeYouBegin (with intro, disclaimer and referral)",
        GuidePosition.FinalCheck => "finalCheck (with securityPromise)",
        GuidePosition.Done => "nextStep (with securityPromise and help)",
        _ => StepPath(guide, position.StepNumber()!.Value),
    };

    private static string StepPath(GuideContent guide, int number)
    {
        var part = guide.PartOf(number);
        var index = part.Steps.ToList().FindIndex(s => s.Number == number);
        return string.Create(CultureInfo.InvariantCulture, $"parts[{part.Number - 1}].steps[{index}]");
    }

    private readonly record struct Node(JsonElement Element, string Path, string Source)
    {
        public GuideContentException Fail(string problem) =>
            new(Path.Length == 0 ? $"{Source}: {problem}" : $"{Source}: {Path} {problem}");

        public Node Child(string name) => new(Element.GetProperty(name), Path.Length == 0 ? name : $"{Path}.{name}", Source);

        public Node Index(int index) => new(Element[index], string.Create(CultureInfo.InvariantCulture, $"{Path}[{index}]"), Source);

        public void RequireObject()
        {
            if (Element.ValueKind != JsonValueKind.Object)
            {
                throw Fail("must be an object in curly braces: { ... }");
            }
        }

        public void AllowOnly(params string[] names)
        {
            foreach (var property in Element.EnumerateObject())
            {
                if (!names.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Fail($"has an unknown field '{property.Name}' (the fields are: {string.Join(", ", names)})");
                }
            }
        }

        public Node Property(string name)
        {
            if (!Element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                var path = Path.Length == 0 ? name : $"{Path}.{name}";
                throw new GuideContentException($"{Source}: {path} is missing");
            }

            return Child(name);
        }

        public Node? Optional(string name) =>
            Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Child(name) : null;

        public List<Node> Items()
        {
            if (Element.ValueKind != JsonValueKind.Array)
            {
                throw Fail("must be a list in square brackets: [ ... ]");
            }

            var self = this;
            return Enumerable.Range(0, Element.GetArrayLength()).Select(self.Index).ToList();
        }

        public string Text(int maxLength, string limitName)
        {
            if (Element.ValueKind != JsonValueKind.String)
            {
                throw Fail("must be text in double quotes");
            }

            var text = Element.GetString()!.Trim();
            if (text.Length == 0)
            {
                throw Fail("is empty");
            }

            var unknown = GuideTemplate.UnknownHoles(text).ToList();
            if (unknown.Count > 0)
            {
                throw Fail($"uses the unknown hole {{{unknown[0]}}}; the holes are: {string.Join(", ", GuideTemplate.Holes.Select(h => $"{{{h}}}"))}");
            }

            var longest = GuideTemplate.FillLongest(text).Length;
            if (longest > maxLength)
            {
                var filled = longest == text.Length ? string.Empty : " once its holes are filled in";
                var limit = limitName.Length == 0 ? string.Empty : $" ({limitName})";
                throw Fail($"is longer than {maxLength.ToString(CultureInfo.InvariantCulture)} characters{filled}{limit}");
            }

            return text;
        }

        public List<string> TextList(int maxLength, string limitName) => Items().Select(item => item.Text(maxLength, limitName)).ToList();
    }
}

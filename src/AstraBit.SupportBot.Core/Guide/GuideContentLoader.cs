using System.Globalization;
using System.Text.Json;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Guide;

/// <summary>
/// Reads and validates config/guide.json. Support staff edit that file by hand, so every problem is reported as
/// "file: path.to.field what is wrong", and every page is measured against Discord's limits with the holes
/// filled as long as configuration allows, so a valid file can never produce a message Discord refuses.
/// </summary>
public static class GuideContentLoader
{
    private const string BeforeYouBeginValue = "before-you-begin";

    /// <summary>Reads the guide from <paramref name="json"/>, holding every text to <paramref name="limits"/>.</summary>
    public static GuideContent Load(Stream json, string sourceName, ContentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var document = ContentJson.Parse(json, sourceName, static (message, inner) => new GuideContentException(message, inner));
        var root = ContentNode.Root(document, sourceName, static message => new GuideContentException(message));
        var reader = new Reader(limits);
        var guide = reader.Read(root);
        reader.CheckPages(guide, root);
        return guide;
    }

    /// <summary>Loads the file at <paramref name="path"/>, naming it as given in errors.</summary>
    public static GuideContent LoadFile(string path, ContentLimits limits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream, path, limits);
    }

    private sealed class Reader(ContentLimits limits)
    {
        public GuideContent Read(ContentNode root)
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
                root.Property("intro").Text(limits.Text),
                root.Property("disclaimer").Text(limits.Text),
                ReadChecklist(root.Property("beforeYouBegin")),
                parts,
                new GuideFinalCheck(
                    final.Property("title").Text(limits.Title),
                    final.Property("body").Text(limits.Text),
                    final.Property("items").TextList(limits.Field.Length, "kept short so the checklist fits one message"),
                    new GuideCheckNow(final.Property("checkNowLabel").Text(limits.Button), CheckIds.All)),
                ReadSection(root.Property("nextStep"), "body", limits.Text),
                ReadSection(root.Property("securityPromise"), "text", limits.Field),
                ReadSection(root.Property("help"), "text", limits.Field),
                ReadSection(root.Property("referral"), "text", limits.Field),
                root.Property("accountTypePrompt").Text(limits.ChoicePrompt),
                ReadRegions(root.Property("regions")),
                new GuideButtons(
                    buttons.Property("back").Text(limits.Button),
                    buttons.Property("next").Text(limits.Button),
                    buttons.Property("stuck").Text(limits.Button),
                    buttons.Property("forgetKey").Text(limits.Button),
                    buttons.Property("start").Text(limits.Button),
                    buttons.Property("finish").Text(limits.Button)),
                ReadCheckSteps(root.Property("checkSteps"), steps, root));
        }

        private List<GuidePart> ReadParts(ContentNode node)
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
                var title = part.Property("title").Text(limits.Title);
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

        private GuideStep ReadStep(ContentNode node, int number, int partNumber)
        {
            node.RequireObject();
            node.AllowOnly("title", "body", "tips", "checkNow", "accountTypes");

            GuideCheckNow? checkNow = null;
            if (node.Optional("checkNow") is { } checkNode)
            {
                checkNode.RequireObject();
                checkNode.AllowOnly("label", "checks");
                var label = checkNode.Property("label").Text(limits.Button);
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
                    var key = keyNode.Text(limits.ChoiceValue);
                    var type = GuidePositions.ParseAccountType(key);
                    if (type is null or AccountType.Unknown)
                    {
                        throw keyNode.Fail($"('{key}') must be \"standard\" or \"unified\"");
                    }

                    if (accountTypes.Any(a => a.Type == type))
                    {
                        throw keyNode.Fail($"('{key}') is listed twice");
                    }

                    var turnOn = typeNode.Property("turnOn").TextList(limits.ChoiceText.Length, "kept short so the list fits one field");
                    var leaveOff = typeNode.Property("leaveOff").TextList(limits.ChoiceText.Length, "kept short so the list fits one field");
                    if (turnOn.Count == 0)
                    {
                        throw typeNode.Property("turnOn").Fail("is empty: name the permissions to switch on");
                    }

                    var accountType = new GuideAccountType(
                        type.Value,
                        typeNode.Property("label").Text(limits.ChoiceText),
                        typeNode.Property("description").Text(limits.ChoiceText),
                        turnOn,
                        leaveOff);
                    var field = GuidePages.AccountTypeField(accountType, GuideTemplate.FillLongest, GuideWords.Longest);
                    if (field.Value.Length > limits.Field.Length)
                    {
                        throw typeNode.Fail($"'turnOn' and 'leaveOff' together make {field.Value.Length.ToString(CultureInfo.InvariantCulture)} characters; Discord allows {limits.Field.Length.ToString(CultureInfo.InvariantCulture)} in one embed field");
                    }

                    accountTypes.Add(accountType);
                }

                if (accountTypes.Count != 2)
                {
                    throw typesNode.Fail("must list both account types: \"standard\" and \"unified\"");
                }
            }

            var tipsNode = node.Optional("tips");
            var tips = tipsNode?.TextList(limits.Field) ?? [];
            var tipsLength = tips.Sum(t => GuideTemplate.FillLongest(t).Length + 3);
            if (tipsNode is { } t && tipsLength > limits.Field.Length)
            {
                throw t.Fail($"together make {tipsLength.ToString(CultureInfo.InvariantCulture)} characters; Discord allows {limits.Field.Length.ToString(CultureInfo.InvariantCulture)} in one embed field");
            }

            return new GuideStep(
                number,
                partNumber,
                node.Property("title").Text(limits.Title),
                node.Property("body").Text(limits.Text),
                tips,
                checkNow,
                accountTypes);
        }

        private GuideChecklist ReadChecklist(ContentNode node)
        {
            node.RequireObject();
            node.AllowOnly("title", "body", "items");
            return new GuideChecklist(
                node.Property("title").Text(limits.Title),
                node.Property("body").Text(limits.Text),
                node.Property("items").TextList(limits.Field.Length, "kept short so the list fits one message"));
        }

        private GuideSection ReadSection(ContentNode node, string textField, TextLimit limit)
        {
            node.RequireObject();
            node.AllowOnly("title", textField);
            return new GuideSection(
                node.Property("title").Text(limits.Title),
                node.Property(textField).Text(limit));
        }

        private GuideRegions ReadRegions(ContentNode node)
        {
            node.RequireObject();
            node.AllowOnly("prompt", "options");
            var prompt = node.Property("prompt").Text(limits.ChoicePrompt);
            var optionsNode = node.Property("options");
            var items = optionsNode.Items();
            if (items.Count == 0)
            {
                throw optionsNode.Fail("is empty: list at least bybit.com (key \"mainnet\")");
            }

            if (items.Count > limits.Choices)
            {
                throw optionsNode.Fail($"has {items.Count.ToString(CultureInfo.InvariantCulture)} choices; a Discord select holds at most {limits.Choices.ToString(CultureInfo.InvariantCulture)}");
            }

            var regions = new List<GuideRegion>();
            foreach (var item in items)
            {
                item.RequireObject();
                item.AllowOnly("key", "label", "description");
                var keyNode = item.Property("key");
                var key = keyNode.Text(limits.ChoiceValue);
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
                    item.Property("label").Text(limits.ChoiceText),
                    item.Property("description").Text(limits.ChoiceText)));
            }

            if (!regions.Any(r => r.Key == GuideRegions.Mainnet))
            {
                throw optionsNode.Fail("has no choice with key \"mainnet\" (bybit.com)");
            }

            return new GuideRegions(prompt, regions);
        }

        private Dictionary<string, GuideLink> ReadCheckSteps(ContentNode node, IReadOnlyList<GuideStep> steps, ContentNode root)
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
                    links[property.Name] = new GuideLink(property.Name, GuidePosition.BeforeYouBegin, root.Property("beforeYouBegin").Property("title").Text(limits.Title.Length, string.Empty));
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
        public void CheckPages(GuideContent guide, ContentNode root)
        {
            foreach (var position in Enum.GetValues<GuidePosition>())
            {
                foreach (var type in Enum.GetValues<AccountType>())
                {
                    var page = GuidePages.Render(guide, position, type, GuideTemplate.FillLongest, GuideWords.Longest);
                    var where = PagePath(guide, position);
                    if (page.Description.Length > limits.Text.Length)
                    {
                        throw root.Fail($"{where} makes a page text of {page.Description.Length.ToString(CultureInfo.InvariantCulture)} characters; Discord allows {limits.Text.Length.ToString(CultureInfo.InvariantCulture)} in an embed description");
                    }

                    if (page.Fields.Count > limits.Fields)
                    {
                        throw root.Fail($"{where} makes {page.Fields.Count.ToString(CultureInfo.InvariantCulture)} fields; Discord allows {limits.Fields.ToString(CultureInfo.InvariantCulture)}");
                    }

                    if (page.TotalLength > limits.PageTotal)
                    {
                        throw root.Fail($"{where} makes a page of {page.TotalLength.ToString(CultureInfo.InvariantCulture)} characters; a page holds {limits.PageTotal.ToString(CultureInfo.InvariantCulture)} so that it fits in one Discord message beside the bot's notes (shorten its texts or tips)");
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
    }
}

/// <summary>Guide texts may hold holes; each is measured with every hole at its longest.</summary>
file static class GuideText
{
    public static string Text(this ContentNode node, TextLimit limit) => node.Text(limit.Length, limit.Name);

    public static string Text(this ContentNode node, int maxLength, string limitName)
    {
        var text = node.String();
        var unknown = GuideTemplate.UnknownHoles(text).ToList();
        if (unknown.Count > 0)
        {
            throw node.Fail($"uses the unknown hole {{{unknown[0]}}}; the holes are: {string.Join(", ", GuideTemplate.Holes.Select(h => $"{{{h}}}"))}");
        }

        var longest = GuideTemplate.FillLongest(text).Length;
        if (longest > maxLength)
        {
            var filled = longest == text.Length ? string.Empty : " once its holes are filled in";
            var limit = limitName.Length == 0 ? string.Empty : $" ({limitName})";
            throw node.Fail($"is longer than {maxLength.ToString(CultureInfo.InvariantCulture)} characters{filled}{limit}");
        }

        return text;
    }

    public static List<string> TextList(this ContentNode node, TextLimit limit) => node.TextList(limit.Length, limit.Name);

    public static List<string> TextList(this ContentNode node, int maxLength, string limitName) =>
        node.Items().Select(item => item.Text(maxLength, limitName)).ToList();
}

using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>
/// A Components V2 layout component (sent only on a message with <see cref="MessageFlags.IsComponentsV2"/>,
/// reference/discord-api.md §13). <see cref="Count"/> is what it counts toward Discord's 40 components, nested ones
/// included, and <see cref="TextLength"/> the characters of its text displays.
/// </summary>
public abstract record LayoutComponent : MessageComponent
{
    private protected LayoutComponent()
    {
    }

    public abstract int Count { get; }

    public abstract int TextLength { get; }
}

/// <summary>Markdown text (type 10): 1–4000 characters.</summary>
public sealed record TextDisplay : LayoutComponent
{
    public TextDisplay(string content)
    {
        DiscordLimits.Length(content, 1, DiscordLimits.TextDisplayContent, "text_display.content");
        Content = content;
    }

    public string Content { get; }

    public override int Count => 1;

    public override int TextLength => Content.Length;

    internal override JsonObject ToJson() => new() { ["type"] = (int)ComponentType.TextDisplay, ["content"] = Content };
}

/// <summary>A section (type 9): one to three text displays with a button beside them (its accessory).</summary>
public sealed record Section : LayoutComponent
{
    public Section(IEnumerable<TextDisplay> texts, Button accessory)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(accessory);
        IReadOnlyList<TextDisplay> list = [.. texts];
        if (list.Count is < 1 or > DiscordLimits.SectionTexts)
        {
            throw new ArgumentException($"A section holds 1–{DiscordLimits.SectionTexts} text displays (was {list.Count}).", nameof(texts));
        }

        Texts = list;
        Accessory = accessory;
    }

    public IReadOnlyList<TextDisplay> Texts { get; }

    public Button Accessory { get; }

    public override int Count => 2 + Texts.Count;

    public override int TextLength => Texts.Sum(t => t.TextLength);

    internal override JsonObject ToJson() => new()
    {
        ["type"] = (int)ComponentType.Section,
        ["components"] = new JsonArray([.. Texts.Select(t => (JsonNode)t.ToJson())]),
        ["accessory"] = Accessory.ToJson(),
    };
}

/// <summary>A separator (type 14): a line (or only space) between components.</summary>
public sealed record Separator(bool Divider = true, bool LargeSpacing = false) : LayoutComponent
{
    public override int Count => 1;

    public override int TextLength => 0;

    internal override JsonObject ToJson() => new()
    {
        ["type"] = (int)ComponentType.Separator,
        ["divider"] = Divider,
        ["spacing"] = LargeSpacing ? 2 : 1,
    };
}

/// <summary>A container (type 17): a box with an accent colour around text displays, sections, separators and action rows.</summary>
public sealed record Container : LayoutComponent
{
    public Container(IEnumerable<MessageComponent> components, int? accentColor = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        IReadOnlyList<MessageComponent> list = [.. components];
        if (list.Count == 0)
        {
            throw new ArgumentException("A container needs at least one component.", nameof(components));
        }

        if (list.Any(c => c is not (TextDisplay or Section or Separator or ActionRow)))
        {
            throw new ArgumentException("A container holds text displays, sections, separators and action rows.", nameof(components));
        }

        if (accentColor is < 0 or > 0xFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(accentColor), accentColor, "accent_color is 0x000000–0xFFFFFF.");
        }

        Components = list;
        AccentColor = accentColor;
    }

    public IReadOnlyList<MessageComponent> Components { get; }

    public int? AccentColor { get; }

    public override int Count => 1 + Components.Sum(ComponentsV2.CountOf);

    public override int TextLength => Components.OfType<LayoutComponent>().Sum(c => c.TextLength);

    internal override JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["type"] = (int)ComponentType.Container,
            ["components"] = new JsonArray([.. Components.Select(c => (JsonNode)c.ToJson())]),
        };
        if (AccentColor is { } colour)
        {
            o["accent_color"] = colour;
        }

        return o;
    }
}

/// <summary>Counting and checking a Components V2 message against Discord's limits.</summary>
public static class ComponentsV2
{
    /// <summary>What <paramref name="component"/> counts toward the 40 components of a message (an action row counts itself and each item).</summary>
    public static int CountOf(MessageComponent component) => component switch
    {
        LayoutComponent layout => layout.Count,
        ActionRow row => 1 + row.Components.Count,
        _ => 1,
    };

    /// <summary>The characters of every text display in <paramref name="components"/>.</summary>
    public static int TextLengthOf(IEnumerable<MessageComponent> components) =>
        components.OfType<LayoutComponent>().Sum(c => c.TextLength);
}

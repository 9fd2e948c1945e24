using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>An embed field.</summary>
public sealed record EmbedField(string Name, string Value, bool Inline);

/// <summary>A validated rich embed; build it with <see cref="EmbedBuilder"/>.</summary>
public sealed record Embed
{
    internal Embed(string? title, string? description, Uri? url, int? color, DateTimeOffset? timestamp, string? footer, string? author, IReadOnlyList<EmbedField> fields)
    {
        Title = title;
        Description = description;
        Url = url;
        Color = color;
        Timestamp = timestamp;
        Footer = footer;
        Author = author;
        Fields = fields;
    }

    public string? Title { get; }

    public string? Description { get; }

    public Uri? Url { get; }

    public int? Color { get; }

    public DateTimeOffset? Timestamp { get; }

    public string? Footer { get; }

    public string? Author { get; }

    public IReadOnlyList<EmbedField> Fields { get; }

    /// <summary>The characters counted toward the 6000 total across a message's embeds.</summary>
    public int TotalLength =>
        (Title?.Length ?? 0) + (Description?.Length ?? 0) + (Footer?.Length ?? 0) + (Author?.Length ?? 0)
        + Fields.Sum(f => f.Name.Length + f.Value.Length);

    internal JsonObject ToJson()
    {
        var o = new JsonObject { ["type"] = "rich" };
        if (Title is not null)
        {
            o["title"] = Title;
        }

        if (Description is not null)
        {
            o["description"] = Description;
        }

        if (Url is not null)
        {
            o["url"] = Url.AbsoluteUri;
        }

        if (Color is { } c)
        {
            o["color"] = c;
        }

        if (Timestamp is { } t)
        {
            o["timestamp"] = t.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Footer is not null)
        {
            o["footer"] = new JsonObject { ["text"] = Footer };
        }

        if (Author is not null)
        {
            o["author"] = new JsonObject { ["name"] = Author };
        }

        if (Fields.Count > 0)
        {
            o["fields"] = new JsonArray([.. Fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["value"] = f.Value, ["inline"] = f.Inline })]);
        }

        return o;
    }
}

/// <summary>Builds an <see cref="Embed"/>, enforcing Discord's per-field limits.</summary>
public sealed class EmbedBuilder
{
    private readonly List<EmbedField> _fields = [];
    private string? _title;
    private string? _description;
    private Uri? _url;
    private int? _color;
    private DateTimeOffset? _timestamp;
    private string? _footer;
    private string? _author;

    public EmbedBuilder WithTitle(string? title)
    {
        DiscordLimits.MaxLength(title, DiscordLimits.EmbedTitle, "embed.title");
        _title = title;
        return this;
    }

    public EmbedBuilder WithDescription(string? description)
    {
        DiscordLimits.MaxLength(description, DiscordLimits.EmbedDescription, "embed.description");
        _description = description;
        return this;
    }

    public EmbedBuilder WithUrl(Uri? url)
    {
        _url = url;
        return this;
    }

    /// <summary>Sets the colour as 0xRRGGBB.</summary>
    public EmbedBuilder WithColor(int rgb)
    {
        _color = rgb & 0xFFFFFF;
        return this;
    }

    public EmbedBuilder WithTimestamp(DateTimeOffset timestamp)
    {
        _timestamp = timestamp;
        return this;
    }

    public EmbedBuilder WithFooter(string? text)
    {
        DiscordLimits.MaxLength(text, DiscordLimits.EmbedFooterText, "embed.footer.text");
        _footer = text;
        return this;
    }

    public EmbedBuilder WithAuthor(string? name)
    {
        DiscordLimits.MaxLength(name, DiscordLimits.EmbedAuthorName, "embed.author.name");
        _author = name;
        return this;
    }

    public EmbedBuilder AddField(string name, string value, bool inline = false)
    {
        DiscordLimits.Length(name, 1, DiscordLimits.EmbedFieldName, "embed.fields.name");
        DiscordLimits.Length(value, 1, DiscordLimits.EmbedFieldValue, "embed.fields.value");
        DiscordLimits.Count(_fields.Count + 1, DiscordLimits.EmbedFields, "embed.fields");
        _fields.Add(new EmbedField(name, value, inline));
        return this;
    }

    /// <exception cref="ArgumentException">The embed is over the 6000-character total.</exception>
    public Embed Build()
    {
        var embed = new Embed(_title, _description, _url, _color, _timestamp, _footer, _author, [.. _fields]);
        DiscordLimits.Count(embed.TotalLength, DiscordLimits.EmbedTotal, "embed total characters");
        return embed;
    }
}

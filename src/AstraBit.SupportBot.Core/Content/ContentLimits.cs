namespace AstraBit.SupportBot.Core.Content;

/// <summary>How long one kind of text may be, and the name of that limit as content authors are told it.</summary>
public sealed record TextLimit(int Length, string Name);

/// <summary>
/// How much each place a content text is shown can hold. Core names the places (a page's title, a button, a form);
/// the host fills in the numbers of the chat it shows them in, so the content files are held to that chat's limits
/// without Core restating them.
/// </summary>
public sealed record ContentLimits
{
    /// <summary>A page's title.</summary>
    public required TextLimit Title { get; init; }

    /// <summary>A page's main text.</summary>
    public required TextLimit Text { get; init; }

    /// <summary>One field (a titled block) on a page.</summary>
    public required TextLimit Field { get; init; }

    /// <summary>The small print under a page.</summary>
    public required TextLimit Footer { get; init; }

    /// <summary>How many fields one page holds.</summary>
    public required int Fields { get; init; }

    /// <summary>How many characters one page holds in all: title, text, fields and footer.</summary>
    public required int PageTotal { get; init; }

    /// <summary>How many characters one plain chat message holds.</summary>
    public required int Message { get; init; }

    /// <summary>A button's label.</summary>
    public required TextLimit Button { get; init; }

    /// <summary>What a list of choices says before one is picked.</summary>
    public required TextLimit ChoicePrompt { get; init; }

    /// <summary>A choice's label or description.</summary>
    public required TextLimit ChoiceText { get; init; }

    /// <summary>The value a choice sends back.</summary>
    public required TextLimit ChoiceValue { get; init; }

    /// <summary>How many choices one list holds.</summary>
    public required int Choices { get; init; }

    /// <summary>A form's title.</summary>
    public required TextLimit FormTitle { get; init; }

    /// <summary>A form input's label.</summary>
    public required TextLimit InputLabel { get; init; }

    /// <summary>The hint shown in an empty form input.</summary>
    public required TextLimit InputPlaceholder { get; init; }

    /// <summary>A suggestion offered while a command is typed (its name and its value).</summary>
    public required int Suggestion { get; init; }
}

namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>
/// A member's answer to one input of a modal, by the input's custom id: text (a text input, or a radio group's chosen
/// value), values (a string select or checkbox group), a tick (a checkbox) or files (a file upload).
/// </summary>
public sealed record ModalAnswer(string CustomId)
{
    public string? Text { get; private init; }

    public IReadOnlyList<string>? Values { get; private init; }

    public bool? Ticked { get; private init; }

    public IReadOnlyList<MemberFile>? Files { get; private init; }

    /// <summary>A text input's text, or a radio group's chosen value.</summary>
    public static ModalAnswer Typed(string customId, string text) => new(customId) { Text = text };

    /// <summary>The values chosen in a select or checkbox group.</summary>
    public static ModalAnswer Chosen(string customId, params IEnumerable<string> values) => new(customId) { Values = [.. values] };

    /// <summary>A checkbox, ticked or not.</summary>
    public static ModalAnswer Checked(string customId, bool ticked) => new(customId) { Ticked = ticked };

    /// <summary>Files attached to a file upload; Discord keeps them as temporary attachments served from its CDN.</summary>
    public static ModalAnswer Uploaded(string customId, params IEnumerable<MemberFile> files) => new(customId) { Files = [.. files] };
}

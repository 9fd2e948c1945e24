using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>
/// Which attached files the key-leak guard reads (PRODUCT.md §9 "a small text attachment"): text files of the kinds
/// members paste logs and settings into, no larger than <see cref="MaxBytes"/> by the size Discord states (checked
/// before anything is fetched), at most <see cref="MaxPerMessage"/> a message (Discord's own limit).
/// </summary>
public static class TextAttachments
{
    /// <summary>1 MiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    public const int MaxPerMessage = 10;

    public static readonly IReadOnlyList<string> Extensions = [".txt", ".log", ".json", ".csv"];

    /// <summary>True when the guard reads <paramref name="attachment"/>: a known text kind, not empty, not over the size limit.</summary>
    public static bool Reads(MessageAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return attachment.Size is > 0 and <= MaxBytes
            && Extensions.Any(e => attachment.FileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }
}

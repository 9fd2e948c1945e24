namespace AstraBit.SupportBot.Discord.Models;

/// <summary>Discord's documented limits, enforced by the builders before anything is sent.</summary>
public static class DiscordLimits
{
    public const int MessageContent = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldName = 256;
    public const int EmbedFieldValue = 1024;
    public const int EmbedFooterText = 2048;
    public const int EmbedAuthorName = 256;
    public const int EmbedTotal = 6000;
    public const int ActionRowsPerMessage = 5;
    public const int ButtonsPerRow = 5;
    public const int CustomId = 100;
    public const int ButtonLabel = 80;
    public const int SelectOptions = 25;
    public const int SelectOptionText = 100;
    public const int SelectPlaceholder = 150;
    public const int ModalTitle = 45;
    public const int ModalComponents = 5;
    public const int LabelText = 45;
    public const int LabelDescription = 100;
    public const int TextInputLength = 4000;
    public const int TextInputPlaceholder = 100;
    public const int RadioOptionsMin = 2;
    public const int RadioOptionsMax = 10;
    public const int UploadFiles = 10;
    public const int ComponentsV2Total = 40;

    /// <summary>One text display's content.</summary>
    public const int TextDisplayContent = 4000;

    /// <summary>
    /// All text displays of a message together: proposed in discord-api-docs PR #8562, not yet documented
    /// (reference/discord-api.md §13); the builders hold to it so a message stays valid once Discord enforces it.
    /// </summary>
    public const int ComponentsV2Text = 4000;

    public const int SectionTexts = 3;
    public const int CommandName = 32;
    public const int CommandDescription = 100;
    public const int CommandOptions = 25;
    public const int CommandChoices = 25;
    public const int CommandChoiceText = 100;
    public const int ThreadName = 100;
    public const int AllowedMentionIds = 100;

    internal static void MaxLength(string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            throw new ArgumentException($"{what} must be at most {max} characters (was {value.Length}).", what);
        }
    }

    internal static void Length(string? value, int min, int max, string what)
    {
        if (value is null || value.Length < min || value.Length > max)
        {
            throw new ArgumentException($"{what} must be {min}–{max} characters (was {value?.Length ?? 0}).", what);
        }
    }

    internal static void Count(int count, int max, string what)
    {
        if (count > max)
        {
            throw new ArgumentException($"{what}: at most {max} allowed (was {count}).", what);
        }
    }
}

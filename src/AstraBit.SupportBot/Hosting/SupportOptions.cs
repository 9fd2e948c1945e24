using System.Text.RegularExpressions;
using AstraBit.SupportBot.Discord;
using AstraBit.SupportBot.Storage.Retention;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Hosting;

/// <summary>The support side of the "Discord" section: where tickets, staff notices and logs go, and who is staff.</summary>
public sealed class SupportDiscordOptions
{
    public ulong GuildId { get; set; }

    public ulong SupportChannelId { get; set; }

    public ulong StaffChannelId { get; set; }

    public ulong LogChannelId { get; set; }

    public ulong[] SupportRoleIds { get; set; } = [];

    public ulong[] ModeratorRoleIds { get; set; } = [];
}

/// <summary>"Storage" section: the data file and its daily backup.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string Path { get; set; } = "data/supportbot.db";

    /// <summary>Where the daily backup goes (e.g. data/backups); empty = no daily backup.</summary>
    public string? BackupDirectory { get; set; }

    /// <summary>How many daily backups to keep in <see cref="BackupDirectory"/>; older ones are deleted.</summary>
    public int BackupCopies { get; set; } = 7;

    /// <summary>How long history is kept (Storage:Retention); the daily compaction deletes what is older.</summary>
    public RetentionOptions Retention { get; set; } = new();
}

/// <summary>
/// Storage:Retention, per kind of history; 0 keeps it for ever. The defaults keep a year of checks and of closed tickets'
/// details (the `stats` year and a member's history), and the audit log for ever (who did what is the staff's record).
/// Whatever is set, an open ticket's member keeps their checks and the audit entries about an open ticket stay.
/// </summary>
public sealed class RetentionOptions
{
    public static readonly TimeSpan Shortest = TimeSpan.FromDays(1);

    /// <summary>Key checks older than this are deleted (default a year).</summary>
    public TimeSpan Checks { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Audit entries older than this are deleted (default 0: kept for ever).</summary>
    public TimeSpan Audit { get; set; } = TimeSpan.Zero;

    /// <summary>A ticket closed longer ago than this loses its cards, later checks and notes; its number, times, outcome and rating stay (default a year).</summary>
    public TimeSpan ClosedTicketDetails { get; set; } = TimeSpan.FromDays(365);

    public RetentionPolicy ToPolicy() => new(Keep(Checks), Keep(Audit), Keep(ClosedTicketDetails));

    private static TimeSpan? Keep(TimeSpan span) => span == TimeSpan.Zero ? null : span;
}

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("Storage:Path is empty: set it to the data file, e.g. data/supportbot.db (the default).");
        }

        if (options.BackupCopies is < 1 or > 366)
        {
            failures.Add($"Storage:BackupCopies is {options.BackupCopies.ToString(System.Globalization.CultureInfo.InvariantCulture)}: set it to how many daily backups to keep, from 1 to 366 (default 7).");
        }

        var retention = options.Retention ?? new RetentionOptions();
        foreach (var (key, span) in new[] { ("Checks", retention.Checks), ("Audit", retention.Audit), ("ClosedTicketDetails", retention.ClosedTicketDetails) })
        {
            if (span != TimeSpan.Zero && span < RetentionOptions.Shortest)
            {
                failures.Add($"Storage:Retention:{key} is {span.ToString("c", System.Globalization.CultureInfo.InvariantCulture)}: keep at least a day (1.00:00:00), e.g. 365.00:00:00, or 0 to keep it for ever.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.BackupDirectory) && !string.IsNullOrWhiteSpace(options.Path)
            && string.Equals(System.IO.Path.GetFullPath(options.BackupDirectory), System.IO.Path.GetFullPath(options.Path), StringComparison.Ordinal))
        {
            failures.Add("Storage:BackupDirectory is the data file itself: set it to a folder, e.g. data/backups.");
        }
        else if (!string.IsNullOrWhiteSpace(options.BackupDirectory) && Unusable(options.BackupDirectory) is { } reason)
        {
            failures.Add($"Storage:BackupDirectory is '{options.BackupDirectory}', which can't be created or written ({reason}): set it to a folder the bot may write, e.g. data/backups.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Why the bot could not keep backups in <paramref name="directory"/>, found by doing what the backup does (make the
    /// folder, write a file) and undoing it; null when it can. Found at start, not at the first backup a day later.
    /// </summary>
    private static string? Unusable(string directory)
    {
        var made = new List<string>();
        try
        {
            var full = System.IO.Path.GetFullPath(directory);
            for (var folder = full; !Directory.Exists(folder); folder = System.IO.Path.GetDirectoryName(folder)!)
            {
                if (File.Exists(folder))
                {
                    return $"{folder} is a file";
                }

                made.Add(folder);
            }

            Directory.CreateDirectory(full);
            var probe = System.IO.Path.Combine(full, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return exception.Message.TrimEnd('.');
        }
        finally
        {
            // Leave no trace: only the folders this check made go, deepest first.
            foreach (var folder in made)
            {
                try
                {
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder);
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Left behind empty; the backup would make it anyway.
                }
            }
        }
    }
}

/// <summary>
/// Checks what the bot needs to go online, naming the configuration key that is wrong. Runs at start
/// (ValidateOnStart), so a bad token or a missing channel id stops the bot before it connects.
/// </summary>
public sealed partial class DiscordSettingsValidator : IValidateOptions<DiscordClientOptions>, IValidateOptions<SupportDiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordClientOptions options)
    {
        var errors = new List<string>();
        var token = options.Token?.Trim() ?? "";
        if (token.Length == 0)
        {
            errors.Add("Discord:Token is missing: set the environment variable Discord__Token to the bot token from the Discord Developer Portal (Bot → Reset Token).");
        }
        else if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Discord:Token must be the token alone, without the \"Bot \" prefix.");
        }
        else if (!TokenShape().IsMatch(token))
        {
            errors.Add("Discord:Token is malformed: a bot token is three dot-separated parts of letters, digits, '-' and '_' (copy it again from the Developer Portal; it is not the client secret or the public key).");
        }

        if (!IsHttp(options.ApiBaseUrl))
        {
            errors.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL, got '{options.ApiBaseUrl}'.");
        }

        if (options.GatewayUrl is { } gateway && !(gateway.IsAbsoluteUri && gateway.Scheme is "ws" or "wss"))
        {
            errors.Add($"Discord:GatewayUrl must be an absolute ws:// or wss:// URL, got '{gateway}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, SupportDiscordOptions options)
    {
        var errors = new List<string>();
        Require(errors, "Discord:GuildId", options.GuildId);
        Require(errors, "Discord:SupportChannelId", options.SupportChannelId);
        Require(errors, "Discord:StaffChannelId", options.StaffChannelId);
        Require(errors, "Discord:LogChannelId", options.LogChannelId);
        if (options.SupportRoleIds.Length == 0)
        {
            errors.Add("Discord:SupportRoleIds needs at least one role id: support staff are recognised by these roles.");
        }

        if (options.SupportRoleIds.Concat(options.ModeratorRoleIds).Any(id => id == 0))
        {
            errors.Add("Discord:SupportRoleIds and Discord:ModeratorRoleIds must hold role ids (numbers above 0).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, string key, ulong value)
    {
        if (value == 0)
        {
            errors.Add($"{key} is missing: set it to the id (right-click → Copy ID with Developer Mode on).");
        }
    }

    private static bool IsHttp(Uri? uri) => uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{10,}$")]
    private static partial Regex TokenShape();
}

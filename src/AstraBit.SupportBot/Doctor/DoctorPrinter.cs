using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Doctor;

/// <summary>The checklist as text (✓ / ! / ✗, each problem with its fix) or as JSON for scripts.</summary>
public static class DoctorPrinter
{
    private const int IdWidth = 30;

    public static string Format(DoctorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine("AstraBit Support Bot set-up check").AppendLine();
        foreach (var check in report.Checks)
        {
            text.Append("  ").Append(Symbol(check.Status)).Append(' ').Append(check.Id.PadRight(IdWidth)).Append(' ').AppendLine(check.Title);
            var indent = new string(' ', IdWidth + 5);
            if (check.Detail is { Length: > 0 } detail)
            {
                text.Append(indent).AppendLine(detail);
            }

            if (check.Fix is { Length: > 0 } fix)
            {
                text.Append(indent).Append("Fix: ").AppendLine(fix);
            }
        }

        text.AppendLine();
        var ms = report.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        text.AppendLine(report.ExitCode == 0
            ? $"All {report.Checks.Count.ToString(CultureInfo.InvariantCulture)} checks pass · {ms} ms"
            : $"{report.Failures.ToString(CultureInfo.InvariantCulture)} to fix, {report.Warnings.ToString(CultureInfo.InvariantCulture)} warnings, {(report.Checks.Count - report.Failures - report.Warnings).ToString(CultureInfo.InvariantCulture)} pass · {ms} ms");
        text.AppendLine("Legend: ✓ pass  ! warning  ✗ to fix");
        return text.ToString();
    }

    public static string Json(DoctorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = new JsonObject
        {
            ["ok"] = report.ExitCode == 0,
            ["failures"] = report.Failures,
            ["warnings"] = report.Warnings,
            ["checks"] = new JsonArray([.. report.Checks.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["status"] = c.Status.ToString().ToLowerInvariant(),
                ["title"] = c.Title,
                ["detail"] = c.Detail,
                ["fix"] = c.Fix,
            })]),
            ["checkedAt"] = report.CheckedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["durationMs"] = (long)report.Duration.TotalMilliseconds,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static char Symbol(DoctorStatus status) => status switch
    {
        DoctorStatus.Pass => '✓',
        DoctorStatus.Warn => '!',
        _ => '✗',
    };
}

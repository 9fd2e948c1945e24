using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AstraBit.SupportBot.Core.Diagnostics;

/// <summary>
/// The report's JSON form (PRODUCT.md §5): camelCase names, lowercase statuses, checkedAt in UTC with "Z".
/// Type metadata is source-generated (<see cref="DiagnosticReportJsonContext"/>), so it works in a Native AOT publish.
/// </summary>
public static class DiagnosticReportJson
{
    private static readonly JsonTypeInfo<DiagnosticReport> Compact = CreateTypeInfo(writeIndented: false);
    private static readonly JsonTypeInfo<DiagnosticReport> Indented = CreateTypeInfo(writeIndented: true);

    public static string Serialize(DiagnosticReport report, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, indented ? Indented : Compact);
    }

    public static DiagnosticReport Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, Compact)
            ?? throw new JsonException("The report JSON was null.");
    }

    private static JsonTypeInfo<DiagnosticReport> CreateTypeInfo(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = DiagnosticReportJsonContext.Default,
            WriteIndented = writeIndented,
            // "…" in masked keys and typographic quotes in texts stay readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter<Verdict>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<CheckStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcTimestampConverter());
        return (JsonTypeInfo<DiagnosticReport>)options.GetTypeInfo(typeof(DiagnosticReport));
    }

    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture));
    }
}

/// <summary>Only a type resolver: names, enums and timestamps come from the options in <see cref="DiagnosticReportJson"/>.</summary>
[JsonSerializable(typeof(DiagnosticReport))]
internal sealed partial class DiagnosticReportJsonContext : JsonSerializerContext;

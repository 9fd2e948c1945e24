using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AstraBit.SupportBot.Bybit.Internal;

/// <summary>
/// Tolerant reading of Bybit JSON: numbers may arrive as strings and strings as numbers, "" and null mean
/// "no value", unknown fields are ignored. A number that is there but can't be read ("NaN", "1e400", 40 digits)
/// is not quietly "no value": it throws <see cref="JsonException"/>, so the whole answer counts as unreadable
/// rather than as a zero. Type metadata comes from <see cref="WireJsonContext"/> (source-generated), so reading
/// needs no reflection and works in a Native AOT publish.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = WireJsonContext.Default,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters =
        {
            new LenientDecimalConverter(),
            new LenientIntConverter(),
            new LenientLongConverter(),
            new LenientBoolConverter(),
            new LenientStringConverter(),
        },
    };

    /// <summary>The metadata for reading <typeparamref name="T"/> with <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Utf8Text(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => SkipAndNull(ref reader),
    };

    private static bool IsAbsent(string? text) => string.IsNullOrWhiteSpace(text);

    private static JsonException Unreadable(string? text, string what) =>
        new($"'{Shorten(text)}' is not {what}.");

    private static string Shorten(string? text) => text is { Length: > 24 } ? text[..24] + "…" : text ?? "";

    private static string Utf8Text(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    private static string? SkipAndNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private sealed class LenientDecimalConverter : JsonConverter<decimal?>
    {
        public override bool HandleNull => true;

        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = ScalarText(ref reader);
            if (IsAbsent(text))
            {
                return null;
            }

            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Unreadable(text, "a decimal number");
        }

        public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options) =>
            throw new NotSupportedException();
    }

    private sealed class LenientIntConverter : JsonConverter<int?>
    {
        public override bool HandleNull => true;

        public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = ScalarText(ref reader);
            if (IsAbsent(text))
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Unreadable(text, "a whole number");
        }

        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options) =>
            throw new NotSupportedException();
    }

    private sealed class LenientLongConverter : JsonConverter<long?>
    {
        public override bool HandleNull => true;

        public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = ScalarText(ref reader);
            if (IsAbsent(text))
            {
                return null;
            }

            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Unreadable(text, "a whole number");
        }

        public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options) =>
            throw new NotSupportedException();
    }

    private sealed class LenientBoolConverter : JsonConverter<bool?>
    {
        public override bool HandleNull => true;

        public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ScalarText(ref reader) switch
            {
                "true" or "True" or "1" => true,
                "false" or "False" or "0" => false,
                _ => null,
            };

        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options) =>
            throw new NotSupportedException();
    }

    private sealed class LenientStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ScalarText(ref reader);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);

        // Object keys (the permission groups of query-api) are read as they are, as the reflection-based reader did;
        // with source-generated metadata the key type's converter is this one, so it must read names too.
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString()!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);
    }
}

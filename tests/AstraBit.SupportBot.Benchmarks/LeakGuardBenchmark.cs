using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AstraBit.SupportBot.Core.Secrets;

namespace AstraBit.SupportBot.Benchmarks;

/// <summary>
/// What the key-leak guard adds to every message: <see cref="KeyLeakDetector.Scan"/> on the message's text, for
/// kinds of messages a support server sees (short chat, a pasted log, text in other scripts and fullwidth forms, a
/// split secret), and on a 1 MiB text attachment. Baseline from the same run: parsing the MESSAGE_CREATE payload
/// that carries the message, which every message costs the bot before any handler runs. Target (issue 24): under
/// 1 ms a message.
/// </summary>
internal static class LeakGuardBenchmark
{
    private const int Rounds = 7;
    private const double TargetNs = 1_000_000;
    private static readonly TimeSpan RoundLength = TimeSpan.FromMilliseconds(300);

    public static int Run()
    {
        var messages = Messages();
        var payloads = messages.Select(m => Payload(m.Text)).ToList();
        var attachment = LargeLog(1024 * 1024);

        Console.WriteLine($"leak guard: ns per message, median of {Rounds} rounds of {RoundLength.TotalMilliseconds:0} ms (Release build recommended)");
        Console.WriteLine($"{"message",-34} {"chars",7} {"parse payload",14} {"guard scan",11} {"scan/parse",11}");
        var worst = 0.0;
        var total = (Parse: 0.0, Scan: 0.0);
        for (var i = 0; i < messages.Count; i++)
        {
            var payload = payloads[i];
            var text = messages[i].Text;
            var parse = NsPerCall(() => ParseContent(payload).Length);
            var scan = NsPerCall(() => KeyLeakDetector.Scan(text).Secrets.Count);
            worst = Math.Max(worst, scan);
            total = (total.Parse + parse, total.Scan + scan);
            Console.WriteLine($"{messages[i].Name,-34} {text.Length,7} {parse,14:N0} {scan,11:N0} {scan / parse,11:0.00}");
        }

        Console.WriteLine($"{"mean of the kinds above",-34} {"",7} {total.Parse / messages.Count,14:N0} {total.Scan / messages.Count,11:N0} {total.Scan / total.Parse,11:0.00}");
        var attachmentNs = NsPerCall(() => KeyLeakDetector.Scan(attachment).Secrets.Count, calls: 3);
        Console.WriteLine($"{"text attachment, 1 MiB log",-34} {attachment.Length,7} {"",14} {attachmentNs,11:N0}");
        var pass = worst < TargetNs;
        Console.WriteLine($"slowest message: {worst / 1000:0.0} µs (target under {TargetNs / 1_000_000:0} ms): {(pass ? "PASS" : "FAIL")}; a 1 MiB attachment: {attachmentNs / 1_000_000:0.0} ms");
        return pass ? 0 : 1;
    }

    private static List<(string Name, string Text)> Messages()
    {
        const string key = "k5M7ByFgDcEW7AKW3g";
        const string secret = "c3FnJxFkQjVDZRucq2zyw8GOuLfafi1JrpRW";
        return
        [
            ("short chat", "hi, my bot stopped trading since this morning, can someone help?"),
            ("question with a key", $"is this key right? {key} it says 10003"),
            ("pasted Bybit error", """{"retCode":10003,"retMsg":"API key is invalid.","result":{},"retExtInfo":{},"time":1714065629010}"""),
            ("code block", "```cs\nvar client = new BybitRestClient(o => o.ApiCredentials = new ApiCredentials(key, secret));\nawait client.V5Api.Account.GetBalancesAsync(AccountType.Unified);\n```"),
            ("pasted log, 2,000 chars", LargeLog(2000)),
            ("Spanish prose", "Hola, mi bot de AstraBit no abre operaciones desde ayer. ¿Tengo que crear una clave nueva en Bybit? Gracias."),
            ("Russian prose", "Привет! Бот не открывает сделки со вчерашнего дня, ключ API создан на bybit.com, что делать?"),
            ("Japanese with fullwidth", "ＡｓｔｒａＢｉｔのボットが動きません。エラー１０００３が出ます。キーは ｋ５Ｍ７ＢｙＦｇ です。"),
            ("secret, plain", $"key {key} secret {secret}"),
            ("secret, fullwidth and split", "ｃ３ＦｎＪｘ．ＦｋＱｊＶＤ．ＺＲｕｃｑ２．ｚｙｗ８ＧＯ．ｕＬｆａｆｉ．１ＪｒｐＲＷ"),
        ];
    }

    // A bot log of the kind members attach: timestamps, levels, order ids, symbols, numbers.
    private static string LargeLog(int length)
    {
        var random = new Random(20261207);
        var builder = new StringBuilder(length + 200);
        for (var line = 0; builder.Length < length; line++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"2026-12-07T10:{line / 60 % 60:00}:{line % 60:00}.{random.Next(1000):000}Z INFO ")
                .Append(CultureInfo.InvariantCulture, $"order {Guid.NewGuid()} BTCUSDT Buy qty 0.{random.Next(1000, 9999)} price {random.Next(60000, 70000)}.5 ")
                .Append(line % 7 == 0 ? "retCode 110007 ab not enough for new order\n" : "filled\n");
        }

        return builder.ToString(0, length);
    }

    // A MESSAGE_CREATE's data as Discord sends it for a member's message in a guild channel.
    private static byte[] Payload(string content)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", "1180000000000000002");
            json.WriteString("channel_id", "1180000000000000001");
            json.WriteString("guild_id", "1180000000000000000");
            json.WriteStartObject("author");
            json.WriteString("id", "1500000000000000101");
            json.WriteString("username", "alice.trader");
            json.WriteNull("global_name");
            json.WriteString("discriminator", "0");
            json.WriteNull("avatar");
            json.WriteBoolean("bot", false);
            json.WriteEndObject();
            json.WriteStartObject("member");
            json.WriteStartArray("roles");
            json.WriteEndArray();
            json.WriteString("joined_at", "2024-01-01T00:00:00.000000+00:00");
            json.WriteEndObject();
            json.WriteString("content", content);
            foreach (var empty in (string[])["embeds", "components", "attachments", "mentions"])
            {
                json.WriteStartArray(empty);
                json.WriteEndArray();
            }

            json.WriteBoolean("mention_everyone", false);
            json.WriteNumber("flags", 0);
            json.WriteNumber("type", 0);
            json.WriteString("timestamp", "2026-12-07T10:00:00.000000+00:00");
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string ParseContent(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.GetProperty("content").GetString()!;
    }

    private static double NsPerCall(Func<int> call, int? calls = null)
    {
        var sink = 0;
        for (var i = 0; i < 50; i++)
        {
            sink += call();
        }

        var results = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var count = 0;
            var started = Stopwatch.GetTimestamp();
            while (calls is { } fixedCalls ? count < fixedCalls : Stopwatch.GetElapsedTime(started) < RoundLength)
            {
                sink += call();
                count++;
            }

            results.Add(Stopwatch.GetElapsedTime(started).TotalNanoseconds / count);
        }

        GC.KeepAlive(sink);
        results.Sort();
        return results[results.Count / 2];
    }
}

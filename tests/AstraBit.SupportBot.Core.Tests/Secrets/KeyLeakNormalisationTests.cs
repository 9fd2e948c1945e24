using System.Text;
using AstraBit.SupportBot.Core.Secrets;
using AstraBit.SupportBot.Core.Tickets;

namespace AstraBit.SupportBot.Core.Tests.Secrets;

/// <summary>
/// Secrets written so that a plain ASCII scan misses them — in fullwidth or mathematical letters, split by full stops
/// or underscores, with invisible characters between — and ordinary text that the same folding must leave alone.
/// </summary>
public sealed class KeyLeakNormalisationTests
{
    private const string Key = "k5M7ByFgDcEW7AKW3g";
    private const string Secret = "c3FnJxFkQjVDZRucq2zyw8GOuLfafi1JrpRW";

    // Letters the mathematical alphabets leave out because an older letterlike symbol already stood for them.
    private static readonly Dictionary<char, char> ItalicHoles = new() { ['h'] = '\u210E' };
    private static readonly Dictionary<char, char> DoubleStruckHoles = new()
    {
        ['C'] = '\u2102', ['H'] = '\u210D', ['N'] = '\u2115', ['P'] = '\u2119', ['Q'] = '\u211A', ['R'] = '\u211D', ['Z'] = '\u2124',
    };

    public static TheoryData<string, string> Styles() => new()
    {
        { "fullwidth", Fullwidth(Secret) },
        { "mathematical bold", Mathematical(Secret, 0x1D400, 0x1D7CE) },
        { "mathematical italic, ASCII digits", Mathematical(Secret, 0x1D434, null, ItalicHoles) },
        { "double-struck", Mathematical(Secret, 0x1D538, 0x1D7D8, DoubleStruckHoles) },
        { "sans-serif bold", Mathematical(Secret, 0x1D5D4, 0x1D7EC) },
        { "monospace", Mathematical(Secret, 0x1D670, 0x1D7F6) },
        { "circled", Circled(Secret) },
        { "half fullwidth, half ASCII", Fullwidth(Secret[..18]) + Secret[18..] },
        { "fullwidth, split by ideographic spaces", string.Join('\u3000', Chunks(Fullwidth(Secret), 6)) },
        { "fullwidth, split by fullwidth full stops", string.Join('\uFF0E', Chunks(Fullwidth(Secret), 6)) },
        { "fullwidth, split by fullwidth low lines", string.Join('\uFF3F', Chunks(Fullwidth(Secret), 9)) },
        { "split by full stops in sixes", string.Join('.', Chunks(Secret, 6)) },
        { "split by underscores in sixes", string.Join('_', Chunks(Secret, 6)) },
        { "split by full stops in fours", string.Join('.', Chunks(Secret, 4)) },
        { "a full stop between every character", string.Join('.', Chunks(Secret, 1)) },
        { "an underscore between every character", string.Join('_', Chunks(Secret, 1)) },
        { "full stops and underscores mixed", "c3FnJx.FkQjVD_ZRucq2.zyw8GO_uLfafi.1JrpRW" },
        { "doubled full stops", string.Join("..", Chunks(Secret, 12)) },
        { "horizontal ellipsis", string.Join('\u2026', Chunks(Secret, 18)) },
        { "middle dots", string.Join('\u00B7', Chunks(Secret, 6)) },
        { "katakana middle dots", string.Join('\u30FB', Chunks(Secret, 6)) },
        { "split by spaces in fives, one left over", string.Join(' ', Chunks(Secret, 5)) },
        { "no-break spaces", string.Join('\u00A0', Chunks(Secret, 6)) },
        { "em spaces", string.Join('\u2003', Chunks(Secret, 6)) },
        { "left-to-right marks", string.Join('\u200E', Chunks(Secret, 6)) },
        { "word joiners and variation selectors", string.Join("\u2060\uFE0F", Chunks(Secret, 4)) },
        { "full stops with zero-width spaces around", string.Join("\u200B.\u200B", Chunks(Secret, 6)) },
        { "Markdown underline", $"__{Secret}__" },
        { "Markdown underline around a dotted split", $"__{string.Join('.', Chunks(Secret, 6))}__" },
    };

    [Theory]
    [MemberData(nameof(Styles))]
    public void Scan_SecretWrittenAnotherWay_FoundAndSpanCoversExactlyIt(string name, string written)
    {
        var text = $"please help, my secret is {written} thanks";

        var leak = Assert.Single(KeyLeakDetector.Scan(text).Secrets);

        Assert.Equal(LeakKind.ApiSecret, leak.Kind);
        var core = written.Trim('_');
        Assert.True(text.IndexOf(core, StringComparison.Ordinal) == leak.Span.Start, $"{name}: span starts at {leak.Span.Start}");
        Assert.True(core.Length == leak.Span.Length, $"{name}: span is {leak.Span.Length} long, the secret {core.Length}");
    }

    public static TheoryData<string, string> Harmless() => new()
    {
        // Dotted and underscored tokens count only as a whole: no 36-character part of them is tried alone.
        { "Discord token with a 36-character last part", $"MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhXk2d.{Secret}" },
        { "JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" },
        { "dotted .NET name of 36 letters", "see Company.ProductName.Module2.SubModuleXY for details" },
        { "dotted C# name of 36 letters with short words", "CheckTexts.ApiKey.EuIpNotAllowedDetail" },
        { "HTML id with dashes and a dotted name", "<dt id=\"index-SHA512_005f224_005fDIGEST_005fSIZE\">" },
        { "SVG path", "<path d=\"M6.76 4.84l-1.8-1.79-1.41 1.41 1.79 1.79 1.42-1.41zM4 10.5H1v2h3v-2zm9-9.95h-2V3.5h2V.55z\"/>" },
        { "debugger output in prose", "==8119==  Address 0x55cd03c is 4 bytes before a block of size 16 alloc'd" },
        { "test name and platform", "fix DebugSymbolsTest.ReqWrapList on PPC64LE (Daniel Bevenius)" },
        { "screenshot file name of 36 letters", "attached Screenshot_2024_05_12_AstraBitError3x.png" },
        { "photo file name", "IMG_20241207_WA0003.Final_Version2B.jpg" },
        { "snake_case name", "get_bybit_api_key_permissions_result_value_for_user" },
        { "upper-case setting name", "set BYBIT_API_SECRET_FOR_THE_ASTRABIT_BOT_V2 in the env" },
        { "Python call in a code block", "```py\nsession.get_wallet_balance(accountType='UNIFIED', coin='USDT')\n```" },
        { "dunder and private names", "__init__ calls _load_KeyPermissions_v2 and __repr__" },
        { "e-mail address", "write to John.Smith_1990@Example-Mail.com please" },
        { "domains and a version", "api-testnet.bybit.com and api.bybit.com, bot v10.0.401-rc.2+build.20261207" },
        { "URL with underscores in the path", $"https://example.com/some_path/{string.Join('_', Chunks(Secret, 6))}/view" },
        { "sentences without spaces after full stops", "It failed.Then I Tried.Again and Again.Still Nothing.Help" },
        { "ellipses in prose", "wait\u2026WHAT\u2026it Works Now\u2026Thanks A Lot" },
        { "Google-style API key", "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe" },
        { "fullwidth Japanese prose", "\uFF21\uFF53\uFF54\uFF52\uFF41\uFF22\uFF49\uFF54のボットが動きません。エラー\uFF11\uFF10\uFF10\uFF10\uFF13が出ます。" },
        { "mathematical bold display name", Mathematical("AstraBit Support Team", 0x1D400, 0x1D7CE) },
        { "fullwidth hex hash", Fullwidth("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") },
        { "fullwidth UUID", Fullwidth("550e8400-e29b-41d4-a716-446655440000") },
        { "circled list numbers", "\u2460 open Bybit \u2461 API Management \u2462 Create New Key \u2463 paste it here" },
        { "ligatures from a PDF", "the con\uFB01guration \uFB01le and the work\uFB02ow di\uFB00er" },
        { "key alone in fullwidth", $"my key is {Fullwidth(Key)}" },

        // Words next to a key that add up to 18 letters make 36 with it: a sentence, not a split secret.
        { "key after words of 18 letters", $"thanks, trying again with key {Key}" },
        { "key before words of 18 letters", $"{Key} is the key I made today" },
        { "key after words and a number", $"still errors 10003 with key {Key}" },
        { "fullwidth key after words of 18 letters", $"trying again with key {Fullwidth(Key)}" },
    };

    [Theory]
    [MemberData(nameof(Harmless))]
    public void Scan_OrdinaryText_NoSecret(string name, string text)
    {
        Assert.False(KeyLeakDetector.Scan(text).HasSecret, $"{name} was taken for a secret");
    }

    [Fact]
    public void Scan_FullwidthKeyAndSecret_MaskedKeyInAscii()
    {
        var scan = KeyLeakDetector.Scan($"ＡＰＩ Ｋｅｙ：{Fullwidth(Key)}\nＳｅｃｒｅｔ：{Fullwidth(Secret)}");

        Assert.True(scan.HasSecret);
        Assert.Equal("…KW3g", scan.MaskedKey);
    }

    [Fact]
    public void Scrub_SecretsWrittenOtherWays_HiddenAndKeyMasked_RestKeptAsWritten()
    {
        var dotted = string.Join('.', Chunks(Secret, 6));
        var text = $"ｋｅｙ {Fullwidth(Key)}, ｓｅｃｒｅｔ {Mathematical(Secret, 0x1D400, 0x1D7CE)}; old one {dotted}.";

        var scrubbed = SecretGuard.Scrub(text);

        Assert.Equal($"ｋｅｙ …KW3g, ｓｅｃｒｅｔ {SecretGuard.Hidden}; old one {SecretGuard.Hidden}.", scrubbed);
    }

    [Fact]
    public void Scan_FoldedSecret_ResultNeverHoldsIt()
    {
        var scan = KeyLeakDetector.Scan($"key {Fullwidth(Key)} secret {Fullwidth(Secret)}");

        Assert.DoesNotContain(Secret, scan.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Fullwidth(Secret), scan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ManyRandomSecretsSplitByFullStopsUnderscoresOrSpaces_AllCaught()
    {
        // Seeded, so a failure is reproducible. Spaces split in chunks of 4 to 9, as people split by hand; full stops
        // and underscores anywhere from every character to chunks of 12.
        var random = new Random(20261207);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var missed = 0;
        for (var i = 0; i < 1500; i++)
        {
            var secret = new string([.. Enumerable.Range(0, KeyLeakDetector.SecretLength).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var joiner = (i % 3) switch { 0 => '.', 1 => '_', _ => ' ' };
            var written = string.Join(joiner, Chunks(secret, joiner == ' ' ? 4 + random.Next(6) : 1 + random.Next(12)));
            if (!KeyLeakDetector.ContainsSecret($"my secret is {written} thanks"))
            {
                missed++;
            }
        }

        Assert.True(missed <= 8, $"{missed} of 1500 split secrets were missed");
    }

    private static string Fullwidth(string ascii) =>
        new([.. ascii.Select(c => c is > ' ' and <= '~' ? (char)(c - '!' + '\uFF01') : c == ' ' ? '\u3000' : c)]);

    private static string Circled(string ascii)
    {
        var builder = new StringBuilder();
        foreach (var c in ascii)
        {
            builder.Append(c switch
            {
                >= 'A' and <= 'Z' => (char)('\u24B6' + (c - 'A')),
                >= 'a' and <= 'z' => (char)('\u24D0' + (c - 'a')),
                '0' => '\u24EA',
                >= '1' and <= '9' => (char)('\u2460' + (c - '1')),
                _ => c,
            });
        }

        return builder.ToString();
    }

    // A "fancy text" generator's output: letters from one mathematical alphabet (starting at capital A), digits from
    // one set of mathematical digits or left as they are.
    private static string Mathematical(string ascii, int capitalA, int? zero, Dictionary<char, char>? holes = null)
    {
        var builder = new StringBuilder();
        foreach (var c in ascii)
        {
            if (holes is not null && holes.TryGetValue(c, out var hole))
            {
                builder.Append(hole);
            }
            else if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ConvertFromUtf32(capitalA + (char.IsAsciiLetterUpper(c) ? c - 'A' : 26 + c - 'a')));
            }
            else if (char.IsAsciiDigit(c) && zero is { } digits)
            {
                builder.Append(char.ConvertFromUtf32(digits + (c - '0')));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Chunks(string text, int size) => text.Chunk(size).Select(c => new string(c));
}

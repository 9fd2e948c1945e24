using AstraBit.SupportBot.Core.Secrets;

namespace AstraBit.SupportBot.Core.Tests.Secrets;

public sealed class KeyLeakDetectorTests
{
    // Shaped like Bybit's system-generated HMAC credentials: key 18, secret 36 letters and digits, mixed case.
    private const string Key = "k5M7ByFgDcEW7AKW3g";
    private const string Secret = "c3FnJxFkQjVDZRucq2zyw8GOuLfafi1JrpRW";
    private const string OtherSecret = "Xq7Lr2Vb9Nt4Kp1Zs8Wd3Hf6Jc0Mg5Ry2Ta4";

    private const string RsaPem =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEArStDLu6eiOiZoGqZslVPTMXikLtk+azsmUrI4TSMkQJx5+Sq\n"
        + "qFk1Hd9Y0m2l8rZt3Qw7Vn4Bc6Xe1Ju5Ko9Lp2Mi8Nh3Gf7Ds4Ar6Ty0Ue5Wq9Zx\n-----END RSA PRIVATE KEY-----";

    private const string Pkcs8Body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDRc1mX2o+4p0Hk";

    private const string PublicPem =
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyV3Xp2m0Gk8hLq4dTzQe\n-----END PUBLIC KEY-----";

    public static TheoryData<string, string, bool, string?> Table() => new()
    {
        // name, text, leaks, masked key reported
        { "bare secret", Secret, true, null },
        { "another bare secret", OtherSecret, true, null },
        { "key and secret on two labelled lines", $"API Key: {Key}\nSecret: {Secret}", true, "…KW3g" },
        { "query string", $"https://api.example.com/connect?api_key={Key}&api_secret={Secret}", true, "…KW3g" },
        { "JSON config", $$"""{"apiKey":"{{Key}}","apiSecret":"{{Secret}}"}""", true, "…KW3g" },
        { "sentence, full stop after", $"why does this fail, my secret is {Secret}.", true, null },
        { "code block", $"```\n{Secret}\n```", true, null },
        { "inline code", $"`{Secret}`", true, null },
        { "spoiler", $"||{Secret}||", true, null },
        { "secret then key", $"{Secret} {Key}", true, "…KW3g" },
        { "split by spaces in sixes", "c3FnJx FkQjVD ZRucq2 zyw8GO uLfafi 1JrpRW", true, null },
        { "split by dashes in fours", "c3Fn-JxFk-QjVD-ZRuc-q2zy-w8GO-uLfa-fi1J-rpRW", true, null },
        { "split by spaced dashes", $"key {Key} secret c3FnJxFkQjVDZRuc - q2zyw8GOuLfafi1JrpRW", true, "…KW3g" },
        { "split over two lines", "c3FnJxFkQjVDZRuc\nq2zyw8GOuLfafi1JrpRW", true, null },
        { "zero-width spaces inside", "c3FnJx\u200BFkQjVD\u200BZRucq2\u200Bzyw8GO\u200BuLfafi\u200B1JrpRW", true, null },
        { "zero-width joiner and soft hyphen", "c3FnJxFkQj\u200DVDZRucq2zy\u00ADw8GOuLfafi1\u2060JrpRW", true, null },
        { "RSA private key, PEM", $"here is my key\n{RsaPem}\nthanks", true, null },
        { "PKCS#8 private key, cut off", $"-----BEGIN PRIVATE KEY-----\n{Pkcs8Body}", true, null },
        { "private key body without armour", Pkcs8Body, true, null },

        // Harmless look-alikes: none has Bybit's shape.
        { "SHA-256 hex", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", false, null },
        { "SHA-1 hex", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", false, null },
        { "MD5 hex", "5d41402abc4b2a76b9719d911017c592", false, null },
        { "UUID", "550e8400-e29b-41d4-a716-446655440000", false, null },
        { "Bybit order id and link id", "orderId fd4300ae-7847-404e-b947-b46980a4d140, orderLinkId AstraBit-BTCUSDT-1700000000000", false, null },
        { "transaction hash", "tx 0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b confirmed", false, null },
        { "Ethereum address, checksummed", "send to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed please", false, null },
        { "Bitcoin addresses", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 or bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", false, null },
        { "Tron and Solana addresses", "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL and 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", false, null },
        { "Discord bot token", "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs", false, null },
        { "Discord token whose last part is 36 long", $"MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhXk2d.{OtherSecret}", false, null },
        { "base64 with padding", "U2VjcmV0S2V5MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1u==", false, null },
        { "URL path segment", $"https://example.com/files/{OtherSecret}/view", false, null },
        { "Discord message link", "https://discord.com/channels/1180000000000000000/1180000000000000001/1180000000000000002", false, null },
        { "CamelCase name in a code block", "```cs\nvar r = GetBybitApiKeyPermissionsAsyncResult(x);\n```", false, null },
        { "API key alone", $"my key is {Key}, is it right?", false, null },
        { "32 mixed letters and digits", "Xq7Lr2Vb9Nt4Kp1Zs8Wd3Hf6Jc0Mg5Ry", false, null },
        { "40 mixed letters and digits", "Xq7Lr2Vb9Nt4Kp1Zs8Wd3Hf6Jc0Mg5Ry2TaB7c9x", false, null },
        { "36 upper case and digits", "ABCD1234EFGH5678IJKL9012MNOP3456QRST", false, null },
        { "pasted Bybit error", """{"retCode":10003,"retMsg":"API key is invalid.","result":{},"retExtInfo":{},"time":1714065629010}""", false, null },
        { "prose", "Hello! My AstraBit bot says Error 10003 since Monday and I Tried Three Times To Connect It Again", false, null },
        { "public key, PEM", PublicPem, false, null },
        { "masked key", "key …KW3g still fails", false, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Scan_Table_LeakOnlyForBybitShapes(string name, string text, bool leaks, string? maskedKey)
    {
        var scan = KeyLeakDetector.Scan(text);

        Assert.True(leaks == scan.HasSecret, $"{name}: expected leak={leaks}");
        Assert.Equal(maskedKey, scan.MaskedKey);
    }

    [Fact]
    public void Table_AtLeastThirtyRowsHalfHarmless()
    {
        var rows = Table().Select(r => r.Data.Item3).ToList();

        Assert.True(rows.Count >= 30);
        Assert.True(rows.Count(leaks => !leaks) * 2 >= rows.Count);
    }

    [Theory]
    [InlineData("c3FnJx FkQjVD ZRucq2 zyw8GO uLfafi 1JrpRW")]
    [InlineData("c3Fn-JxFk-QjVD-ZRuc-q2zy-w8GO-uLfa-fi1J-rpRW")]
    [InlineData("c3FnJx\u200BFkQjVD\u200BZRucq2\u200Bzyw8GO\u200BuLfafi\u200B1JrpRW")]
    [InlineData("c3FnJxFkQjVDZRucq2zyw8GOuLfafi1JrpRW")]
    public void Scan_SplitSecret_SpanCoversExactlyTheSecret(string secret)
    {
        var text = $"please help, key {Key} and secret {secret} thanks";

        var leak = Assert.Single(KeyLeakDetector.Scan(text).Secrets);

        Assert.Equal(LeakKind.ApiSecret, leak.Kind);
        Assert.Equal(text.IndexOf(secret, StringComparison.Ordinal), leak.Span.Start);
        Assert.Equal(secret.Length, leak.Span.Length);
    }

    [Fact]
    public void Scan_TwoSecrets_BothFoundInOrder()
    {
        var text = $"old {OtherSecret} new {Secret}";

        var spans = KeyLeakDetector.Scan(text).Secrets.Select(s => text.Substring(s.Span.Start, s.Span.Length)).ToList();

        Assert.Equal([OtherSecret, Secret], spans);
    }

    [Fact]
    public void Scan_PemKey_SpanFromBeginToEnd()
    {
        var text = $"here\n{RsaPem}\nthanks";

        var leak = Assert.Single(KeyLeakDetector.Scan(text).Secrets);

        Assert.Equal(LeakKind.PrivateKey, leak.Kind);
        Assert.Equal(RsaPem, text.Substring(leak.Span.Start, leak.Span.Length));
    }

    [Fact]
    public void Scan_Result_NeverHoldsTheSecret()
    {
        var scan = KeyLeakDetector.Scan($"API Key: {Key}\nSecret: {Secret}");

        Assert.DoesNotContain(Secret, scan.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, scan.ToString(), StringComparison.Ordinal);
        Assert.Equal("…KW3g", scan.MaskedKey);
    }

    [Fact]
    public void Scan_KeyAlone_ReportedAsKeyNotLeak()
    {
        var text = $"my key is {Key}";

        var scan = KeyLeakDetector.Scan(text);

        Assert.False(scan.HasSecret);
        Assert.Equal(Key, text.Substring(Assert.Single(scan.Keys).Start, Key.Length));
        Assert.Null(scan.MaskedKey);
    }

    [Fact]
    public void Scan_ManyRandomSecrets_AllCaught()
    {
        // Seeded, so a failure is reproducible: the switch threshold must not miss real secrets in practice.
        var random = new Random(20261202);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var missed = 0;
        for (var i = 0; i < 2000; i++)
        {
            var secret = new string(Enumerable.Range(0, KeyLeakDetector.SecretLength).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            if (!KeyLeakDetector.ContainsSecret($"secret: {secret}"))
            {
                missed++;
            }
        }

        Assert.True(missed <= 10, $"{missed} of 2000 random secrets were missed");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Scan_Empty_Nothing(string? text)
    {
        Assert.Same(SecretScan.None, KeyLeakDetector.Scan(text));
    }
}

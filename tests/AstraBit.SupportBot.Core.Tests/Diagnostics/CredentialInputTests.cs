using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.Tests.Diagnostics;

public sealed class CredentialInputTests
{
    private const string Key = "AbCdEfGhIjKlMnXy12";
    private const string Secret = "S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t";

    [Theory]
    [InlineData("AbCdEfGhIjKlMnXy12")]
    [InlineData("  AbCdEfGhIjKlMnXy12 \r\n")]
    [InlineData("\"AbCdEfGhIjKlMnXy12\"")]
    [InlineData("'AbCdEfGhIjKlMnXy12'")]
    [InlineData("`AbCdEfGhIjKlMnXy12`")]
    [InlineData("```AbCdEfGhIjKlMnXy12```")]
    [InlineData("“AbCdEfGhIjKlMnXy12”")]
    [InlineData("API key: AbCdEfGhIjKlMnXy12")]
    [InlineData("api KEY:AbCdEfGhIjKlMnXy12")]
    [InlineData("Api Key - AbCdEfGhIjKlMnXy12")]
    [InlineData("key=AbCdEfGhIjKlMnXy12")]
    [InlineData("apiKey = \"AbCdEfGhIjKlMnXy12\"")]
    [InlineData("\"API key: AbCdEfGhIjKlMnXy12\"")]
    [InlineData("\u200BAbCdEfGhIjKlMnXy12\uFEFF")]
    public void Validate_KeyWithPasteNoise_ReturnsCleanKey(string rawKey)
    {
        var result = CredentialInput.Validate(rawKey, Secret);

        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(Key, result.Credentials!.ApiKey);
    }

    [Theory]
    [InlineData("Secret: S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t")]
    [InlineData("Secret Key: S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t")]
    [InlineData("API secret:S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t")]
    [InlineData("api_secret=S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t")]
    [InlineData("  'S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t'\n")]
    [InlineData("S3cr3tS3cr3tS3cr3tS3\r\ncr3tS3cr3tS3cr3t")]
    public void Validate_SecretWithPasteNoise_ReturnsCleanSecret(string rawSecret)
    {
        var result = CredentialInput.Validate(Key, rawSecret);

        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(Secret, result.Credentials!.ApiSecret);
    }

    [Theory]
    [InlineData(null, Secret, CredentialInput.KeyField, "is empty")]
    [InlineData("", Secret, CredentialInput.KeyField, "is empty")]
    [InlineData("  \" \"  ", Secret, CredentialInput.KeyField, "is empty")]
    [InlineData("API key:", Secret, CredentialInput.KeyField, "is empty")]
    [InlineData(Key, null, CredentialInput.SecretField, "is empty")]
    [InlineData(Key, "Secret:   ", CredentialInput.SecretField, "is empty")]
    [InlineData("AbCdEfGhIjKl", Secret, CredentialInput.KeyField, "12 characters")]
    [InlineData("AbCdEfGhIjKlMnXy12AbCdEfGhIjKlMnXy12AbCdEfGhIjKlMnXy12AbCdEfGhIjKl", Secret, CredentialInput.KeyField, "66 characters")]
    [InlineData(Key, "S3cr3tS3cr3t", CredentialInput.SecretField, "12 characters")]
    [InlineData(Key, "S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t", CredentialInput.SecretField, "72 characters")]
    [InlineData("AbCdEfGh IjKlMnXy12", Secret, CredentialInput.KeyField, "spaces")]
    [InlineData("AbCdEfGh-IjKlMnXy12", Secret, CredentialInput.KeyField, "symbols or punctuation")]
    [InlineData("AbCdEfGhÏjKlMnXy12", Secret, CredentialInput.KeyField, "non-Latin")]
    [InlineData(Key, "S3cr3tS3cr3tS3cr3t S3cr3tS3cr3tS3cr3t", CredentialInput.SecretField, "spaces")]
    [InlineData(Key, "S3cr3tS3cr3tS3cr3t/S3cr3tS3cr3tS3cr3t", CredentialInput.SecretField, "symbols or punctuation")]
    [InlineData(Key, "S3cr3tS3cr3tS3cr3tЖS3cr3tS3cr3tS3cr3t", CredentialInput.SecretField, "non-Latin")]
    [InlineData(Key, "S3cr3tS3cr3tS3cr3t\u0001S3cr3tS3cr3tS3cr3t", CredentialInput.SecretField, "control characters")]
    public void Validate_BadInput_NamesFieldAndProblem(string? rawKey, string? rawSecret, string field, string expected)
    {
        var result = CredentialInput.Validate(rawKey, rawSecret);

        Assert.False(result.IsValid);
        Assert.Null(result.Credentials);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains(field, problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        AssertNoSecretIn(problem.Message, rawSecret);
    }

    [Fact]
    public void Validate_BothEmpty_ReportsBothFields()
    {
        var result = CredentialInput.Validate(" ", "\n");

        Assert.Equal([CredentialInput.KeyField, CredentialInput.SecretField], result.Problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData(Secret, Key)]
    [InlineData("Secret: S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t", "API key: AbCdEfGhIjKlMnXy12")]
    public void Validate_KeyAndSecretSwapped_ReportsOneSwapProblem(string rawKey, string rawSecret)
    {
        var result = CredentialInput.Validate(rawKey, rawSecret);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("swapped", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecretSameAsKey_ReportsSecretProblem()
    {
        var same = "AbCdEfGhIjKlMnXy12AbCdEfGhIjKlMn";

        var result = CredentialInput.Validate(same, same);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(CredentialInput.SecretField, problem.Field);
        Assert.Contains("same as the API key", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(same, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProblemWithSecret_NeverEchoesIt()
    {
        var secretWithSymbol = "S3cr3tS3cr3tS3cr3t#S3cr3tS3cr3tS3cr3t";

        var result = CredentialInput.Validate(Key, secretWithSymbol);

        var problem = Assert.Single(result.Problems);
        AssertNoSecretIn(problem.Message, secretWithSymbol);
        Assert.DoesNotContain("#", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidInput_ExposesCleanedKeyAndSecret()
    {
        var result = CredentialInput.Validate($"API key: {Key}", $"Secret: {Secret}");

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        Assert.Equal(Key, result.ApiKey);
        Assert.Equal(Secret, result.ApiSecret);
    }

    [Fact]
    public void ToString_ValidResultAndCredentials_NeverShowSecret()
    {
        var result = CredentialInput.Validate(Key, Secret);

        var texts = new[] { result.ToString(), result.Credentials!.ToString() };

        Assert.All(texts, t => Assert.DoesNotContain(Secret, t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Contains("…Xy12", t, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AbCdEfGhIjKlMnXy12", "…Xy12")]
    [InlineData("abc", "…abc")]
    [InlineData("", "…")]
    [InlineData(null, "…")]
    public void MaskedKey_AnyKey_ShowsAtMostLastFour(string? key, string expected)
    {
        var masked = CredentialInput.MaskedKey(key);

        Assert.Equal(expected, masked);
    }

    private static void AssertNoSecretIn(string message, string? rawSecret)
    {
        Assert.DoesNotContain(Secret, message, StringComparison.Ordinal);
        var cleaned = CredentialInput.Clean(rawSecret);
        if (cleaned.Length >= 8)
        {
            Assert.DoesNotContain(cleaned, message, StringComparison.Ordinal);
            Assert.DoesNotContain(cleaned[..8], message, StringComparison.Ordinal);
        }
    }
}

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

        Assert.True(result.IsValid, result.ToString());
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

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(Secret, result.Credentials!.ApiSecret);
    }

    [Theory]
    [InlineData(null, Secret, CredentialField.Key, CredentialProblemKind.Empty, 0, CredentialCharacters.None)]
    [InlineData("", Secret, CredentialField.Key, CredentialProblemKind.Empty, 0, CredentialCharacters.None)]
    [InlineData("  \" \"  ", Secret, CredentialField.Key, CredentialProblemKind.Empty, 0, CredentialCharacters.None)]
    [InlineData("API key:", Secret, CredentialField.Key, CredentialProblemKind.Empty, 0, CredentialCharacters.None)]
    [InlineData(Key, null, CredentialField.Secret, CredentialProblemKind.Empty, 0, CredentialCharacters.None)]
    [InlineData(Key, "Secret:   ", CredentialField.Secret, CredentialProblemKind.Empty, 0, CredentialCharacters.None)]
    [InlineData("AbCdEfGhIjKl", Secret, CredentialField.Key, CredentialProblemKind.WrongLength, 12, CredentialCharacters.None)]
    [InlineData("AbCdEfGhIjKlMnXy12AbCdEfGhIjKlMnXy12AbCdEfGhIjKlMnXy12AbCdEfGhIjKl", Secret, CredentialField.Key, CredentialProblemKind.WrongLength, 66, CredentialCharacters.None)]
    [InlineData(Key, "S3cr3tS3cr3t", CredentialField.Secret, CredentialProblemKind.WrongLength, 12, CredentialCharacters.None)]
    [InlineData(Key, "S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t", CredentialField.Secret, CredentialProblemKind.WrongLength, 72, CredentialCharacters.None)]
    [InlineData("AbCdEfGh IjKlMnXy12", Secret, CredentialField.Key, CredentialProblemKind.BadCharacters, 0, CredentialCharacters.Spaces)]
    [InlineData("AbCdEfGh-IjKlMnXy12", Secret, CredentialField.Key, CredentialProblemKind.BadCharacters, 0, CredentialCharacters.Symbols)]
    [InlineData("AbCdEfGhÏjKlMnXy12", Secret, CredentialField.Key, CredentialProblemKind.BadCharacters, 0, CredentialCharacters.NonLatin)]
    [InlineData("AbCd EfGh-ÏjKlMnXy12", Secret, CredentialField.Key, CredentialProblemKind.BadCharacters, 0, CredentialCharacters.Spaces | CredentialCharacters.Symbols | CredentialCharacters.NonLatin)]
    [InlineData(Key, "S3cr3tS3cr3tS3cr3t S3cr3tS3cr3tS3cr3t", CredentialField.Secret, CredentialProblemKind.BadCharacters, 0, CredentialCharacters.Spaces)]
    [InlineData(Key, "S3cr3tS3cr3tS3cr3t/S3cr3tS3cr3tS3cr3t", CredentialField.Secret, CredentialProblemKind.BadCharacters, 0, CredentialCharacters.Symbols)]
    [InlineData(Key, "S3cr3tS3cr3tS3cr3tЖS3cr3tS3cr3tS3cr3t", CredentialField.Secret, CredentialProblemKind.BadCharacters, 0, CredentialCharacters.NonLatin)]
    [InlineData(Key, "S3cr3tS3cr3tS3cr3t\u0001S3cr3tS3cr3tS3cr3t", CredentialField.Secret, CredentialProblemKind.BadCharacters, 0, CredentialCharacters.Control)]
    public void Validate_BadInput_NamesFieldKindAndTheFactsToWordIt(
        string? rawKey, string? rawSecret, CredentialField field, CredentialProblemKind kind, int length, CredentialCharacters characters)
    {
        var result = CredentialInput.Validate(rawKey, rawSecret);

        Assert.False(result.IsValid);
        Assert.Null(result.Credentials);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(new CredentialProblem(field, kind, length, characters), problem);
    }

    [Theory]
    [InlineData(CredentialField.Key, 18, 16, 32)]
    [InlineData(CredentialField.Secret, 36, 32, 64)]
    public void Problem_Lengths_AreBybitsForItsField(CredentialField field, int usual, int min, int max)
    {
        var problem = new CredentialProblem(field, CredentialProblemKind.WrongLength, 12);

        Assert.Equal((usual, min, max), (problem.UsualLength, problem.MinLength, problem.MaxLength));
    }

    [Fact]
    public void Validate_BothEmpty_ReportsBothFields()
    {
        var result = CredentialInput.Validate(" ", "\n");

        Assert.Equal([(CredentialField.Key, CredentialProblemKind.Empty), (CredentialField.Secret, CredentialProblemKind.Empty)], result.Problems.Select(p => (p.Field, p.Kind)));
    }

    [Theory]
    [InlineData(Secret, Key)]
    [InlineData("Secret: S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t", "API key: AbCdEfGhIjKlMnXy12")]
    public void Validate_KeyAndSecretSwapped_ReportsOneSwapProblem(string rawKey, string rawSecret)
    {
        var result = CredentialInput.Validate(rawKey, rawSecret);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(new CredentialProblem(CredentialField.Both, CredentialProblemKind.Swapped), problem);
    }

    [Fact]
    public void Validate_SecretSameAsKey_ReportsSecretProblem()
    {
        var same = "AbCdEfGhIjKlMnXy12AbCdEfGhIjKlMn";

        var result = CredentialInput.Validate(same, same);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(new CredentialProblem(CredentialField.Secret, CredentialProblemKind.SameAsKey), problem);
    }

    [Fact]
    public void ToString_InvalidResult_NamesFieldsAndKindsNeverTheSecret()
    {
        var secretWithSymbol = "S3cr3tS3cr3tS3cr3t#S3cr3tS3cr3tS3cr3t";

        var text = CredentialInput.Validate(Key, secretWithSymbol).ToString();

        Assert.Contains("Secret BadCharacters", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t", text, StringComparison.Ordinal);
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
}

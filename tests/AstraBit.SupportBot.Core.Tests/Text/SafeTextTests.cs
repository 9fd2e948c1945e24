using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Core.Tests.Text;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("abcdefghijk", 10, "abcdefghi…")]
    [InlineData("abcdefgh😀xyz", 10, "abcdefgh…")]
    [InlineData("abcdefg😀xyz", 10, "abcdefg😀…")]
    [InlineData("😀😀😀😀😀😀", 4, "😀…")]
    [InlineData("😀😀😀😀😀😀", 3, "😀…")]
    [InlineData("😀😀😀😀😀😀", 2, "…")]
    public void Fit_Text_CutNeverSplitsASurrogatePair(string text, int max, string expected)
    {
        var fitted = SafeText.Fit(text, max);

        Assert.Equal(expected, fitted);
        Assert.True(fitted.Length <= max);
    }

    [Fact]
    public void Fit_EveryLengthOfAnEmojiString_AlwaysWellFormed()
    {
        var text = "a😀b👍🏽c🇪🇺d" + string.Concat(Enumerable.Repeat("😀x", 20));
        for (var max = 1; max <= text.Length; max++)
        {
            var fitted = SafeText.Fit(text, max);
            Assert.True(fitted.Length <= max);
            Assert.False(HasLoneSurrogate(fitted), $"max {max}: {fitted}");
            var prefix = SafeText.Prefix(text, max);
            Assert.True(prefix.Length <= max && text.StartsWith(prefix, StringComparison.Ordinal) && !HasLoneSurrogate(prefix));
        }
    }

    [Fact]
    public void Neutralize_HiddenCharacters_RemovedAndEmojiKept()
    {
        Assert.Equal("admin😀 says hi", SafeText.Neutralize("\u202Eadmin\u202C😀\u200B says\u2067 hi\uFEFF"));
        Assert.Equal("lone", SafeText.Neutralize("lo\uD83Dne"));
        Assert.Same("plain", SafeText.Neutralize("plain"));
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}

namespace AstraBit.SupportBot.Core.Text;

public static partial class TextIds
{
    /// <summary>
    /// Discord locales named in the reader's language ("Spanish (Latin America)"): the shipped ones and the variants that
    /// fall back to them. A locale not named here is shown as its code.
    /// </summary>
    public static class LocaleNames
    {
        public const string EnglishUs = "localeName.en-US";
        public const string EnglishUk = "localeName.en-GB";
        public const string SpanishSpain = "localeName.es-ES";
        public const string SpanishLatinAmerica = "localeName.es-419";
        public const string PortugueseBrazil = "localeName.pt-BR";
        public const string Russian = "localeName.ru";
        public const string Turkish = "localeName.tr";
        public const string Vietnamese = "localeName.vi";
        public const string German = "localeName.de";
        public const string French = "localeName.fr";

        /// <summary>The id naming <paramref name="locale"/>, or null when it has no name here.</summary>
        public static string? For(string locale) => locale switch
        {
            "en-US" => EnglishUs,
            "en-GB" => EnglishUk,
            "es-ES" => SpanishSpain,
            "es-419" => SpanishLatinAmerica,
            "pt-BR" => PortugueseBrazil,
            "ru" => Russian,
            "tr" => Turkish,
            "vi" => Vietnamese,
            "de" => German,
            "fr" => French,
            _ => null,
        };

        /// <summary>"Spanish (Latin America) (es-419)" in the reader's language; the code alone for a locale not named here.</summary>
        public static string Describe(string locale, LocaleTexts texts)
        {
            ArgumentNullException.ThrowIfNull(texts);
            return For(locale) is { } id ? $"{texts.Get(id)} ({locale})" : locale;
        }
    }
}

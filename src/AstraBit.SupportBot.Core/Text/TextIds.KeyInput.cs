namespace AstraBit.SupportBot.Core.Text;

public static partial class TextIds
{
    /// <summary>
    /// What is wrong with a pasted key or secret (<see cref="Diagnostics.CredentialProblem"/>), one sentence per field
    /// and kind so each language can word the field as its grammar needs.
    /// </summary>
    public static class KeyInput
    {
        public const string KeyEmpty = "keyInput.key.empty";
        public const string SecretEmpty = "keyInput.secret.empty";

        /// <summary>{characters}: a list of <see cref="Spaces"/>, <see cref="Symbols"/>, ….</summary>
        public const string KeyCharacters = "keyInput.key.characters";
        public const string SecretCharacters = "keyInput.secret.characters";

        /// <summary>Counted by the length found; {usual}, {min} and {max} are Bybit's lengths.</summary>
        public const string KeyLength = "keyInput.key.length";
        public const string SecretLength = "keyInput.secret.length";
        public const string Swapped = "keyInput.swapped";
        public const string SameAsKey = "keyInput.sameAsKey";
        public const string Spaces = "keyInput.characters.spaces";
        public const string Symbols = "keyInput.characters.symbols";
        public const string NonLatin = "keyInput.characters.nonLatin";
        public const string Control = "keyInput.characters.control";
    }
}

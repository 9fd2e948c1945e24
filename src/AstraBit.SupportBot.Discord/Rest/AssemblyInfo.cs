using System.Runtime.CompilerServices;

// Tests build over-limit payloads the builders refuse, to check the server-side 50035 path.
[assembly: InternalsVisibleTo("AstraBit.SupportBot.Discord.Tests")]

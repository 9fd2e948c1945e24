using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("AstraBit.SupportBot.Discord.Tests")]

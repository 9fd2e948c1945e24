using System.CommandLine;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Emulators.Discord;

var root = new RootCommand("AstraBit loopback emulators for tests and a local sandbox.");
root.Subcommands.Add(BybitEmulatorCommand.Create());
root.Subcommands.Add(DiscordEmulatorCommand.Create());
return await root.Parse(args).InvokeAsync();

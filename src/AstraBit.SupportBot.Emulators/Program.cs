using System.CommandLine;
using AstraBit.SupportBot.Emulators.Bybit;

var root = new RootCommand("AstraBit loopback emulators for tests and a local sandbox.");
root.Subcommands.Add(BybitEmulatorCommand.Create());
return await root.Parse(args).InvokeAsync();

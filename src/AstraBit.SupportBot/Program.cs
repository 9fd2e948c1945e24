using AstraBit.SupportBot.Cli;

return await SupportBotCommandLine.InvokeAsync(args, CliConsole.FromProcess());

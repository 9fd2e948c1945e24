using AstraBit.SupportBot.Discord;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>Says once at start when the bot identifies without the Message Content intent: the key-leak guard and pasted-error answers are then off.</summary>
public sealed partial class LeakGuardOffNotice(IOptions<DiscordClientOptions> client, ILogger<LeakGuardOffNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!MessageContent.IsOn(client.Value))
        {
            LogOff(logger, client.Value.Intents);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord:Intents ({Intents}) lacks Message Content (32768): the key-leak guard and answers to pasted errors are off. Turn the intent on in the Developer Portal (Bot → Message Content Intent) and add 32768 to Discord:Intents")]
    private static partial void LogOff(ILogger logger, int intents);
}

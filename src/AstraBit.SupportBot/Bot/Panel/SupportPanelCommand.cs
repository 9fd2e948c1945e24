using System.Globalization;
using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Content;
using AstraBit.SupportBot.Core.Panel;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Panel;

/// <summary>
/// `/support panel [channel]` (support staff, checked against the configured roles on every use): posts the support
/// panel, or edits the one already in that channel. Asked for another channel, the panel moves there (the old one is
/// deleted): one panel per server, its place stored so a restart changes nothing.
/// </summary>
public sealed partial class SupportPanelCommand(
    LocalizedContent<PanelContent> panels,
    SupportLanguages languages,
    IPanelLocationStore locations,
    SupportRoles roles,
    DiscordRestClient rest,
    IOptions<SupportDiscordOptions> options,
    TimeProvider time,
    ILogger<SupportPanelCommand> logger) : ICommandHandler
{
    public const string PanelSubcommand = "panel";

    public IReadOnlyList<string> Commands { get; } = [SupportCommands.Support];

    public async Task HandleAsync(Interaction interaction, ApplicationCommandData command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(command);
        if (!(await roles.OfAsync(interaction, cancellationToken)).IsStaff)
        {
            await rest.RespondAsync(interaction, SupportRoles.Refusal(languages.For(interaction), TextIds.StaffAction.PostPanel), cancellationToken);
            return;
        }

        if (command.SubcommandName != PanelSubcommand)
        {
            await rest.RespondAsync(interaction, Replies.NotHandled(interaction, languages.For(interaction)), cancellationToken);
            return;
        }

        var channelId = command.GetOption("channel")?.AsString() is { } chosen && ulong.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : interaction.ChannelId ?? throw new InvalidOperationException("A slash command always comes from a channel.");
        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);

        var guildId = options.Value.GuildId;
        var stored = await locations.GetAsync(guildId, cancellationToken);
        var placement = PanelPlacement.Decide(stored, channelId);
        // Everyone in the channel reads the panel: it is in the server's language (Support:StaffLocale, else the guild's).
        var panel = PanelMessages.Panel(panels.For(languages.StaffLocale));
        var texts = languages.For(interaction);
        var channel = string.Create(CultureInfo.InvariantCulture, $"<#{channelId}>");
        string answer;
        if (placement.EditMessageId is { } existing && await TryEditAsync(channelId, existing, panel, cancellationToken))
        {
            answer = texts.Get(TextIds.PanelPost.Updated, ("channel", channel));
        }
        else
        {
            var posted = await rest.CreateMessageAsync(channelId, panel, cancellationToken);
            await locations.SaveAsync(new PanelLocation(guildId, channelId, posted.Id, time.GetUtcNow()), cancellationToken);
            if ((placement.Replaces ?? (placement.EditMessageId is not null ? stored : null)) is { } old)
            {
                await TryDeleteAsync(old, cancellationToken);
            }

            answer = texts.Get(placement.Replaces is null ? TextIds.PanelPost.Posted : TextIds.PanelPost.Moved, ("channel", channel));
        }

        LogPanel(logger, interaction.User.Id, channelId);
        await rest.EditOriginalResponseAsync(interaction, MessagePayload.Text(answer, ephemeral: true), cancellationToken);
    }

    private async Task<bool> TryEditAsync(ulong channelId, ulong messageId, MessagePayload panel, CancellationToken cancellationToken)
    {
        try
        {
            await rest.EditMessageAsync(channelId, messageId, panel, cancellationToken);
            return true;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.UnknownMessage)
        {
            // Someone deleted the panel: post a new one.
            return false;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.InvalidFormBody)
        {
            // Discord refused this layout on that message: a new one is posted and the old one deleted, as when the panel
            // moves. (A panel an older version posted as an embed is not refused: the V2 edit clears its embed.)
            LogReplaced(logger, messageId);
            return false;
        }
    }

    private async Task TryDeleteAsync(PanelLocation old, CancellationToken cancellationToken)
    {
        try
        {
            // The reason shows in the server's audit log, which the server's admins read: the staff language.
            await rest.DeleteMessageAsync(old.ChannelId, old.MessageId, languages.Staff.Get(TextIds.PanelMove.DeleteReason), cancellationToken);
        }
        catch (DiscordRestException ex) when (ex.Code is DiscordErrorCodes.UnknownMessage or DiscordErrorCodes.UnknownChannel)
        {
            // Already gone.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The support panel {MessageId} could not be edited into the current layout; a new one replaces it")]
    private static partial void LogReplaced(ILogger logger, ulong messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Support panel placed in channel {ChannelId} by {UserId}")]
    private static partial void LogPanel(ILogger logger, ulong userId, ulong channelId);
}

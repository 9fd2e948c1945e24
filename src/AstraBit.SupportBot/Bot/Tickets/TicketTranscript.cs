using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>
/// Gathers what a closed ticket's transcript shows — the thread's messages as Discord has them, and the ticket's
/// entries in the audit log — and translates Discord's messages into the words <see cref="HtmlTranscriptBuilder"/>
/// renders: embeds, Components V2 content, forwards and attachment names.
/// </summary>
public static class TicketTranscript
{
    // At most this many pages of 100 messages are read; past that the oldest are left out and the file says so.
    private const int Pages = 25;

    // The member's audit entries read to find this ticket's; a member's tickets rarely hold more staff actions.
    private const int AuditEntries = 500;

    /// <summary>The transcript of <paramref name="ticket"/>, its words in <paramref name="texts"/>' language (the staff language: the log channel's readers).</summary>
    public static async Task<HtmlTranscript> BuildAsync(DiscordRestClient rest, IAuditLog audit, Ticket ticket, LocaleTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(texts);
        var (messages, olderNotRead) = ticket.ThreadId is { } thread ? await ReadAsync(rest, ticket, thread, texts, cancellationToken) : ([], false);
        var entries = await audit.ForMemberAsync(ticket.MemberId, AuditEntries, cancellationToken);
        return HtmlTranscriptBuilder.Build(ticket, messages, [.. entries.Where(e => e.TicketNumber == ticket.Number)], texts, olderNotRead);
    }

    /// <summary>The message as the transcript shows it; the bot and an author Discord didn't name are called so in <paramref name="texts"/>' language.</summary>
    public static TranscriptMessage From(Ticket ticket, DiscordMessage message, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(texts);
        var author = message.Author;
        var name = author is null ? texts.Get(TextIds.Transcript.Unknown) : author.IsBot ? texts.Get(TextIds.Transcript.BotName) : author.GlobalName ?? author.Username;

        // Only the member and staff can be in a ticket's private thread, so anyone else who isn't the bot is staff.
        var isStaff = author is { IsBot: false } && author.Id != ticket.MemberId;
        return new TranscriptMessage(name, author?.Id ?? 0, isStaff, message.Timestamp ?? DateTimeOffset.MinValue, message.Content, IsBot: author?.IsBot ?? false)
        {
            Attachments = [.. message.Attachments.Select(a => a.FileName)],
            Blocks = [.. message.Embeds.Select(Embed), .. message.Components.Select(Component), .. message.Forwarded.Select(Forward)],
        };
    }

    private static async Task<(List<TranscriptMessage> Messages, bool OlderNotRead)> ReadAsync(DiscordRestClient rest, Ticket ticket, ulong thread, LocaleTexts texts, CancellationToken cancellationToken)
    {
        var all = new List<DiscordMessage>();
        ulong? before = null;
        var more = false;
        for (var page = 0; page < Pages; page++)
        {
            var batch = await rest.GetChannelMessagesAsync(thread, 100, before, cancellationToken);
            all.AddRange(batch);
            more = batch.Count == 100;
            if (!more)
            {
                break;
            }

            before = batch.Min(m => m.Id);
        }

        return ([.. all.OrderBy(m => m.Id).Select(m => From(ticket, m, texts))], more);
    }

    private static TranscriptBlock Embed(ReceivedEmbed embed)
    {
        List<TranscriptBlock> children = [];
        if (embed.Author is { Length: > 0 } author)
        {
            children.Add(new TranscriptBlock(TranscriptBlockKind.Note, author));
        }

        if (embed.Description is { Length: > 0 } description)
        {
            children.Add(new TranscriptBlock(TranscriptBlockKind.Text, description));
        }

        children.AddRange(embed.Fields.Select(f => new TranscriptBlock(TranscriptBlockKind.Field, f.Name) { Children = [new TranscriptBlock(TranscriptBlockKind.Text, f.Value)] }));
        if (embed.Footer is { Length: > 0 } footer)
        {
            children.Add(new TranscriptBlock(TranscriptBlockKind.Note, footer));
        }

        return new TranscriptBlock(TranscriptBlockKind.Embed, embed.Title ?? "") { Children = children, Color = embed.Color };
    }

    private static TranscriptBlock Component(ReceivedComponent component)
    {
        var text = component.Text ?? "";
        var kind = component.Type switch
        {
            ReceivedComponent.TextDisplayType => TranscriptBlockKind.Text,
            ReceivedComponent.ContainerType => TranscriptBlockKind.Container,
            ReceivedComponent.SeparatorType => TranscriptBlockKind.Separator,
            ReceivedComponent.ThumbnailType => TranscriptBlockKind.Media,
            ReceivedComponent.FileType => TranscriptBlockKind.File,
            ReceivedComponent.SectionType or ReceivedComponent.ActionRowType or ReceivedComponent.MediaGalleryType => TranscriptBlockKind.Section,

            // Buttons and every kind of select: shown by label, never clickable.
            _ => TranscriptBlockKind.Control,
        };
        return new TranscriptBlock(kind, text) { Children = [.. component.Children.Select(Component)], Color = component.AccentColor };
    }

    private static TranscriptBlock Forward(Discord.Gateway.MessageSnapshot snapshot) =>
        new(TranscriptBlockKind.Forwarded, snapshot.Content)
        {
            Children = [.. snapshot.Attachments.Select(a => new TranscriptBlock(TranscriptBlockKind.File, a.FileName))],
        };
}

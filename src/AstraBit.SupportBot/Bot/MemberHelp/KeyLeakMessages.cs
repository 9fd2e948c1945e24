using System.Globalization;
using AstraBit.SupportBot.Core.Text;

namespace AstraBit.SupportBot.Bot.MemberHelp;

/// <summary>How a secret reached the channel; the guard names it to the member and in the audit log, never the text.</summary>
public enum LeakSource
{
    /// <summary>A new message's text.</summary>
    Message,

    /// <summary>An edit that put the secret into a message (MESSAGE_UPDATE).</summary>
    Edit,

    /// <summary>A forwarded message's text (message_snapshots).</summary>
    Forward,

    /// <summary>A small text file attached to the message (or to the message it forwards).</summary>
    Attachment,
}

/// <summary>
/// What the key-leak guard says: to the member in their language (the warning, the channel notice), to staff in theirs
/// (the ticket's note). None of it ever holds the leaked text: only ids and the masked key.
/// </summary>
public static class KeyLeakMessages
{
    public static string Warning(string? maskedKey, bool deleted, bool inDm, LeakSource source, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var what = (source, inDm, deleted) switch
        {
            (LeakSource.Message, true, _) => TextIds.KeyLeak.InDm,
            (LeakSource.Message, _, true) => TextIds.KeyLeak.Deleted,
            (LeakSource.Message, _, _) => TextIds.KeyLeak.NotDeleted,
            (LeakSource.Edit, true, _) => TextIds.KeyLeak.EditInDm,
            (LeakSource.Edit, _, true) => TextIds.KeyLeak.EditDeleted,
            (LeakSource.Edit, _, _) => TextIds.KeyLeak.EditNotDeleted,
            (LeakSource.Forward, true, _) => TextIds.KeyLeak.ForwardInDm,
            (LeakSource.Forward, _, true) => TextIds.KeyLeak.ForwardDeleted,
            (LeakSource.Forward, _, _) => TextIds.KeyLeak.ForwardNotDeleted,
            (_, true, _) => TextIds.KeyLeak.AttachmentInDm,
            (_, _, true) => TextIds.KeyLeak.AttachmentDeleted,
            _ => TextIds.KeyLeak.AttachmentNotDeleted,
        };
        var key = maskedKey is null ? member.Get(TextIds.KeyLeak.UnknownKey) : member.Get(TextIds.KeyLeak.TheKey, ("key", maskedKey));
        return member.Get(what) + "\n\n" + member.Get(TextIds.KeyLeak.WhatToDo, ("key", key));
    }

    public static string ChannelNotice(ulong memberId, bool deleted, LocaleTexts member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Get(deleted ? TextIds.KeyLeak.ChannelNoticeDeleted : TextIds.KeyLeak.ChannelNotice, ("member", Mention(memberId)));
    }

    public static string TicketNote(ulong memberId, ulong channelId, string? maskedKey, bool deleted, LeakSource source, LocaleTexts staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.Get(
            TextIds.KeyLeak.TicketNote,
            ("member", Mention(memberId)),
            ("where", source switch
            {
                LeakSource.Message => string.Empty,
                LeakSource.Edit => staff.Get(TextIds.KeyLeak.WhereEdit),
                LeakSource.Forward => staff.Get(TextIds.KeyLeak.WhereForward),
                _ => staff.Get(TextIds.KeyLeak.WhereAttachment),
            }),
            ("key", maskedKey is null ? string.Empty : staff.Get(TextIds.KeyLeak.TicketNoteKey, ("key", maskedKey))),
            ("channel", "<#" + Id(channelId) + ">"),
            ("what", staff.Get(deleted ? TextIds.KeyLeak.TicketNoteDeleted : TextIds.KeyLeak.TicketNoteAsked)));
    }

    private static string Mention(ulong id) => "<@" + Id(id) + ">";

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}

namespace AstraBit.SupportBot.Core.Panel;

/// <summary>Where the server's support panel was posted, so `/support panel` edits it instead of posting a second one.</summary>
public sealed record PanelLocation(ulong GuildId, ulong ChannelId, ulong MessageId, DateTimeOffset PostedAt);

/// <summary>The panel's location per server. Storage implements it (LitePanelStore).</summary>
public interface IPanelLocationStore
{
    Task<PanelLocation?> GetAsync(ulong guildId, CancellationToken cancellationToken = default);

    /// <summary>Records where the panel now is, replacing what was recorded for that server.</summary>
    Task SaveAsync(PanelLocation location, CancellationToken cancellationToken = default);

    /// <summary>Forgets the server's panel (it was deleted in Discord); false when none was recorded.</summary>
    Task<bool> DeleteAsync(ulong guildId, CancellationToken cancellationToken = default);
}

/// <summary>What `/support panel [channel]` does: edit the panel where it is, or post a new one (and remove the old one).</summary>
public sealed record PanelPlacement(ulong ChannelId, ulong? EditMessageId, PanelLocation? Replaces)
{
    /// <summary>
    /// The panel already in <paramref name="channelId"/> is edited in place. Asked for another channel, a new panel is
    /// posted there and the old one is named in <see cref="Replaces"/> so it can be deleted: one panel per server.
    /// If the edit finds the message gone (Discord 10008), post anew with <see cref="Post"/>.
    /// </summary>
    public static PanelPlacement Decide(PanelLocation? existing, ulong channelId) =>
        existing is not null && existing.ChannelId == channelId
            ? new PanelPlacement(channelId, existing.MessageId, null)
            : new PanelPlacement(channelId, null, existing);

    public static PanelPlacement Post(ulong channelId) => new(channelId, null, null);
}

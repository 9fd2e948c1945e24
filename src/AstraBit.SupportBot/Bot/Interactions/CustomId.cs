namespace AstraBit.SupportBot.Bot.Interactions;

/// <summary>Which message a button, select or form may act on, declared by its typed id and enforced by the router.</summary>
public enum IdSurface
{
    /// <summary>Answers with a new private reply, a form or a ticket action; never changes the message it is on.</summary>
    Anywhere,

    /// <summary>
    /// Edits the message it is on in place (Discord's UPDATE_MESSAGE), so it is only honoured on a message that is
    /// the clicker's alone (ephemeral, or in their DM) or one the bot put that very id on: a forged id on the public
    /// support panel must not replace the panel for everyone.
    /// </summary>
    OwnMessage,
}

/// <summary>A parsed custom_id of one prefix: what was clicked, as typed values. <c>Build()</c> gives the wire string.</summary>
public interface ICustomId
{
    /// <summary>Where this id may act (<see cref="IdSurface"/>).</summary>
    IdSurface Surface { get; }

    /// <summary>The custom_id string, as Discord carries it.</summary>
    string Build();
}

/// <summary>
/// A typed custom_id: one prefix, built and parsed in one place (the type itself), routed to the one handler that takes
/// it (<see cref="IComponentHandler{TId}"/>).
/// </summary>
public interface ICustomId<TSelf> : ICustomId
    where TSelf : class, ICustomId<TSelf>
{
    /// <summary>The first part of every id of this type; the router picks the handler by it.</summary>
    static abstract string Prefix { get; }

    /// <summary>
    /// Other "prefix:action" pairs this type reads because an older version of the bot sent them under another prefix
    /// (buttons and forms on messages that still stand); the router sends them here, ahead of that prefix's owner.
    /// </summary>
    static virtual IReadOnlyList<string> LegacyRoutes => [];

    /// <summary>The typed id, or null when <paramref name="id"/> is not one of this type's (unknown action, bad argument).</summary>
    static abstract TSelf? TryParse(ComponentId id);
}

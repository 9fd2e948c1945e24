using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// How a key check from one way in (<typeparamref name="TOrigin"/>) is acknowledged, answered and delivered. Everything
/// else (the form, the input check, the in-flight record, the check, reminders, the ticket) is the same for every way in
/// and belongs to <see cref="KeyCheckStart{TOrigin}"/> and <see cref="KeyCheckRun{TOrigin}"/>. A presenter takes the
/// services it needs in its constructor and is registered once (<see cref="KeyCheckServices"/>).
/// </summary>
public abstract class KeyCheckPresenter<TOrigin>(DiscordRestClient rest)
    where TOrigin : KeyCheckOrigin
{
    /// <summary>Its name in logs and in-flight records, and how the member runs the check again.</summary>
    public abstract KeyCheckEntry Entry { get; }

    protected DiscordRestClient Rest { get; } = rest;

    /// <summary>Acknowledges the interaction within Discord's 3 seconds; by default a private "thinking" reply.</summary>
    public virtual Task AcknowledgeAsync(Interaction interaction, CancellationToken cancellationToken) =>
        Rest.DeferAsync(interaction, ephemeral: true, cancellationToken);

    /// <summary>The origin as it stands when the check runs, in the background (a moderator's request may be answered by then).</summary>
    public virtual TOrigin Resolve(Interaction interaction, TOrigin origin) => origin;

    /// <summary>
    /// The member's walkthrough progress as the check sees it (<paramref name="stored"/>, read once per check): the site
    /// it is checked on and where the member is, for a ticket's card. Nothing is saved here.
    /// </summary>
    public virtual WalkthroughProgress? ProgressAtCheck(Interaction interaction, TOrigin origin, WalkthroughProgress? stored) => stored;

    /// <summary>The member's answer.</summary>
    public abstract Task<MessagePayload> RenderAsync(KeyCheckOutcome<TOrigin> outcome, CancellationToken cancellationToken);

    /// <summary>
    /// Shows <paramref name="message"/>; by default it replaces the "thinking" reply. <paramref name="outcome"/> is null
    /// when the check broke and <paramref name="message"/> says so.
    /// </summary>
    public virtual Task DeliverAsync(Interaction interaction, MessagePayload message, KeyCheckOutcome<TOrigin>? outcome, CancellationToken cancellationToken) =>
        Rest.EditOriginalResponseAsync(interaction, message, cancellationToken);
}

/// <summary>What a presenter answers.</summary>
/// <param name="Interaction">The interaction acknowledged for the check.</param>
/// <param name="Origin">The origin as <see cref="KeyCheckPresenter{TOrigin}.Resolve"/> left it.</param>
/// <param name="Progress">The member's progress as the check saw it (<see cref="KeyCheckPresenter{TOrigin}.ProgressAtCheck"/>).</param>
/// <param name="Result">What came of the check.</param>
/// <param name="Ticket">Where the result went for staff, when it went anywhere.</param>
public sealed record KeyCheckOutcome<TOrigin>(Interaction Interaction, TOrigin Origin, WalkthroughProgress? Progress, KeyCheckResult Result, CheckTicketOutcome? Ticket)
    where TOrigin : KeyCheckOrigin
{
    public ulong MemberId => Interaction.User.Id;
}

/// <summary>A way into the key check as members and logs know it.</summary>
/// <param name="Name">For logs and in-flight records: "/diagnose", "panel", "walkthrough", "ticket", "requested".</param>
/// <param name="TryAgainId">The text saying how to open the form again, e.g. "Run `/diagnose` again" (<see cref="TextIds.KeyCheck"/>).</param>
public sealed record KeyCheckEntry(string Name, string TryAgainId)
{
    public static KeyCheckEntry Command { get; } = new("/diagnose", TextIds.KeyCheck.TryAgainCommand);

    public static KeyCheckEntry Panel { get; } = new("panel", TextIds.KeyCheck.TryAgainPanel);

    public static KeyCheckEntry Walkthrough { get; } = new("walkthrough", TextIds.KeyCheck.TryAgainWalkthrough);

    public static KeyCheckEntry Ticket { get; } = new("ticket", TextIds.KeyCheck.TryAgainTicket);

    public static KeyCheckEntry Requested { get; } = new("requested", TextIds.KeyCheck.TryAgainRequested);

    public static IReadOnlyList<KeyCheckEntry> All { get; } = [Command, Panel, Walkthrough, Ticket, Requested];

    /// <summary>The entry named <paramref name="name"/>; null for a name this version doesn't know.</summary>
    public static KeyCheckEntry? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}

using AstraBit.SupportBot.Core.Diagnostics;

namespace AstraBit.SupportBot.Core.KeyChecks;

/// <summary>
/// A key check a member was told is running ("thinking…") and has not been answered yet. Kept so that a bot killed
/// mid-check can still answer the member after a restart, while Discord accepts the interaction's token. Holds the
/// means to edit that one reply and, once the check completed, its result; never the key or the secret.
/// </summary>
/// <param name="InteractionId">The interaction the member's reply belongs to; one record per interaction.</param>
/// <param name="ApplicationId">The bot's application, part of the edit's address.</param>
/// <param name="Token">The interaction's token, valid until <paramref name="ExpiresAt"/>; never logged.</param>
/// <param name="ExpiresAt">When Discord stops accepting the token (15 minutes after the interaction).</param>
/// <param name="MemberId">Whose check it is.</param>
/// <param name="Origin">Which way into the check it came by ("/diagnose", "walkthrough", …), for how to run it again.</param>
/// <param name="RecordedAt">When the running bot recorded it: a restarted bot answers only what an earlier process left.</param>
public sealed record InFlightCheck(
    ulong InteractionId,
    ulong ApplicationId,
    string Token,
    DateTimeOffset ExpiresAt,
    ulong MemberId,
    string Origin,
    DateTimeOffset RecordedAt)
{
    /// <summary>The completed check's report (the key masked), saved before the answer was delivered; null until then.</summary>
    public DiagnosticReport? Result { get; init; }

    // The token is an address that works for 15 minutes; keep it out of anything that prints the record.
    public override string ToString() => $"in-flight check {InteractionId} of member {MemberId} ({Origin})";
}

/// <summary>The in-flight key checks (<see cref="InFlightCheck"/>): a handful at a time, each removed once answered or expired.</summary>
public interface IInFlightCheckStore
{
    Task AddAsync(InFlightCheck check, CancellationToken cancellationToken = default);

    /// <summary>Saves the completed check's report with its record; nothing when the record is gone.</summary>
    Task SetResultAsync(ulong interactionId, DiagnosticReport result, CancellationToken cancellationToken = default);

    Task RemoveAsync(ulong interactionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InFlightCheck>> AllAsync(CancellationToken cancellationToken = default);
}

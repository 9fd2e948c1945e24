using System.Collections.Concurrent;

namespace AstraBit.SupportBot.Bot.Moderation;

/// <summary>A moderator's (or staff member's) request that a member run the key check.</summary>
/// <param name="MemberId">The member asked.</param>
/// <param name="ModeratorId">Who asked.</param>
/// <param name="ModeratorName">Who asked, as the member reads it in the prompt.</param>
/// <param name="RequestedAt">When (UTC).</param>
public sealed record CheckRequest(ulong MemberId, ulong ModeratorId, string ModeratorName, DateTimeOffset RequestedAt);

/// <summary>
/// Pending check requests, one per member (a newer request replaces the older one), kept in memory only: a
/// restart forgets them. That loses little: the member's "Run the check" button still runs the check, only the
/// staff post is skipped, and the audit log (LiteDB) still says who asked whom and when.
/// </summary>
public sealed class CheckRequests(TimeProvider clock)
{
    private readonly ConcurrentDictionary<ulong, CheckRequest> pending = new();

    public CheckRequest Add(ulong memberId, ulong moderatorId, string moderatorName)
    {
        var request = new CheckRequest(memberId, moderatorId, moderatorName, clock.GetUtcNow());
        pending[memberId] = request;
        return request;
    }

    public CheckRequest? Find(ulong memberId) => pending.GetValueOrDefault(memberId);

    /// <summary>Removes and returns the member's pending request: the check it asked for has run.</summary>
    public CheckRequest? Take(ulong memberId) => pending.TryRemove(memberId, out var request) ? request : null;

    /// <summary>
    /// Withdraws <paramref name="request"/> if it is still the member's pending one (its prompt never reached them),
    /// putting back the request it replaced, whose prompt the member may still answer.
    /// </summary>
    public void Withdraw(CheckRequest request, CheckRequest? replaced)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (replaced is null)
        {
            pending.TryRemove(new KeyValuePair<ulong, CheckRequest>(request.MemberId, request));
        }
        else
        {
            pending.TryUpdate(request.MemberId, replaced, request);
        }
    }
}

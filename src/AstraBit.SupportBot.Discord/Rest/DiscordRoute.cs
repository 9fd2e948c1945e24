namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>
/// One REST call: the template identifies the rate-limit route, the major parameter (channel, guild,
/// webhook/interaction) splits a bucket per resource, the path is what is requested. Repeatable marks a POST that
/// can be sent twice without a second effect (an interaction callback is refused with 40060 the second time; opening
/// a DM returns the same channel); GET, PUT, PATCH and DELETE are repeatable by nature. <paramref name="SingleUse"/>
/// marks a route that takes one request per major parameter (an interaction's callback): there is no bucket to
/// learn or share for it, so the rate limiter keeps no state for it unless a 429 asks it to wait.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Major, string Path, bool ExemptFromGlobal = false, bool Repeatable = false, bool SingleUse = false)
{
    public string RouteKey => Method.Method + " " + Template;

    /// <summary>
    /// Whether a request that may have reached Discord can be sent again: a 5xx or a dropped connection does not say
    /// whether a POST took effect, and sending a message twice posts it twice.
    /// </summary>
    public bool SafeToRepeat => Repeatable || Method != HttpMethod.Post;
}

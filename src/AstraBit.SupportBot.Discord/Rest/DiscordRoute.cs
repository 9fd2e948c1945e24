namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>
/// One REST call: the template identifies the rate-limit route, the major parameter (channel, guild,
/// webhook/interaction) splits a bucket per resource, the path is what is requested. <paramref name="SingleUse"/>
/// marks a route that takes one request per major parameter (an interaction's callback): there is no bucket to
/// learn or share for it, so the rate limiter keeps no state for it unless a 429 asks it to wait.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Major, string Path, bool ExemptFromGlobal = false, bool SingleUse = false)
{
    public string RouteKey => Method.Method + " " + Template;
}

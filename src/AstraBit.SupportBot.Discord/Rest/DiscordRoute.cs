namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>
/// One REST call: the template identifies the rate-limit route, the major parameter (channel, guild,
/// webhook/interaction) splits a bucket per resource, the path is what is requested.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Major, string Path, bool ExemptFromGlobal = false)
{
    public string RouteKey => Method.Method + " " + Template;
}

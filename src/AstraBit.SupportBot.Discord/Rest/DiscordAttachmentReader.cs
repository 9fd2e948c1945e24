using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AstraBit.SupportBot.Discord.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Discord.Rest;

/// <summary>How reading an attachment ended.</summary>
public enum AttachmentReadStatus
{
    /// <summary>The file was read; <see cref="AttachmentRead.Text"/> holds it.</summary>
    Read,

    /// <summary>Its URL is not on Discord's attachment hosts or the configured API's own origin: nothing was requested.</summary>
    HostNotAllowed,

    /// <summary>It is larger than the limit: by its size (nothing requested), its Content-Length, or what arrived (reading stopped at the limit).</summary>
    TooLarge,

    /// <summary>The request failed, timed out, was answered with an error or a redirect (never followed).</summary>
    Failed,
}

/// <summary>What reading an attachment gave: its text, or why there is none (<see cref="Problem"/> names no URL).</summary>
public sealed record AttachmentRead(AttachmentReadStatus Status, string? Text, string? Problem)
{
    public bool Succeeded => Status == AttachmentReadStatus.Read;

    /// <summary>The file's bytes, when it was read with <see cref="DiscordAttachmentReader.ReadBytesAsync"/>.</summary>
    public ReadOnlyMemory<byte>? Bytes { get; init; }
}

/// <summary>
/// Reads small text attachments of received messages. Only from Discord's attachment hosts
/// (<c>https://cdn.discordapp.com</c>, <c>https://media.discordapp.net</c>) or the origin of
/// <see cref="DiscordClientOptions.ApiBaseUrl"/> (an emulator serves attachments from its own host); any other URL is
/// refused without a request. Redirects are never followed; the bot token is never sent (the attachment hosts don't
/// need it); the size is checked before the request, against the response's Content-Length, and while reading, which
/// stops at the limit.
/// </summary>
public sealed class DiscordAttachmentReader(HttpClient http, IOptions<DiscordClientOptions> options)
{
    /// <summary>The hosts Discord serves message attachments from.</summary>
    public static readonly IReadOnlyList<string> AttachmentHosts = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>How long one attachment may take, headers and body together.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>True when <paramref name="url"/> is on Discord's attachment hosts (https) or the configured API's origin.</summary>
    public bool IsAllowed(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }

        if (url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort
            && AttachmentHosts.Any(host => string.Equals(url.IdnHost, host, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var api = options.Value.ApiBaseUrl;
        return string.Equals(url.Scheme, api.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(url.IdnHost, api.IdnHost, StringComparison.OrdinalIgnoreCase)
            && url.Port == api.Port;
    }

    /// <summary>
    /// Reads <paramref name="attachment"/> as text (UTF-8, or what its byte-order mark says) when it is at most
    /// <paramref name="maxBytes"/> long and on an allowed host. Never throws for what the network or the file does.
    /// </summary>
    public async Task<AttachmentRead> ReadTextAsync(MessageAttachment attachment, int maxBytes, CancellationToken cancellationToken)
    {
        var read = await ReadBytesAsync(attachment, maxBytes, cancellationToken).ConfigureAwait(false);
        if (read.Bytes is not { } bytes)
        {
            return read;
        }

        using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return new AttachmentRead(AttachmentReadStatus.Read, await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>
    /// Reads <paramref name="attachment"/>'s bytes (a screenshot from a form's upload, say) under the same rules as
    /// <see cref="ReadTextAsync"/>: allowed hosts only, at most <paramref name="maxBytes"/>, no redirects, never throws for
    /// what the network or the file does.
    /// </summary>
    public async Task<AttachmentRead> ReadBytesAsync(MessageAttachment attachment, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (!IsAllowed(attachment.Url))
        {
            return new AttachmentRead(AttachmentReadStatus.HostNotAllowed, null, "its URL is not on Discord's attachment hosts");
        }

        if (attachment.Size > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // HttpClient's own timeout ends at the headers; this one also covers a body that trickles in.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        var token = deadline.Token;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, attachment.Url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var status = (int)response.StatusCode;
                return new AttachmentRead(
                    AttachmentReadStatus.Failed,
                    null,
                    status is >= 300 and < 400 ? $"answered with a redirect (HTTP {status}), which is not followed" : $"answered HTTP {status}");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[Math.Min(maxBytes + 1, Math.Max(attachment.Size + 1, 16 * 1024))];
                var length = 0;
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > maxBytes)
                        {
                            return TooLarge(maxBytes);
                        }

                        Array.Resize(ref buffer, Math.Min(maxBytes + 1, buffer.Length * 2));
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                if (length > maxBytes)
                {
                    return TooLarge(maxBytes);
                }

                return new AttachmentRead(AttachmentReadStatus.Read, null, null) { Bytes = buffer.AsMemory(0, length) };
            }
        }
        catch (HttpRequestException ex)
        {
            return new AttachmentRead(AttachmentReadStatus.Failed, null, "could not be fetched: " + ex.HttpRequestError);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttachmentRead(AttachmentReadStatus.Failed, null, "timed out");
        }
        catch (IOException ex)
        {
            return new AttachmentRead(AttachmentReadStatus.Failed, null, "the connection broke while reading: " + ex.GetType().Name);
        }
    }

    private static AttachmentRead TooLarge(int maxBytes) =>
        new(AttachmentReadStatus.TooLarge, null, $"it is larger than {maxBytes} bytes");
}

/// <summary>Registers <see cref="DiscordAttachmentReader"/>.</summary>
public static class DiscordAttachmentServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DiscordAttachmentReader"/> over its own HttpClient: no redirects, no cookies, no default headers
    /// (so never the bot token), no request logging. Expects <c>IOptions&lt;DiscordClientOptions&gt;</c> to be bound.
    /// </summary>
    public static IServiceCollection AddDiscordAttachments(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DiscordClientOptions>();
        services.AddHttpClient(nameof(DiscordAttachmentReader), client => client.Timeout = DiscordAttachmentReader.Timeout)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 8,
            })
            .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.TryAddSingleton(sp => new DiscordAttachmentReader(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DiscordAttachmentReader)),
            sp.GetRequiredService<IOptions<DiscordClientOptions>>()));
        return services;
    }
}

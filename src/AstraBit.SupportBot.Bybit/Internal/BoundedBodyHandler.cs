using System.Buffers;

namespace AstraBit.SupportBot.Bybit.Internal;

/// <summary>
/// Reads the whole response body inside the attempt, so the per-attempt timeout (which cancels this handler's
/// token) covers the body as well as the headers: a server that sends headers and then trickles the body is cut
/// off like one that never answers. Bodies above the cap are refused as soon as the cap is crossed, unread.
/// </summary>
internal sealed class BoundedBodyHandler(int maxBytes) : DelegatingHandler
{
    private const int ChunkSize = 16 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new BybitResponseTooLargeException(maxBytes);
            }

            var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            buffered.Headers.ContentLength = body.Length;
            response.Content.Dispose();
            response.Content = buffered;
            return response;
        }
        catch
        {
            // Disposing aborts the connection's body, so an oversized or stalled answer isn't drained.
            response.Dispose();
            throw;
        }
    }

    private async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        throw new BybitResponseTooLargeException(maxBytes);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }
    }
}

/// <summary>A response body above Bybit:MaxResponseBytes; never retried.</summary>
internal sealed class BybitResponseTooLargeException(int maxBytes)
    : Exception($"The response was larger than {maxBytes} bytes.")
{
    public int MaxBytes { get; } = maxBytes;
}

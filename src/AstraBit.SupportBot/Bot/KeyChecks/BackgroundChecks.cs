using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AstraBit.SupportBot.Bot.KeyChecks;

/// <summary>
/// Runs key checks (<see cref="KeyCheckRun{TOrigin}"/>) after their interaction was acknowledged, each in its own DI scope and off the gateway's
/// handler slots: a check can wait seconds for room in the Bybit budget, and while it waits the next
/// member's interaction must still be acknowledged within Discord's 3 seconds. On shutdown the checks
/// still running are cancelled and awaited.
/// </summary>
public sealed partial class BackgroundChecks(IServiceScopeFactory scopes, ILogger<BackgroundChecks> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<long, Task> running = new();
    private long next;

    /// <summary>How many checks are running or waiting for the Bybit budget right now.</summary>
    public int Running => running.Count;

    /// <summary>
    /// Starts <paramref name="work"/> on a <typeparamref name="TWork"/> built in a fresh scope (the one place a background
    /// check's services are resolved, as the router does for an interaction's handler), with the bot's stopping token.
    /// </summary>
    public void Start<TWork>(string what, Func<TWork, CancellationToken, Task> work)
        where TWork : notnull
    {
        ArgumentNullException.ThrowIfNull(work);
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        var id = Interlocked.Increment(ref next);
        running[id] = Task.Run(
            async () =>
            {
                try
                {
                    var scope = scopes.CreateAsyncScope();
                    await using (scope.ConfigureAwait(false))
                    {
                        await work(scope.ServiceProvider.GetRequiredService<TWork>(), stopping.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                }
                catch (Exception ex)
                {
                    LogFailed(logger, what, ex);
                }
                finally
                {
                    running.TryRemove(id, out _);
                }
            },
            CancellationToken.None);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running.Values).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work {What} failed")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}

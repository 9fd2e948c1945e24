using Microsoft.Extensions.Hosting;

namespace AstraBit.SupportBot.Discord.Tests.Gateway;

internal sealed class FakeLifetime : IHostApplicationLifetime
{
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken ApplicationStarted => CancellationToken.None;

    public CancellationToken ApplicationStopping => CancellationToken.None;

    public CancellationToken ApplicationStopped => CancellationToken.None;

    public int StopCalls { get; private set; }

    public Task StopRequested => _stopRequested.Task;

    public void StopApplication()
    {
        StopCalls++;
        _stopRequested.TrySetResult();
    }
}

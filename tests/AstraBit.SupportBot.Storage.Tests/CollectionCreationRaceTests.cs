using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Storage.Languages;

namespace AstraBit.SupportBot.Storage.Tests;

/// <summary>
/// LiteDB makes a collection on its first write. A read of that collection at the same moment can meet the new page
/// before it is committed ("page type must be collection page"), and LiteDB then refuses every later call on the file
/// until it is reopened: a bot that looks alive and serves nobody. A bot's first members do exactly this — one stores
/// its language while another's is looked up — so the data file must hold every collection before anyone reads.
/// </summary>
public sealed class CollectionCreationRaceTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task NewFile_FirstWritesRaceReadsOfTheSameCollections_EveryCallSucceedsAndTheFileStaysUsable()
    {
        for (var round = 0; round < 40; round++)
        {
            using var database = new SupportDatabase(folder.File($"race-{round}.db"));
            var locales = new LiteMemberLocaleStore(database);
            var inFlight = new LiteInFlightCheckStore(database);
            using var start = new ManualResetEventSlim();

            var readers = Enumerable.Range(0, 3).Select(reader => Task.Run(async () =>
            {
                start.Wait();
                for (var i = 0; i < 200; i++)
                {
                    await locales.GetAsync((ulong)(1000 + reader));
                    await inFlight.AllAsync();
                }
            }));
            var writer = Task.Run(async () =>
            {
                start.Wait();
                await locales.SetAsync(7, "es-ES", DateTimeOffset.UnixEpoch);
                await inFlight.AddAsync(new InFlightCheck(9, 1, "token", DateTimeOffset.UnixEpoch.AddMinutes(15), 7, "command", DateTimeOffset.UnixEpoch));
            });
            start.Set();
            await Task.WhenAll([.. readers, writer]);

            Assert.Equal("es-ES", await locales.GetAsync(7));
            await locales.SetAsync(8, "de", DateTimeOffset.UnixEpoch);
            Assert.Equal("de", await locales.GetAsync(8));
        }
    }

    public void Dispose() => folder.Dispose();
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.Tickets;

namespace AstraBit.SupportBot.Tests.Hosting;

/// <summary>A data file written by the bot's stores, then one of its pages damaged as a failing disk would.</summary>
internal static class DamagedDataFile
{
    public const int PageSize = 8192;

    /// <summary>LiteDB 5's page types (byte 4 of each page).</summary>
    public const byte IndexPage = 3;
    public const byte DataPage = 4;

    /// <summary>Writes a data file with tickets at <paramref name="path"/> and returns the number of the first page of <paramref name="type"/>.</summary>
    public static async Task<long> WriteAsync(string path, byte type)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var database = new SupportDatabase(path))
        {
            var tickets = new LiteTicketStore(database);
            for (ulong member = 1; member <= 30; member++)
            {
                await tickets.GetOpenOrCreateAsync(member, n => new Ticket(n, member, TicketOrigin.Command, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), null));
            }
        }

        var bytes = await File.ReadAllBytesAsync(path);
        for (long page = 1; page < bytes.Length / PageSize; page++)
        {
            if (bytes[(page * PageSize) + 4] == type)
            {
                return page;
            }
        }

        throw new InvalidOperationException($"the written file has no page of type {type}");
    }

    /// <summary>Zeroes the page, or only what follows its 32-byte header (the damage a page check can't see).</summary>
    public static void Zero(string path, long page, bool keepHeader)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        var from = keepHeader ? 32 : 0;
        stream.Position = (page * PageSize) + from;
        stream.Write(new byte[PageSize - from]);
    }

    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public static uint PageIdAt(byte[] bytes, long page) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)(page * PageSize)));
}

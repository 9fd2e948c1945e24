using System.Globalization;
using AstraBit.SupportBot.Storage;
using AstraBit.SupportBot.Storage.CrashWriter;
using AstraBit.SupportBot.Storage.Tickets;

// Usage: CrashWriter <data file>. Opens tickets without end; after each ticket's writes are committed it prints the
// ticket's number on its own line, so whoever kills it knows which tickets must have survived.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: CrashWriter <data file>");
    return 2;
}

using var database = new SupportDatabase(args[0]);
var store = new LiteTicketStore(database);
var stdout = Console.Out;
while (true)
{
    var member = CrashTickets.Member(await NextNumberAsync(store));
    var (ticket, _) = await store.GetOpenOrCreateAsync(member, CrashTickets.Opened);
    await store.UpdateAsync(CrashTickets.Confirmed(ticket.Number));
    await stdout.WriteLineAsync(ticket.Number.ToString(CultureInfo.InvariantCulture));
    await stdout.FlushAsync();
}

// Members are derived from the number the store will hand out next, so a restarted writer keeps to the pattern.
static async Task<int> NextNumberAsync(LiteTicketStore store)
{
    var open = await store.ListOpenAsync();
    return open.Count == 0 ? 1 : open[^1].Number + 1;
}

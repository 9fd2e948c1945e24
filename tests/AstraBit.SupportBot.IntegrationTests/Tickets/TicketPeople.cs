using System.Diagnostics;
using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Emulators.Bybit;
using AstraBit.SupportBot.Emulators.Discord;
using AstraBit.SupportBot.IntegrationTests.Diagnose;

namespace AstraBit.SupportBot.IntegrationTests.Tickets;

/// <summary>
/// The people of the ticket tests: a member with a Bybit problem, a support staff member and an ordinary member who
/// isn't staff, acting through the Discord emulator against the real bot.
/// </summary>
internal sealed class TicketPeople
{
    public const ulong Member = 1_500_000_000_000_000_101;
    public const ulong Staff = 1_500_000_000_000_000_201;
    public const ulong Outsider = 1_500_000_000_000_000_301;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int UpdateMessage = 7;
    public const int OpenModal = 9;
    public const int Ephemeral = 64;

    private TicketPeople(BotHarness bot, string dataFolder)
    {
        Bot = bot;
        DataFolder = dataFolder;
    }

    public BotHarness Bot { get; }

    /// <summary>The folder of the bot's data file, to search its bytes for secrets.</summary>
    public string DataFolder { get; }

    public static async Task<TicketPeople> StartAsync(TimeProvider? supportClock = null, Action<Dictionary<string, object?>>? tweak = null, Action<Microsoft.Extensions.Hosting.HostApplicationBuilder>? configureHost = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), $"supportbot-tk-{Guid.NewGuid():N}");
        var bot = await BotHarness.StartAsync(
            s =>
            {
                s["Storage:Path"] = Path.Combine(dataFolder, "supportbot.db");
                s["Diagnostics:Cooldown"] = "00:00:00";
                tweak?.Invoke(s);
            },
            supportClock: supportClock,
            configureHost: configureHost);
        bot.Discord.Rest.AddMember(Member, [], "alice.trader");
        bot.Discord.Rest.AddMember(Staff, [BotHarness.SupportRoleId], "sam.support");
        bot.Discord.Rest.AddMember(Outsider, [], "otto");
        return new TicketPeople(bot, dataFolder);
    }

    /// <summary>
    /// The member runs /diagnose with a key that fails; returns once the private answer shows the result and the
    /// follow-up says which ticket it went into (the last thing the bot does for it).
    /// </summary>
    public async Task<ulong> FailDiagnoseAsync(BybitAccountScenario account)
    {
        var (id, _) = await DiagnoseMember.SubmitKeyAsync(Bot, Member, account.ApiKey, account.ApiSecret);
        await DiagnoseMember.WaitForResultAsync(Bot, id);
        await Bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == id && m.Content.Contains("support ticket #", StringComparison.Ordinal), BotHarness.Timeout);
        return id;
    }

    /// <summary>Runs a staff /ticket subcommand in a thread and returns its private answer once the bot is done with it.</summary>
    public async Task<string> StaffInThreadAsync(string sub, ulong threadId, params SlashOption[] options)
    {
        var (id, _) = await TicketCommandAsync(Staff, sub, threadId, options);
        return await DeferredAnswerAsync(id);
    }

    /// <summary>The staff notice for ticket <paramref name="number"/>; the thread exists by the time it is posted.</summary>
    public Task<EmulatedMessage> StaffNoticeAsync(int number = 1) =>
        Bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == Bot.StaffChannelId && m.Text.Contains($"New ticket #{number:0000}", StringComparison.Ordinal), BotHarness.Timeout);

    public EmulatedChannel Thread(int number = 1) =>
        Bot.Discord.Rest.Threads.Single(t => t.ParentId == Bot.SupportChannelId && t.Name!.StartsWith($"ticket-{number:0000}", StringComparison.Ordinal));

    public IReadOnlyList<EmulatedMessage> MessagesIn(ulong channelId) =>
        [.. Bot.Discord.Rest.Messages.Where(m => m.ChannelId == channelId).OrderBy(m => m.Id)];

    /// <summary>
    /// `/ticket open` as <paramref name="userId"/> without a ticket: the intake form comes back, which the member fills in
    /// (topic, description, files) and submits; returns the submit's id and callback (the ticket's answer edits it).
    /// </summary>
    public async Task<(ulong Id, RecordedCallback Callback)> OpenTicketAsync(ulong userId, string topic = "other", string description = "It does not work", ulong? channelId = null, params MemberFile[] screenshots)
    {
        var (opened, form) = await TicketCommandAsync(userId, "open", channelId);
        Assert.Equal(9, form.Type);
        List<ModalAnswer> answers = [ModalAnswer.Chosen("topic", topic), ModalAnswer.Typed("description", description)];
        if (screenshots.Length > 0)
        {
            answers.Add(ModalAnswer.Uploaded("screenshots", screenshots));
        }

        var id = await new DiscordMember(Bot.Discord, userId).SubmitFormAsync(opened, answers);
        return (id, await Bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout));
    }

    /// <summary>Runs /ticket &lt;sub&gt; as <paramref name="userId"/> in <paramref name="channelId"/>; returns the interaction id and its callback.</summary>
    public async Task<(ulong Id, RecordedCallback Callback)> TicketCommandAsync(ulong userId, string sub, ulong? channelId = null, params SlashOption[] options)
    {
        var id = await Bot.Discord.RunSlashCommandAsync(userId, "ticket", [SlashOption.Subcommand(sub, options)], channelId ?? Bot.SupportChannelId);
        return (id, await Bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout));
    }

    public async Task<(ulong Id, RecordedCallback Callback)> ClickAsync(ulong userId, string customId, EmulatedMessage message, bool inDm = false)
    {
        var id = await Bot.Discord.ClickButtonAsync(userId, customId, message.Id, inDm ? null : message.ChannelId, inDm);
        return (id, await Bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout));
    }

    public async Task<(ulong Id, RecordedCallback Callback)> SubmitAsync(ulong userId, string customId, IReadOnlyDictionary<string, string> values, ulong channelId)
    {
        var id = await Bot.Discord.SubmitModalAsync(userId, customId, values, channelId);
        return (id, await Bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout));
    }

    /// <summary>`/ticket stats` as staff: acknowledged privately at once (the callback), the figures then edited in (the text).</summary>
    public async Task<(RecordedCallback Callback, string Text)> StatsAsync(params SlashOption[] options)
    {
        var (id, callback) = await TicketCommandAsync(Staff, "stats", null, options);
        return (callback, await DeferredAnswerAsync(id));
    }

    /// <summary>What the member (or staff member) sees in the private answer of a deferred interaction.</summary>
    public async Task<string> DeferredAnswerAsync(ulong interactionId) =>
        DiagnoseMember.Text(await Bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == interactionId && m.EditCount > 0, BotHarness.Timeout));

    /// <summary>The text of an immediate answer (callback type 4).</summary>
    public static string Answer(RecordedCallback callback) => MessageText.Of(callback.Data);

    /// <summary>
    /// A fact on the Components V2 card as it reads: the rest of the line after "**Name**" ("**Site** bybit.com ·
    /// **API key** …Xy12" gives "bybit.com" for "Site"), or for a name alone on its line the quoted lines under it.
    /// </summary>
    public static string CardField(EmulatedMessage card, string name)
    {
        var lines = card.Text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var marker = $"**{name}**";
        for (var i = 0; i < lines.Count; i++)
        {
            var at = lines[i].IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var rest = lines[i][(at + marker.Length)..];
            if (rest.Trim().Length > 0)
            {
                var end = rest.IndexOf(" · **", StringComparison.Ordinal);
                return (end < 0 ? rest : rest[..end]).Trim();
            }

            return string.Join('\n', lines.Skip(i + 1).TakeWhile(l => l.StartsWith("> ", StringComparison.Ordinal)).Select(l => l[2..]));
        }

        throw new InvalidOperationException($"The card has no \"{name}\": {card.Text}");
    }

    /// <summary>A message written in a channel by someone other than the bot, as Discord records and dispatches it.</summary>
    public Task SayAsync(ulong userId, ulong channelId, string content) =>
        Bot.Discord.Gateway.DispatchAsync("MESSAGE_CREATE", Bot.Discord.Rest.PostMemberMessage(userId, channelId, content));

    /// <summary>
    /// Asks /ticket list as staff until it shows <paramref name="expected"/>: the bot handles gateway events
    /// concurrently, so a message it was sent may not be recorded yet. Each round is a real interaction, not a sleep.
    /// </summary>
    public Task<string> ListUntilAsync(string expected) => AskUntilAsync("list", expected);

    /// <summary>Asks /ticket audit as staff until it shows <paramref name="expected"/> (each round a real interaction).</summary>
    public Task<string> AuditUntilAsync(string expected) => AskUntilAsync("audit", expected);

    // Bounded by the harness's time limit, not by a number of rounds: on a busy machine a hundred quick answers came
    // before the bot had recorded the message the test was waiting for.
    private async Task<string> AskUntilAsync(string subcommand, string expected)
    {
        var text = "";
        var asking = Stopwatch.StartNew();
        while (!text.Contains(expected, StringComparison.Ordinal) && asking.Elapsed < BotHarness.Timeout)
        {
            text = Answer((await TicketCommandAsync(Staff, subcommand)).Callback);
        }

        Assert.Contains(expected, text, StringComparison.Ordinal);
        return text;
    }

    public static string Text(EmulatedMessage message) => DiagnoseMember.Text(message);

    public static IReadOnlyList<(string CustomId, string Label)> Buttons(EmulatedMessage message) => DiagnoseMember.Buttons(message);

    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>After the bot stopped: the secret is in no request the bot sent, no message or file it posted, no log line and no byte of the data folder.</summary>
    public void AssertSecretNowhere(string secret)
    {
        Assert.DoesNotContain(Bot.Discord.Rest.Requests, r => r.Body?.Contains(secret, StringComparison.Ordinal) == true);
        // Only what the bot wrote: a member may paste their secret into the thread themselves.
        Assert.DoesNotContain(Bot.Discord.Rest.Messages, m => m.AuthorId == Bot.Discord.Options.BotUserId && Text(m).Contains(secret, StringComparison.Ordinal)
            || m.Attachments.Any(a => Encoding.UTF8.GetString(a.Content).Contains(secret, StringComparison.Ordinal)));
        Assert.DoesNotContain(secret, Bot.Logs, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(secret);
        var files = Directory.GetFiles(DataFolder, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Equal(-1, File.ReadAllBytes(file).AsSpan().IndexOf(bytes)));
    }

    /// <summary>Stops the bot (it keeps writing its health file beside the data file while it runs), then removes its data folder.</summary>
    public async Task DeleteDataAsync()
    {
        if (!Bot.Run.IsCompleted)
        {
            await Bot.StopAsync();
        }

        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}

using AstraBit.SupportBot.Emulators.Discord;
using static AstraBit.SupportBot.IntegrationTests.Tickets.TicketPeople;

namespace AstraBit.SupportBot.IntegrationTests.Answers;

/// <summary>`/answer name:` against the Discord emulator: autocomplete (type 4 → callback 8), the answer in the thread, a broken file at start.</summary>
public sealed class SavedAnswerTests
{
    private const int AutocompleteResult = 8;

    [Fact]
    public async Task Answer_WithHoles_PostedInTheThreadAsTheBotNamingTheStaffMember()
    {
        var people = await StartAsync();
        await using var bot = people.Bot;
        await people.FailDiagnoseAsync(bot.Bybit.Scenario("hedge-mode"));
        await people.StaffNoticeAsync();
        var thread = people.Thread();

        // Typing "hedge" suggests the Hedge Mode answer first; nothing typed lists every answer, at most 25.
        var typing = await bot.Discord.TypeAutocompleteAsync(Staff, "answer", [SlashOption.FocusedString("name", "hedge")], thread.Id);
        var suggestions = await bot.Discord.Rest.WaitForCallbackAsync(typing, BotHarness.Timeout);
        Assert.True(suggestions.Accepted);
        Assert.Equal(AutocompleteResult, suggestions.Type);
        var choices = suggestions.Data!["choices"]!.AsArray();
        Assert.Equal("hedge-mode-open-positions", choices[0]!["value"]!.GetValue<string>());
        var all = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.TypeAutocompleteAsync(Staff, "answer", [SlashOption.FocusedString("name", "")], thread.Id), BotHarness.Timeout);
        Assert.InRange(all.Data!["choices"]!.AsArray().Count, 10, 25);
        var byMember = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.TypeAutocompleteAsync(Member, "answer", [SlashOption.FocusedString("name", "")], thread.Id), BotHarness.Timeout);
        Assert.Empty(byMember.Data!["choices"]!.AsArray());

        var id = await bot.Discord.RunSlashCommandAsync(Staff, "answer", [SlashOption.String("name", "hedge-mode-open-positions")], thread.Id);
        await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);
        Assert.Contains("Posted \"Hedge Mode with open positions\" in ticket #0001", await people.DeferredAnswerAsync(id), StringComparison.Ordinal);

        var posted = await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread.Id && m.Content.Contains("Hedge Mode", StringComparison.Ordinal) && m.InteractionId is null, BotHarness.Timeout);
        Assert.Equal(bot.Discord.Options.BotUserId, posted.AuthorId);
        Assert.False(posted.IsEphemeral);
        Assert.StartsWith($"Hi <@{Id(Member)}>,", posted.Content, StringComparison.Ordinal);
        Assert.Matches(@"step 5 \([A-Z][^)]+\)", posted.Content);
        Assert.DoesNotContain("{", posted.Content, StringComparison.Ordinal);
        Assert.Contains($"sent by <@{Id(Staff)}>", posted.Content, StringComparison.Ordinal);
        Assert.Equal([Id(Member)], posted.AllowedMentions!["users"]!.AsArray().Select(u => u!.GetValue<string>()));

        // Only staff, only in a ticket, only a known name.
        var refusedMember = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.RunSlashCommandAsync(Member, "answer", [SlashOption.String("name", "expired-key")], thread.Id), BotHarness.Timeout);
        Assert.Contains("Only the support team", Answer(refusedMember), StringComparison.Ordinal);
        var unknown = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.RunSlashCommandAsync(Staff, "answer", [SlashOption.String("name", "no-such-answer")], thread.Id), BotHarness.Timeout);
        Assert.Contains("There is no saved answer named \"no-such-answer\"", Answer(unknown), StringComparison.Ordinal);
        var outside = await bot.Discord.Rest.WaitForCallbackAsync(await bot.Discord.RunSlashCommandAsync(Staff, "answer", [SlashOption.String("name", "expired-key")], bot.SupportChannelId), BotHarness.Timeout);
        Assert.Contains("inside a ticket's thread", Answer(outside), StringComparison.Ordinal);
        Assert.Single(bot.Discord.Rest.Messages, m => m.ChannelId == thread.Id && m.Content.Contains("sent by", StringComparison.Ordinal));

        // It counts as staff answering: the ticket now waits for the member.
        await people.ListUntilAsync("waiting for the member");
        await people.DeleteDataAsync();
    }

    [Fact]
    public async Task Start_BrokenAnswersFile_StopsNamingTheAnswerAndField()
    {
        var content = Path.Combine(Path.GetTempPath(), $"supportbot-answers-{Guid.NewGuid():N}");
        Directory.CreateDirectory(content);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "config")))
        {
            File.Copy(file, Path.Combine(content, Path.GetFileName(file)));
        }

        var answers = Path.Combine(content, "answers.json");
        var text = await File.ReadAllTextAsync(answers);
        await File.WriteAllTextAsync(answers, text.Replace("as in {guideStep:5}", "as in {guideStep:9}", StringComparison.Ordinal));
        try
        {
            await using var bot = await BotHarness.StartAsync(s => s["Content:Directory"] = content, waitForRegistration: false);

            var exit = await bot.Run.WaitAsync(BotHarness.Timeout);

            Assert.Equal(2, exit);
            Assert.Contains("answers[0] (\"hedge-mode-open-positions\").text", bot.ConsoleError, StringComparison.Ordinal);
            Assert.Contains("{guideStep:9}", bot.ConsoleError, StringComparison.Ordinal);
            Assert.DoesNotContain(bot.Discord.Rest.Requests, r => r.Route == DiscordRestRoutes.BulkOverwriteGuildCommands);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }
}

using System.Globalization;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.IntegrationTests.Crash;

/// <summary>
/// kill -9 while a ticket closes: the close is recorded before Discord hears the button or command was received, and
/// each Discord step after it is recorded as Discord confirms it. A bot killed anywhere from right after the
/// acknowledgement to the last step, and started again, finishes the close exactly once: one "was closed" line, one
/// rating question, the thread archived and locked, one transcript.
/// </summary>
[Trait("Bot", "Process")]
public sealed class TicketCloseCrashTests
{
    private const ulong Member = 1_600_000_000_000_000_101;
    private const ulong Staff = 1_600_000_000_000_000_102;

    /// <summary>
    /// Each way a ticket closes, killed at each point at least once: right after the acknowledgement for the three
    /// that are clicks or commands, and then every recorded step across them. Kept short for CI: one kill per case.
    /// </summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "staff close", "acknowledged" },
        { "member yes", "acknowledged" },
        { "forced", "acknowledged" },
        { "staff close", "announced" },
        { "member yes", "rating requested" },
        { "forced", "archived" },
        { "timer close", "announced" },
        { "timer close", "transcript posted" },
        { "member yes", "transcript posted" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task KilledWhileClosing_NextBotFinishesTheCloseOnce(string kind, string step)
    {
        await using var bot = await KillableBot.CreateAsync();
        bot.Discord.Rest.AddMember(Member, [], "erin.closing");
        bot.Discord.Rest.AddMember(Staff, [BotHarness.SupportRoleId], "sam.support");
        // The timer close: "Is it fixed?" unanswered for a moment closes the ticket at the next timer run, at start.
        bot.SetEnvironment("Tickets__CloseConfirmAfter", "00:00:00.001");
        await bot.LaunchAsync();
        var thread = await OpenTicketAsync(bot, fromCheck: kind != "staff close");

        var started = DateTimeOffset.UtcNow;
        ulong interaction;
        switch (kind)
        {
            case "staff close":
                interaction = await CloseCommandAsync(bot, thread, force: false);
                break;
            case "forced":
                interaction = await CloseCommandAsync(bot, thread, force: true);
                break;
            case "member yes":
                var question = await AskIsItFixedAsync(bot, thread);
                started = DateTimeOffset.UtcNow;
                interaction = await bot.Discord.ClickButtonAsync(Member, "tk:fixed:1", question.Id, thread);
                break;
            default:
                // Asked, then the bot restarts after the answer was due: the timer run at start closes the ticket.
                await AskIsItFixedAsync(bot, thread);
                await bot.KillAsync();
                started = DateTimeOffset.UtcNow;
                await bot.LaunchAsync();
                interaction = 0;
                break;
        }

        await bot.Discord.Rest.WaitForRequestAsync(r => r.ReceivedAt >= started && IsStep(bot, step, thread, interaction, r), KillableBot.Timeout);
        await bot.KillAsync();

        await bot.LaunchAsync();
        await bot.WaitForOutboxRunAsync();
        await bot.KillAsync();

        var context = $"{kind}, killed at \"{step}\"\n{bot.Output}";
        var (tickets, _) = await bot.ReadDataAsync();
        var ticket = Assert.Single(tickets);
        Assert.True(ticket.IsClosed, context);
        Assert.True(ticket.CloseDone == TicketCloseSteps.All, $"{context}: close steps {ticket.CloseDone}");
        var messages = bot.Discord.Rest.Messages;
        Assert.Single(messages, m => m.ChannelId == thread && m.Content.Contains("was closed by", StringComparison.Ordinal));
        Assert.Single(messages, m => m.Components.ToJsonString().Contains("tk:rate:1:5", StringComparison.Ordinal));
        Assert.Single(messages, m => m.ChannelId == bot.LogChannelId && m.Attachments.Count == 1);
        var channel = bot.Discord.Rest.GetChannel(thread)!;
        Assert.True(channel.Archived && channel.Locked, context);
    }

    private static async Task<ulong> OpenTicketAsync(KillableBot bot, bool fromCheck)
    {
        if (fromCheck)
        {
            await bot.SubmitKeyAsync(Member, bot.Accounts("withdrawal-enabled", 1)[0]);
        }
        else
        {
            // No ticket yet: /ticket open shows the intake form, whose submit opens it.
            var opened = await bot.Discord.RunSlashCommandAsync(Member, "ticket", [SlashOption.Subcommand("open")], bot.SupportChannelId);
            await bot.Discord.Rest.WaitForCallbackAsync(opened, KillableBot.Timeout);
            await new DiscordMember(bot.Discord, Member).SubmitFormAsync(opened, [ModalAnswer.Chosen("topic", "other"), ModalAnswer.Typed("description", "Please close this")]);
        }

        await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == bot.StaffChannelId && m.Text.Contains("New ticket #0001", StringComparison.Ordinal), KillableBot.Timeout);
        return Assert.Single(bot.Discord.Rest.Threads, t => t.ParentId == bot.SupportChannelId).Id;
    }

    private static Task<ulong> CloseCommandAsync(KillableBot bot, ulong thread, bool force) =>
        bot.Discord.RunSlashCommandAsync(
            Staff,
            "ticket",
            [SlashOption.Subcommand("close", force
                ? [SlashOption.String("reason", "Fixed together in the thread"), SlashOption.Boolean("force", true)]
                : [SlashOption.String("reason", "Answered the question")])],
            thread);

    private static async Task<EmulatedMessage> AskIsItFixedAsync(KillableBot bot, ulong thread)
    {
        await bot.Discord.RunSlashCommandAsync(Staff, "ticket", [SlashOption.Subcommand("close")], thread);
        return await bot.Discord.Rest.WaitForMessageAsync(m => m.ChannelId == thread && m.Components.ToJsonString().Contains("tk:fixed:1", StringComparison.Ordinal), KillableBot.Timeout);
    }

    private static bool IsStep(KillableBot bot, string step, ulong thread, ulong interaction, RecordedRequest request) => step switch
    {
        "acknowledged" => request.Route == DiscordRestRoutes.InteractionCallback && request.Path.Contains(interaction.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        "announced" => IsPost(request, thread) && request.Body?.Contains("was closed by", StringComparison.Ordinal) == true,
        "rating requested" => request.Route == DiscordRestRoutes.CreateMessage && request.Body?.Contains("tk:rate:1:5", StringComparison.Ordinal) == true,
        "archived" => request.Route == DiscordRestRoutes.ModifyChannel && request.Path.Contains(thread.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        "transcript posted" => IsPost(request, bot.LogChannelId) && request.Files.Count > 0,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    private static bool IsPost(RecordedRequest request, ulong channel) =>
        request.Route == DiscordRestRoutes.CreateMessage && request.Path.Contains(channel.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

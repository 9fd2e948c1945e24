using AstraBit.SupportBot.Bot;
using AstraBit.SupportBot.Bot.KeyChecks;
using AstraBit.SupportBot.Emulators.Discord;

namespace AstraBit.SupportBot.IntegrationTests.Moderation;

/// <summary>A moderator, a member and the bot in the Discord emulator, with the steps each of them takes.</summary>
internal sealed class ModerationScene(BotHarness bot)
{
    public const ulong Moderator = 1_400_000_000_000_000_501;
    public const ulong Staff = 1_400_000_000_000_000_502;
    public const ulong Member = 1_400_000_000_000_000_503;
    public const ulong Bystander = 1_400_000_000_000_000_504;
    public const string ModeratorName = "mara.mod";
    public const string StaffName = "sam.support";
    public const string RunButtonId = "mod:run";
    public const string RequestModalId = "key:moderator";

    /// <summary>Runs /diagnose-user or the user command as <paramref name="asker"/>; returns the interaction id and its callback.</summary>
    public async Task<(ulong Id, RecordedCallback Callback)> AskAsync(ulong asker, ulong target, bool contextMenu = false)
    {
        var id = contextMenu
            ? await bot.Discord.RunUserCommandAsync(asker, SupportCommands.AskToRunCheck, target)
            : await bot.Discord.RunSlashCommandAsync(asker, SupportCommands.DiagnoseUser, [SlashOption.User("member", target)]);
        var callback = await bot.Discord.Rest.WaitForCallbackAsync(id, BotHarness.Timeout);
        Assert.True(callback.Accepted, $"callback type {callback.Type} refused: status {callback.Status}, code {callback.ErrorCode}");
        Assert.True(callback.SinceCreation < Diagnose.DiagnoseMember.AcknowledgeDeadline, $"acknowledged after {callback.SinceCreation}");
        return (id, callback);
    }

    /// <summary>The asker's private answer once the deferred reply was edited.</summary>
    public Task<EmulatedMessage> AnswerAsync(ulong interactionId) =>
        bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == interactionId && m.EditCount > 0, BotHarness.Timeout);

    /// <summary>The prompt the bot sent to the member's DMs.</summary>
    public Task<EmulatedMessage> PromptAsync(ulong member = Member) =>
        bot.Discord.Rest.WaitForMessageAsync(m => m.InDirectMessage && m.InteractionId is null && DmsOf(m) == member, BotHarness.Timeout);

    public IReadOnlyList<EmulatedMessage> DirectMessages(ulong member) =>
        [.. bot.Discord.Rest.Messages.Where(m => m.InDirectMessage && m.InteractionId is null && DmsOf(m) == member)];

    public IReadOnlyList<EmulatedMessage> StaffChannelMessages() =>
        [.. bot.Discord.Rest.Messages.Where(m => m.ChannelId == bot.StaffChannelId)];

    /// <summary>The member presses "Run the check" on the prompt and submits the key modal; returns the modal's callback and the result.</summary>
    public async Task<(RecordedCallback Click, RecordedCallback Submit, EmulatedMessage Result)> RunCheckAsync(EmulatedMessage prompt, string key, string secret, ulong member = Member)
    {
        var clickId = await bot.Discord.ClickButtonAsync(member, RunButtonId, prompt.Id, inDm: true);
        var click = await bot.Discord.Rest.WaitForCallbackAsync(clickId, BotHarness.Timeout);
        var submitId = await bot.Discord.SubmitModalAsync(
            member,
            RequestModalId,
            new Dictionary<string, string> { [KeyModal.KeyField] = key, [KeyModal.SecretField] = secret },
            inDm: true);
        var submit = await bot.Discord.Rest.WaitForCallbackAsync(submitId, BotHarness.Timeout);
        var result = await AnswerAsync(submitId);
        return (click, submit, result);
    }

    /// <summary>No recorded request to Discord and no log line holds <paramref name="secret"/>.</summary>
    public void AssertSecretNowhere(string secret)
    {
        Assert.DoesNotContain(bot.Discord.Rest.Requests, r => r.Body?.Contains(secret, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(secret, bot.Logs, StringComparison.Ordinal);
    }

    private ulong? DmsOf(EmulatedMessage message) => bot.Discord.Rest.GetChannel(message.ChannelId)?.RecipientId;
}

using AstraBit.SupportBot.Emulators.Discord;
using static AstraBit.SupportBot.IntegrationTests.Diagnose.DiagnoseMember;

namespace AstraBit.SupportBot.IntegrationTests.Languages;

/// <summary>
/// The public support panel is in the server's language (Support:StaffLocale), which everyone in the channel reads;
/// the answer to the staff member who posted it is in their own (PRODUCT.md §12).
/// </summary>
public sealed class PanelLanguageTests
{
    private const ulong Staff = 1_600_000_000_000_002_501;

    [Fact]
    public async Task SupportPanel_StaffLocaleSpanish_PanelInSpanishAndTheGermanStaffMembersAnswerInGerman()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Support:StaffLocale"] = "es-ES");
        bot.Discord.Rest.AddMember(Staff, [BotHarness.SupportRoleId], "sam.support");
        bot.Discord.Rest.SetLocale(Staff, "de");

        var post = await bot.Discord.RunSlashCommandAsync(Staff, "support", [SlashOption.Subcommand("panel")], bot.SupportChannelId);
        var answer = await bot.Discord.Rest.WaitForMessageAsync(m => m.InteractionId == post && m.EditCount > 0, BotHarness.Timeout);

        Assert.StartsWith("Das Support-Panel ist in <#", answer.Content, StringComparison.Ordinal);
        var panel = Assert.Single(bot.Discord.Rest.Messages, m => m.AuthorId == bot.Discord.Rest.BotUserId && Buttons(m).Any(b => b.CustomId == "pn:connect"));
        Assert.Contains("Ayuda para conectar Bybit", Text(panel), StringComparison.Ordinal);
        Assert.Contains(Buttons(panel), b => b.CustomId == "kc:open" && b.Label == "Comprobar mi clave API");
        Assert.DoesNotContain(Buttons(panel), b => b.Label == "Check my API key");
    }
}

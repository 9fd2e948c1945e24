using AstraBit.SupportBot.Discord.Models;

namespace AstraBit.SupportBot.Bot;

/// <summary>
/// The command set of PRODUCT.md §3. Names are a contract. Discord's default member permissions only
/// decide who sees a command by default (guild admins can change that); who may use a staff command is
/// checked again in code on every use.
/// </summary>
public static class SupportCommands
{
    public const string ConnectBybit = "connect-bybit";
    public const string Diagnose = "diagnose";
    public const string BybitError = "bybit-error";
    public const string Ticket = "ticket";
    public const string Answer = "answer";
    public const string Privacy = "privacy";
    public const string DiagnoseUser = "diagnose-user";
    public const string AskToRunCheck = "Ask to run Bybit check";
    public const string Support = "support";
    public const string Reminders = "reminders";

    /// <summary>MANAGE_MESSAGES: moderators and support staff usually have it; admins can re-assign in Server Settings → Integrations.</summary>
    public const ulong ModeratorDefaultPermissions = 1UL << 13;

    /// <summary>
    /// The commands with their English descriptions from <paramref name="describe"/>, asked by path ("ticket",
    /// "ticket.close", "ticket.close.reason"): the catalogue's <c>command.&lt;path&gt;.summary</c>, so the words live in
    /// one place (<see cref="Languages.LocalizedCommands"/> adds every language's names and descriptions).
    /// </summary>
    public static IReadOnlyList<ApplicationCommandDefinition> Build(Func<string, string> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        return
        [
            new SlashCommandBuilder(ConnectBybit, describe(ConnectBybit))
                .WithContexts(InteractionContextType.Guild)
                .Build(),
            new SlashCommandBuilder(Diagnose, describe(Diagnose))
                .WithContexts(InteractionContextType.Guild)
                .Build(),
            new SlashCommandBuilder(BybitError, describe(BybitError))
                .AddOption(CommandOptionDefinition.String("code", describe(BybitError + ".code"), required: true, maxLength: 500, autocomplete: true))
                .WithContexts(InteractionContextType.Guild)
                .Build(),
            new SlashCommandBuilder(Ticket, describe(Ticket))
                .AddSubcommand("open", describe(Ticket + ".open"))
                .AddSubcommand("claim", describe(Ticket + ".claim"))
                .AddSubcommand(
                    "close",
                    describe(Ticket + ".close"),
                    CommandOptionDefinition.String("reason", describe(Ticket + ".close.reason"), maxLength: 500),
                    CommandOptionDefinition.Boolean("force", describe(Ticket + ".close.force")))
                .AddSubcommand("reopen", describe(Ticket + ".reopen"))
                .AddSubcommand("list", describe(Ticket + ".list"))
                .AddSubcommand("stats", describe(Ticket + ".stats"), CommandOptionDefinition.Integer("days", describe(Ticket + ".stats.days")))
                .AddSubcommand("audit", describe(Ticket + ".audit"))
                .AddSubcommand("note", describe(Ticket + ".note"), CommandOptionDefinition.String("text", describe(Ticket + ".note.text"), required: true, maxLength: 1000))
                .AddSubcommand("view", describe(Ticket + ".view"))
                .AddSubcommand("history", describe(Ticket + ".history"), CommandOptionDefinition.User("member", describe(Ticket + ".history.member"), required: true))
                .WithContexts(InteractionContextType.Guild)
                .Build(),
            new SlashCommandBuilder(Privacy, describe(Privacy))
                .WithContexts(InteractionContextType.Guild)
                .Build(),
            new SlashCommandBuilder(Answer, describe(Answer))
                .AddOption(CommandOptionDefinition.String("name", describe(Answer + ".name"), required: true, maxLength: 100, autocomplete: true))
                .WithDefaultMemberPermissions(ModeratorDefaultPermissions)
                .WithContexts(InteractionContextType.Guild)
                .Build(),
            new SlashCommandBuilder(DiagnoseUser, describe(DiagnoseUser))
                .AddOption(CommandOptionDefinition.User("member", describe(DiagnoseUser + ".member"), required: true))
                .WithDefaultMemberPermissions(ModeratorDefaultPermissions)
                .WithContexts(InteractionContextType.Guild)
                .Build(),
            new UserCommandBuilder(AskToRunCheck)
                .WithDefaultMemberPermissions(ModeratorDefaultPermissions)
                .WithContexts(InteractionContextType.Guild)
                .Build(),
            new SlashCommandBuilder(Reminders, describe(Reminders))
                .WithContexts(InteractionContextType.Guild)
                .Build(),
            new SlashCommandBuilder(Support, describe(Support))
                .AddSubcommand("panel", describe(Support + ".panel"), CommandOptionDefinition.Channel("channel", describe(Support + ".panel.channel")))
                .WithDefaultMemberPermissions(ModeratorDefaultPermissions)
                .WithContexts(InteractionContextType.Guild)
                .Build(),
        ];
    }

    /// <summary>Each command's contract name and type (what doctor compares with what Discord has), without texts.</summary>
    public static IReadOnlyList<(string Name, ApplicationCommandType Type)> Names { get; } =
        [.. Build(static path => path).Select(c => (c.Name, c.Type))];
}

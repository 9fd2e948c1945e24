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

    public static IReadOnlyList<ApplicationCommandDefinition> All { get; } =
    [
        new SlashCommandBuilder(ConnectBybit, "Connect your Bybit account to AstraBit, step by step (private).")
            .WithContexts(InteractionContextType.Guild)
            .Build(),
        new SlashCommandBuilder(Diagnose, "Check your Bybit API key now and get the fix for anything wrong (private).")
            .WithContexts(InteractionContextType.Guild)
            .Build(),
        new SlashCommandBuilder(BybitError, "Explain a Bybit or AstraBit error code in plain words.")
            .AddOption(CommandOptionDefinition.String("code", "The code or message, e.g. 10003 or \"position idx not match position mode\".", required: true, maxLength: 500, autocomplete: true))
            .WithContexts(InteractionContextType.Guild)
            .Build(),
        new SlashCommandBuilder(Ticket, "Support tickets.")
            .AddSubcommand("open", "Open a private support ticket with the team.")
            .AddSubcommand("claim", "Staff: take the ticket in this thread.")
            .AddSubcommand(
                "close",
                "Staff: close the ticket in this thread (a ticket from a failed check asks the member first).",
                CommandOptionDefinition.String("reason", "Why it is closed (shown to the member).", maxLength: 500),
                CommandOptionDefinition.Boolean("force", "Close now, without asking the member \"Is it fixed?\" (needs a reason)."))
            .AddSubcommand("reopen", "Staff: reopen the ticket in this thread.")
            .AddSubcommand("list", "Staff: open tickets, unclaimed first.")
            .AddSubcommand("stats", "Staff: ticket counts, response times and the support figures.", CommandOptionDefinition.Integer("days", "How many days back (default 30)."))
            .AddSubcommand("audit", "Staff: the latest staff and moderator actions.")
            .AddSubcommand("note", "Staff: a private note on the ticket in this thread (members never see it).", CommandOptionDefinition.String("text", "The note.", required: true, maxLength: 1000))
            .AddSubcommand("view", "Staff: the ticket in this thread with its staff notes (private).")
            .AddSubcommand("history", "Staff and moderators: a member's tickets, checks and audit entries (private).", CommandOptionDefinition.User("member", "The member.", required: true))
            .WithContexts(InteractionContextType.Guild)
            .Build(),
        new SlashCommandBuilder(Privacy, "See what the bot keeps about you, download it or delete it (private).")
            .WithContexts(InteractionContextType.Guild)
            .Build(),
        new SlashCommandBuilder(Answer, "Staff: post a saved answer into this ticket's thread.")
            .AddOption(CommandOptionDefinition.String("name", "Which answer (start typing to search).", required: true, maxLength: 100, autocomplete: true))
            .WithDefaultMemberPermissions(ModeratorDefaultPermissions)
            .WithContexts(InteractionContextType.Guild)
            .Build(),
        new SlashCommandBuilder(DiagnoseUser, "Ask a member to run the Bybit key check (you never see their key).")
            .AddOption(CommandOptionDefinition.User("member", "The member to ask.", required: true))
            .WithDefaultMemberPermissions(ModeratorDefaultPermissions)
            .WithContexts(InteractionContextType.Guild)
            .Build(),
        new UserCommandBuilder(AskToRunCheck)
            .WithDefaultMemberPermissions(ModeratorDefaultPermissions)
            .WithContexts(InteractionContextType.Guild)
            .Build(),
        new SlashCommandBuilder(Reminders, "Your API key expiry reminders: see them or stop them (private).")
            .WithContexts(InteractionContextType.Guild)
            .Build(),
        new SlashCommandBuilder(Support, "Support staff tools.")
            .AddSubcommand("panel", "Staff: post the support panel here or in a channel (re-running updates it).", CommandOptionDefinition.Channel("channel", "Where to post it (default: this channel)."))
            .WithDefaultMemberPermissions(ModeratorDefaultPermissions)
            .WithContexts(InteractionContextType.Guild)
            .Build(),
    ];
}

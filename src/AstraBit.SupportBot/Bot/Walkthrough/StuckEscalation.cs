using System.Globalization;
using System.Text;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using AstraBit.SupportBot.Hosting;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Walkthrough;

/// <summary>
/// What "I'm stuck" does with the member's context. One seam so the ticket system can replace the staff
/// notice with a ticket without touching the walkthrough.
/// </summary>
public interface IStuckEscalation
{
    /// <summary>Hands the member over to a human; returns what to tell the member. Throws when nobody could be told.</summary>
    Task<string> EscalateAsync(StuckContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Until tickets exist: a notice in the staff channel with where the member stopped, their account type, site
/// and last check (key masked, never the secret). The member is named with a mention that pings nobody.
/// </summary>
public sealed class StaffChannelStuckEscalation(DiscordRestClient rest, IOptions<SupportDiscordOptions> discord) : IStuckEscalation
{
    public async Task<string> EscalateAsync(StuckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await rest.CreateMessageAsync(discord.Value.StaffChannelId, Notice(context), cancellationToken);
        return "I've told the support team where you are in the guide and what I know so far. Someone will reach out to you here in Discord. " +
            "Please never send your API secret to anyone, staff included: nobody needs it to help you.";
    }

    public static MessagePayload Notice(StuckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var embed = new EmbedBuilder()
            .WithTitle("A member is stuck in the Bybit setup guide")
            .WithColor(Replies.WarningColor)
            .AddField("Where", context.Where)
            .AddField("Account type", context.AccountType switch
            {
                AccountType.Standard => "Standard account",
                AccountType.Unified => "Unified Trading Account",
                _ => "not chosen yet",
            }, inline: true)
            .AddField("Bybit site", context.RegionLabel ?? "not chosen yet (bybit.com is checked)", inline: true)
            .AddField("Last check", LastCheck(context.LastCheck))
            .AddField("Started", Timestamp(context.StartedAt), inline: true)
            .WithFooter("Tickets aren't available yet: please reach out to the member directly.")
            .Build();

        // The mention names the member for staff; the message's allowed mentions stay "none", so it pings nobody.
        return new MessageBuilder()
            .WithContent(string.Create(CultureInfo.InvariantCulture, $"<@{context.UserId}> pressed \"I'm stuck\" in `/connect-bybit`."))
            .AddEmbed(embed)
            .WithAllowedMentions(AllowedMentions.None)
            .Build();
    }

    private static string LastCheck(CheckSummary? check)
    {
        if (check is null)
        {
            return "none yet";
        }

        var text = new StringBuilder();
        text.Append(check.Verdict switch
        {
            Verdict.Pass => "✅ pass",
            Verdict.Warn => "⚠️ warn",
            Verdict.Fail => "❌ fail",
            _ => "⚠️ could not run",
        });
        if (check.FailingCheckIds.Count > 0)
        {
            text.Append(" · failing: ").Append(string.Join(", ", check.FailingCheckIds));
        }

        if (check.WarningCheckIds.Count > 0)
        {
            text.Append(" · warnings: ").Append(string.Join(", ", check.WarningCheckIds));
        }

        text.Append("\nKey ").Append(check.MaskedKey);
        if (check.RunAt?.StepNumber() is { } step)
        {
            text.Append(" · at step ").Append(step.ToString(CultureInfo.InvariantCulture));
        }
        else if (check.RunAt == GuidePosition.FinalCheck)
        {
            text.Append(" · full check");
        }

        text.Append(" · ").Append(Timestamp(check.CheckedAt));
        return text.ToString();
    }

    private static string Timestamp(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"<t:{at.ToUnixTimeSeconds()}:R>");
}

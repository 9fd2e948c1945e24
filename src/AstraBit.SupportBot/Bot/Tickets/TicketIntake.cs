using AstraBit.SupportBot.Bot.Interactions;
using AstraBit.SupportBot.Bot.Languages;
using AstraBit.SupportBot.Core.Guide;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Text;
using AstraBit.SupportBot.Core.Tickets;
using AstraBit.SupportBot.Core.Walkthrough;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Bot.Tickets;

/// <summary>The intake form's custom_id ("intake:form"): the one form `/ticket open` and the panel's "Talk to support" open.</summary>
public sealed record TicketIntakeId : ICustomId<TicketIntakeId>
{
    private const string Action = "form";

    public static string Prefix => "intake";

    public IdSurface Surface => IdSurface.Anywhere;

    public string Build() => ComponentId.Build(Prefix, Action);

    public static TicketIntakeId? TryParse(ComponentId id) =>
        id is { Prefix: "intake", Action: Action, Args.Count: 0 } ? new TicketIntakeId() : null;
}

/// <summary>
/// The intake form (PRODUCT.md §6): a topic from Tickets:Topics, a description and up to three screenshots, in the
/// member's language, each input inside a Label as Discord's modals want them.
/// </summary>
public sealed class TicketIntakeForm(DiscordRestClient rest, TicketDesk desk, SupportLanguages languages, IOptions<TicketOptions> options)
{
    public const string TopicField = "topic";
    public const string DescriptionField = "description";
    public const string ScreenshotsField = "screenshots";

    /// <summary>The most screenshots the form takes.</summary>
    public const int MaxScreenshots = 3;

    /// <summary>The most characters of a description (an embed field holds 1024).</summary>
    public const int MaxDescription = 1000;

    /// <summary>
    /// Opens the form when the member has no ticket yet and says true; false when one is open already, which `/ticket open`
    /// points them to (or repairs, when a crash left it half-built) without asking anything.
    /// </summary>
    public async Task<bool> OfferAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (await desk.FindOpenForMemberAsync(interaction.User.Id, cancellationToken) is not null)
        {
            return false;
        }

        await rest.OpenModalAsync(interaction, Build(languages.For(interaction), options.Value.EffectiveTopics), cancellationToken);
        return true;
    }

    public static Modal Build(LocaleTexts texts, IReadOnlyList<TicketTopic> topics)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(topics);
        return new ModalBuilder(new TicketIntakeId().Build(), texts.Get(TextIds.Intake.FormTitle))
            .AddSelect(
                texts.Get(TextIds.Intake.TopicLabel),
                new StringSelect(TopicField, topics.Select(t => new SelectOption(Label(t, texts), t.Key)), texts.Get(TextIds.Intake.TopicPlaceholder), required: true))
            .AddTextInput(
                texts.Get(TextIds.Intake.DescriptionLabel),
                new TextInput(DescriptionField, TextInputStyle.Paragraph, minLength: 1, maxLength: MaxDescription, placeholder: texts.Get(TextIds.Intake.DescriptionPlaceholder)),
                texts.Get(TextIds.Intake.DescriptionHint))
            .AddFileUpload(
                texts.Get(TextIds.Intake.ScreenshotsLabel),
                new FileUploadInput(ScreenshotsField, minValues: 0, maxValues: MaxScreenshots, required: false),
                texts.Get(TextIds.Intake.ScreenshotsHint))
            .Build();
    }

    /// <summary>A topic's name: the default topics' from the texts in <paramref name="texts"/>' language, an added topic's configured Label.</summary>
    public static string Label(TicketTopic topic, LocaleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(texts);
        return topic.Label ?? (TextIds.Intake.Topic(topic.Key) is { } id ? texts.Get(id) : topic.Key);
    }
}

/// <summary>
/// The intake form's submit: the screenshots fetched (images only, from Discord's attachment hosts), for a connection
/// topic the remembered key checked first, then the ticket opened through the ticket desk with the answers on its card
/// (<see cref="TicketCommandHandler.OpenDeferredAsync"/>), and the screenshots posted into its thread, since Discord's
/// form uploads are temporary.
/// </summary>
public sealed partial class TicketIntakeHandler(
    TicketCommandHandler tickets,
    DiscordRestClient rest,
    DiscordAttachmentReader files,
    KeyCheckService checks,
    IWalkthroughStore progress,
    GuideContent guide,
    SupportLanguages languages,
    IOptions<TicketOptions> options,
    ILogger<TicketIntakeHandler> logger) : IComponentHandler<TicketIntakeId>
{
    /// <summary>Discord's upload limit per file (reference/discord-api.md §12).</summary>
    public const int MaxScreenshotBytes = 10 * 1024 * 1024;

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp"];

    public async Task HandleAsync(Interaction interaction, TicketIntakeId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Modal is not { } form)
        {
            await rest.RespondAsync(interaction, Replies.NotHandled(interaction, languages.For(interaction)), cancellationToken);
            return;
        }

        await rest.DeferAsync(interaction, ephemeral: true, cancellationToken);
        var staff = languages.Staff;
        var topics = options.Value.EffectiveTopics;
        var topic = topics.FirstOrDefault(t => form.GetValues(TicketIntakeForm.TopicField) is [var chosen, ..] && chosen == t.Key) ?? topics[^1];
        var shots = new List<FileUpload>();
        var skipped = new List<string>();
        foreach (var upload in form.GetUploads(TicketIntakeForm.ScreenshotsField).Take(TicketIntakeForm.MaxScreenshots))
        {
            var read = IsImage(upload) ? await files.ReadBytesAsync(upload, MaxScreenshotBytes, cancellationToken) : null;
            if (read?.Bytes is { } bytes)
            {
                shots.Add(new FileUpload(upload.FileName, bytes, null, upload.ContentType ?? "application/octet-stream"));
            }
            else
            {
                skipped.Add(upload.FileName);
            }
        }

        var intake = new TicketIntake(topic.Key, TicketIntakeForm.Label(topic, staff), form.GetTextInput(TicketIntakeForm.DescriptionField)?.Trim() ?? "", [.. shots.Select(s => s.FileName)])
        {
            Skipped = skipped,
        };
        var checkedCard = topic.Key == TicketTopic.Connection ? await CheckRememberedKeyAsync(interaction.User.Id, cancellationToken) : null;
        var ticket = await tickets.OpenDeferredAsync(interaction, intake, checkedCard, cancellationToken);
        if (shots.Count > 0 && ticket.ThreadId is { } thread && ticket.Card?.Intake is not null)
        {
            var message = new MessageBuilder()
                .WithContent(staff.Get(TextIds.Intake.ScreenshotsPosted, ("member", TicketMessages.Mention(ticket.MemberId))))
                .WithAllowedMentions(AllowedMentions.None);
            foreach (var shot in shots)
            {
                message.AddFile(shot);
            }

            await rest.CreateMessageAsync(thread, message.Build(), cancellationToken);
        }

        LogIntake(logger, interaction.User.Id, ticket.Number, topic.Key, shots.Count, skipped.Count, checkedCard is not null);
    }

    private static bool IsImage(MessageAttachment upload) =>
        upload.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
        && ImageExtensions.Any(e => upload.FileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    // A connection question with a remembered key: the check runs first and its diagnosis is the card's. The origin is
    // "in the ticket" because the ticket opens right after with this card; the check must not open one of its own.
    private async Task<TicketCard?> CheckRememberedKeyAsync(ulong memberId, CancellationToken cancellationToken)
    {
        if (!checks.IsRemembered(memberId))
        {
            return null;
        }

        var region = (await progress.GetAsync(memberId, cancellationToken))?.RegionKey;
        var result = await checks.RunAsync(new KeyCheckRequest(memberId, new KeyCheckOrigin.InTicket(0), null, region, null), cancellationToken);
        return result is KeyCheckResult.Completed done
            ? TicketCard.FromReport(done.Report.InLocale(languages.StaffLocale), guide.FindRegion(done.RegionKey)?.Label ?? done.RegionKey)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Intake form from member {UserId}: ticket {Number}, topic {Topic}, {Screenshots} screenshots kept, {Skipped} skipped, key checked first: {Checked}")]
    private static partial void LogIntake(ILogger logger, ulong userId, int number, string topic, int screenshots, int skipped, bool @checked);
}

/// <summary>The staff role the intake form's topic names, pinged by the staff notice (the answers themselves are on the card, <see cref="TicketCardLayout"/>).</summary>
public static class TicketIntakeMessages
{
    /// <summary>The staff role the ticket's topic names, if any.</summary>
    public static ulong? TopicRole(Ticket ticket, TicketOptions options)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(options);
        return ticket.Card?.Intake is { } intake ? options.EffectiveTopics.FirstOrDefault(t => t.Key == intake.TopicKey)?.RoleId : null;
    }
}

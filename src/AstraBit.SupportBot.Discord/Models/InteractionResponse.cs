using System.Text.Json.Nodes;

namespace AstraBit.SupportBot.Discord.Models;

/// <summary>Interaction callback types the bot uses.</summary>
public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}

/// <summary>The body of POST /interactions/{id}/{token}/callback. Create it with the static factories.</summary>
public sealed record InteractionResponse
{
    private InteractionResponse(InteractionCallbackType type, MessagePayload? message, Modal? modal, MessageFlags deferFlags, IReadOnlyList<CommandChoice>? choices = null)
    {
        Choices = choices;
        Type = type;
        Message = message;
        ModalData = modal;
        DeferFlags = deferFlags;
    }

    public InteractionCallbackType Type { get; }

    public MessagePayload? Message { get; }

    public Modal? ModalData { get; }

    internal MessageFlags DeferFlags { get; }

    /// <summary>The suggestions of an autocomplete result (type 8).</summary>
    public IReadOnlyList<CommandChoice>? Choices { get; }

    /// <summary>Type 4: reply with a message (use <see cref="MessageBuilder.WithEphemeral"/> for a private reply).</summary>
    public static InteractionResponse WithMessage(MessagePayload message) =>
        new(InteractionCallbackType.ChannelMessageWithSource, message ?? throw new ArgumentNullException(nameof(message)), null, MessageFlags.None);

    /// <summary>Type 5: acknowledge now, show "thinking…", and edit @original later.</summary>
    public static InteractionResponse DeferMessage(bool ephemeral) =>
        new(InteractionCallbackType.DeferredChannelMessageWithSource, null, null, ephemeral ? MessageFlags.Ephemeral : MessageFlags.None);

    /// <summary>Type 6: acknowledge a component interaction without a loading state.</summary>
    public static InteractionResponse DeferUpdate() => new(InteractionCallbackType.DeferredUpdateMessage, null, null, MessageFlags.None);

    /// <summary>Type 7: edit the message the component is on.</summary>
    public static InteractionResponse UpdateMessage(MessagePayload message) =>
        new(InteractionCallbackType.UpdateMessage, message ?? throw new ArgumentNullException(nameof(message)), null, MessageFlags.None);

    /// <summary>Type 8: the suggestions for the option being typed (only for an autocomplete interaction); at most 25.</summary>
    public static InteractionResponse Autocomplete(IReadOnlyList<CommandChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        DiscordLimits.Count(choices.Count, DiscordLimits.CommandChoices, "data.choices");
        return new(InteractionCallbackType.ApplicationCommandAutocompleteResult, null, null, MessageFlags.None, choices);
    }

    /// <summary>Type 9: open a modal (not allowed in answer to a modal submit).</summary>
    public static InteractionResponse OpenModal(Modal modal) =>
        new(InteractionCallbackType.Modal, null, modal ?? throw new ArgumentNullException(nameof(modal)), MessageFlags.None);

    internal JsonObject ToJson()
    {
        var o = new JsonObject { ["type"] = (int)Type };
        if (Message is not null)
        {
            o["data"] = Message.ToJson(edit: Type == InteractionCallbackType.UpdateMessage);
        }
        else if (ModalData is not null)
        {
            o["data"] = ModalData.ToJson();
        }
        else if (Choices is not null)
        {
            o["data"] = new JsonObject { ["choices"] = new JsonArray([.. Choices.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["value"] = c.Value })]) };
        }
        else if (Type == InteractionCallbackType.DeferredChannelMessageWithSource)
        {
            // Only the ephemeral flag is valid on a defer; the follow-up edit sets allowed_mentions.
            o["data"] = new JsonObject { ["flags"] = (int)DeferFlags, ["allowed_mentions"] = AllowedMentions.None.ToJson() };
        }

        return o;
    }
}

namespace AstraBit.SupportBot.Core.Panel;

/// <summary>What each of the panel's buttons does: exactly what the matching command does, privately, for whoever presses it.</summary>
public enum PanelAction
{
    /// <summary>/connect-bybit: start or resume the guided setup.</summary>
    ConnectBybit,

    /// <summary>/diagnose: the key form, then the check.</summary>
    CheckKey,

    /// <summary>/bybit-error: a form asking for the error, then its explanation.</summary>
    ExplainError,

    /// <summary>/ticket open.</summary>
    TalkToSupport,
}

/// <summary>A button on the panel, in the order shown.</summary>
public sealed record PanelButton(PanelAction Action, string Label);

/// <summary>The form "Explain an error" opens: its title, the one field's label and placeholder.</summary>
public sealed record PanelErrorForm(string Title, string Label, string Placeholder);

/// <summary>The support panel's words (config/panel.json): an embed with a title, text and optional footer, and the four buttons.</summary>
public sealed record PanelContent(string Title, string Text, string? Footer, IReadOnlyList<PanelButton> Buttons, PanelErrorForm ErrorForm)
{
    public string Label(PanelAction action) => Buttons.First(b => b.Action == action).Label;
}

namespace AstraBit.SupportBot.Core.Text;

public static partial class TextIds
{
    /// <summary>The Components V2 diagnosis card's own words (staff language).</summary>
    public static class TicketCardV2
    {
        /// <summary>Checks the card had no room for within Discord's limits for one message; {checks} names them.</summary>
        public const string NotShown = "ticketCardV2.notShown";
    }

    /// <summary>Moving the support panel (the server's audit log reason, staff language).</summary>
    public static class PanelMove
    {
        public const string DeleteReason = "panelMove.deleteReason";
    }
}

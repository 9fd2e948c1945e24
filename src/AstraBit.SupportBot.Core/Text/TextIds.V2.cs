namespace AstraBit.SupportBot.Core.Text;

public static partial class TextIds
{
    /// <summary>The Components V2 diagnosis card's own words (staff language).</summary>
    public static class TicketCardV2
    {
        /// <summary>Checks the card had no room for within Discord's limits for one message; {checks} names them.</summary>
        public const string NotShown = "ticketCardV2.notShown";
    }
}

using AstraBit.SupportBot.Bot.Interactions;

namespace AstraBit.SupportBot.Bot.Privacy;

/// <summary>
/// A `/ticket history` button's custom_id: a page of the member's history ("th:page:member:page"), shown in place of
/// the staff member's private view, or the member's data as a file ("th:export:member"), answered apart.
/// </summary>
public sealed record MemberHistoryId(ulong MemberId, int? Page) : ICustomId<MemberHistoryId>
{
    private const string PageAction = "page";
    private const string ExportAction = "export";

    public static string Prefix => "th";

    /// <summary>Export: no page.</summary>
    public bool IsExport => Page is null;

    public IdSurface Surface => IsExport ? IdSurface.Anywhere : IdSurface.OwnMessage;

    public string Build() => Page is { } page
        ? ComponentId.Build(Prefix, PageAction, ComponentId.Token(MemberId), ComponentId.Token(page))
        : ComponentId.Build(Prefix, ExportAction, ComponentId.Token(MemberId));

    public static MemberHistoryId? TryParse(ComponentId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (id.Prefix, id.Action, id.Args.Count) switch
        {
            ("th", PageAction, 2) when id.Snowflake(0) is { } member && id.Number(1) is { } page => new MemberHistoryId(member, page),
            ("th", ExportAction, 1) when id.Snowflake(0) is { } member => new MemberHistoryId(member, null),
            _ => null,
        };
    }
}

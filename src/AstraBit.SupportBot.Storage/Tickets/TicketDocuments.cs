using AstraBit.SupportBot.Core.Audit;
using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Tickets;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Tickets;

/// <summary>
/// How tickets and audit entries look in the data file, written out by hand like <see cref="BsonDocuments"/>:
/// ulong ids as the long with the same bits, times as UTC ticks, enums by lowercase name.
/// </summary>
internal static class TicketDocuments
{
    public const string Tickets = "tickets";
    public const string Counters = "counters";
    public const string Audit = "audit";
    public const string Outbox = "ticket_outbox";

    public const string TicketCounterId = "ticketNumber";
    public const string CounterValueField = "value";

    public const string MemberField = "memberId";
    public const string StateField = "state";
    public const string MemberStateField = "memberState";
    public const string ThreadField = "threadId";
    public const string OpenedAtField = "openedAt";
    public const string ClosedAtField = "closedAt";
    public const string BuiltField = "built";
    public const string DetailsExpiredField = "detailsExpiredAt";
    public const string ErasedField = "erasedAt";

    /// <summary>Which close steps are done (absent: all, or never closed).</summary>
    public const string CloseDoneField = "closeDone";

    /// <summary>True while a close has Discord steps left: one indexed lookup finds what the outbox must finish.</summary>
    public const string ClosingField = "closing";

    public const string SchemaField = "schema";
    public const string OutcomeField = "outcome";
    public const string NotesField = "notes";

    /// <summary>
    /// The layout of a ticket document. 1 is the first release, which wrote no "schema" field; 2 added outcome, the
    /// close confirmation, notes and erasure (Migration003DeskFields brings 1 up to 2).
    /// </summary>
    public const int CurrentSchema = 2;

    public const string AuditAtField = "at";
    public const string AuditMemberField = "member";
    public const string AuditActionField = "action";

    private const string Id = "_id";

    /// <summary>Open or claimed: two seeks in the state index rather than a walk over every closed ticket.</summary>
    public static BsonExpression IsOpenQuery() => Query.In(StateField, Lower(TicketState.Open), Lower(TicketState.Claimed));

    /// <summary>Whether the ticket still holds the member's details (a card, later checks or staff notes).</summary>
    public static bool HasMemberDetails(BsonDocument document) =>
        document["card"].IsDocument
        || (document["laterChecks"].IsArray && document["laterChecks"].AsArray.Count > 0)
        || (document[NotesField].IsArray && document[NotesField].AsArray.Count > 0);

    /// <summary>
    /// The ticket without the member's details (number, times, outcome, rating and staff stay), marked at
    /// <paramref name="at"/> in <paramref name="markField"/>: <see cref="ErasedField"/> for a privacy erasure (an earlier
    /// mark stays), <see cref="DetailsExpiredField"/> when the retention ran out.
    /// </summary>
    public static BsonDocument WithoutMemberDetails(BsonDocument document, string markField, DateTimeOffset at)
    {
        var copy = new BsonDocument(document.ToDictionary(p => p.Key, p => p.Value))
        {
            ["card"] = BsonValue.Null,
            ["laterChecks"] = new BsonArray(),
            [NotesField] = new BsonArray(),
        };
        copy[markField] = copy.TryGetValue(markField, out var earlier) && earlier.IsNumber ? earlier : BsonDocuments.Time(at);
        return copy;
    }

    /// <summary>"{memberId}:open" — one indexed lookup answers "does this member have an open ticket".</summary>
    public static string MemberState(ulong memberId, bool open) => $"{unchecked((long)memberId)}:{(open ? "open" : "closed")}";

    public static BsonDocument FromTicket(Ticket ticket) => new()
    {
        [Id] = ticket.Number,
        [MemberField] = BsonDocuments.Snowflake(ticket.MemberId),
        ["origin"] = Lower(ticket.Origin),
        [StateField] = Lower(ticket.State),
        [MemberStateField] = MemberState(ticket.MemberId, !ticket.IsClosed),
        [ThreadField] = Snowflake(ticket.ThreadId),
        [OpenedAtField] = BsonDocuments.Time(ticket.OpenedAt),
        ["card"] = ticket.Card is { } card ? FromCard(card) : BsonValue.Null,
        ["laterChecks"] = new BsonArray(ticket.LaterChecks.Select(c => (BsonValue)FromCard(c))),
        ["claimedBy"] = Snowflake(ticket.ClaimedBy),
        ["claimedAt"] = Time(ticket.ClaimedAt),
        ["firstStaffReplyAt"] = Time(ticket.FirstStaffReplyAt),
        ["lastMemberMessageAt"] = Time(ticket.LastMemberMessageAt),
        ["lastStaffMessageAt"] = Time(ticket.LastStaffMessageAt),
        [ClosedAtField] = Time(ticket.ClosedAt),
        ["closedBy"] = Snowflake(ticket.ClosedBy),
        ["closeReason"] = Text(ticket.CloseReason),
        ["reopenedAt"] = Time(ticket.ReopenedAt),
        ["rating"] = ticket.Rating is { } rating ? new BsonValue(rating) : BsonValue.Null,
        ["ratedAt"] = Time(ticket.RatedAt),
        ["escalatedAt"] = Time(ticket.EscalatedAt),
        ["remindedAt"] = Time(ticket.RemindedAt),
        [OutcomeField] = ticket.Outcome is { } outcome ? outcome.Key() : BsonValue.Null,
        ["closeRequestedAt"] = Time(ticket.CloseRequestedAt),
        ["closeRequestedBy"] = Snowflake(ticket.CloseRequestedBy),
        [NotesField] = new BsonArray(ticket.Notes.Select(n => (BsonValue)new BsonDocument
        {
            ["author"] = BsonDocuments.Snowflake(n.AuthorId),
            ["text"] = n.Text,
            ["at"] = BsonDocuments.Time(n.At),
        })),
        ["erasedAt"] = Time(ticket.ErasedAt),
        [SchemaField] = CurrentSchema,
        [BuiltField] = (int)ticket.Built,
        [CloseDoneField] = (int)ticket.CloseDone,
        [ClosingField] = ticket.IsClosing ? true : BsonValue.Null,
    };

    public static Ticket ToTicket(BsonDocument document) => new(
        document[Id].AsInt32,
        BsonDocuments.Snowflake(document[MemberField]),
        Parse<TicketOrigin>(document["origin"]),
        Time(document[OpenedAtField])!.Value,
        document["card"].IsDocument ? ToCard(document["card"].AsDocument) : null)
    {
        State = Parse<TicketState>(document[StateField]),
        ThreadId = Snowflake(document[ThreadField]),
        LaterChecks = document["laterChecks"].AsArray.Select(v => ToCard(v.AsDocument)).ToList(),
        ClaimedBy = Snowflake(document["claimedBy"]),
        ClaimedAt = Time(document["claimedAt"]),
        FirstStaffReplyAt = Time(document["firstStaffReplyAt"]),
        LastMemberMessageAt = Time(document["lastMemberMessageAt"]),
        LastStaffMessageAt = Time(document["lastStaffMessageAt"]),
        ClosedAt = Time(document[ClosedAtField]),
        ClosedBy = Snowflake(document["closedBy"]),
        CloseReason = Text(document["closeReason"]),
        ReopenedAt = Time(document["reopenedAt"]),
        Rating = document["rating"].IsNumber ? document["rating"].AsInt32 : null,
        RatedAt = Time(document["ratedAt"]),
        EscalatedAt = Time(document["escalatedAt"]),
        RemindedAt = Time(document["remindedAt"]),
        Outcome = TicketCloseOutcomes.Parse(Text(document[OutcomeField])),
        CloseRequestedAt = Time(document["closeRequestedAt"]),
        CloseRequestedBy = Snowflake(document["closeRequestedBy"]),
        Notes = document[NotesField].IsArray
            ? document[NotesField].AsArray.Select(v => new TicketNote(BsonDocuments.Snowflake(v["author"]), v["text"].AsString, Time(v["at"])!.Value)).ToList()
            : [],
        ErasedAt = Time(document["erasedAt"]),
        // Written before build steps were recorded: such a ticket was built in one go.
        Built = document[BuiltField].IsNumber ? (TicketBuildSteps)document[BuiltField].AsInt32 : TicketBuildSteps.All,
        // Written before close steps were recorded: such a close was done in one go.
        CloseDone = document[CloseDoneField].IsNumber ? (TicketCloseSteps)document[CloseDoneField].AsInt32 : TicketCloseSteps.All,
    };

    /// <summary>The outcome a ticket closed by the first release had, told from how it was closed.</summary>
    public static TicketCloseOutcome? OutcomeOfLegacyClose(BsonDocument document) =>
        Text(document[StateField]) != "closed" ? null
        : Text(document["closeReason"]) == TicketStateMachine.AutoCloseReason ? TicketCloseOutcome.NoReply
        : Text(document["closeReason"]) == TicketStateMachine.MemberLeftReason && !document["closedBy"].IsNumber ? TicketCloseOutcome.MemberLeft
        : TicketCloseOutcome.ClosedByStaff;

    public static BsonDocument FromPending(PendingTicket work) => new()
    {
        [MemberField] = BsonDocuments.Snowflake(work.MemberId),
        ["origin"] = Lower(work.Origin),
        ["card"] = FromCard(work.Card),
        ["requestedBy"] = Snowflake(work.RequestedBy),
    };

    public static PendingTicket ToPending(BsonDocument document) => new(
        document[Id].AsInt64,
        BsonDocuments.Snowflake(document[MemberField]),
        Parse<TicketOrigin>(document["origin"]),
        ToCard(document["card"].AsDocument),
        Snowflake(document["requestedBy"]));

    public static BsonDocument FromAudit(AuditEntry entry) => new()
    {
        ["actor"] = Snowflake(entry.ActorId),
        [AuditActionField] = entry.Action,
        [AuditMemberField] = Snowflake(entry.TargetMemberId),
        ["ticket"] = entry.TicketNumber is { } number ? new BsonValue(number) : BsonValue.Null,
        ["detail"] = entry.Detail,
        [AuditAtField] = BsonDocuments.Time(entry.At),
    };

    public static AuditEntry ToAudit(BsonDocument document) => new(
        Snowflake(document["actor"]),
        document["action"].AsString,
        Snowflake(document[AuditMemberField]),
        document["ticket"].IsNumber ? document["ticket"].AsInt32 : null,
        document["detail"].AsString,
        Time(document[AuditAtField])!.Value);

    private static BsonDocument FromCard(TicketCard card) => new()
    {
        ["verdict"] = card.Verdict is { } verdict ? Lower(verdict) : BsonValue.Null,
        ["failing"] = new BsonArray(card.Failing.Select(c => (BsonValue)FromCheck(c))),
        ["warnings"] = new BsonArray(card.Warnings.Select(c => (BsonValue)FromCheck(c))),
        ["accountType"] = Text(card.AccountType),
        ["region"] = Text(card.Region),
        ["maskedKey"] = Text(card.MaskedKey),
        ["stoppedAt"] = Text(card.StoppedAt),
        ["checkedAt"] = Time(card.CheckedAt),
        ["intake"] = card.Intake is { } intake ? FromIntake(intake) : BsonValue.Null,
    };

    private static BsonDocument FromIntake(TicketIntake intake) => new()
    {
        ["topic"] = intake.TopicKey,
        ["topicLabel"] = intake.TopicLabel,
        ["description"] = intake.Description,
        ["screenshots"] = new BsonArray(intake.Screenshots.Select(s => new BsonValue(s))),
        ["skipped"] = new BsonArray(intake.Skipped.Select(s => new BsonValue(s))),
    };

    // Cards written before the intake form have no "intake".
    private static TicketIntake? ToIntake(BsonValue value) => value is { IsDocument: true, AsDocument: var d }
        ? new TicketIntake(d["topic"].AsString, d["topicLabel"].AsString, d["description"].AsString, [.. d["screenshots"].AsArray.Select(v => v.AsString)])
        {
            Skipped = d["skipped"].IsArray ? [.. d["skipped"].AsArray.Select(v => v.AsString)] : [],
        }
        : null;

    private static TicketCard ToCard(BsonDocument document) => new(
        document["verdict"].IsString ? Parse<Verdict>(document["verdict"]) : null,
        document["failing"].AsArray.Select(v => ToCheck(v.AsDocument)).ToList(),
        document["warnings"].AsArray.Select(v => ToCheck(v.AsDocument)).ToList(),
        Text(document["accountType"]),
        Text(document["region"]),
        Text(document["maskedKey"]),
        Text(document["stoppedAt"]),
        Time(document["checkedAt"]))
    {
        Intake = ToIntake(document["intake"]),
    };

    private static BsonDocument FromCheck(TicketCheck check) => new()
    {
        ["id"] = check.Id,
        ["status"] = Lower(check.Status),
        ["title"] = check.Title,
        ["detail"] = check.Detail,
        ["fix"] = Text(check.Fix),
        ["guideStep"] = check.GuideStep is { } step ? new BsonValue(step) : BsonValue.Null,
    };

    private static TicketCheck ToCheck(BsonDocument document) => new(
        document["id"].AsString,
        Parse<CheckStatus>(document["status"]),
        document["title"].AsString,
        document["detail"].AsString,
        Text(document["fix"]),
        document["guideStep"].IsNumber ? document["guideStep"].AsInt32 : null);

    private static BsonValue Snowflake(ulong? id) => id is { } value ? BsonDocuments.Snowflake(value) : BsonValue.Null;

    private static ulong? Snowflake(BsonValue value) => value.IsNumber ? BsonDocuments.Snowflake(value) : null;

    private static BsonValue Time(DateTimeOffset? time) => time is { } value ? BsonDocuments.Time(value) : BsonValue.Null;

    private static DateTimeOffset? Time(BsonValue value) => value.IsNumber ? new DateTimeOffset(value.AsInt64, TimeSpan.Zero) : null;

    private static BsonValue Text(string? text) => text is null ? BsonValue.Null : new BsonValue(text);

    private static string? Text(BsonValue value) => value.IsString ? value.AsString : null;

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static T Parse<T>(BsonValue value)
        where T : struct, Enum => Enum.Parse<T>(value.AsString, ignoreCase: true);
}

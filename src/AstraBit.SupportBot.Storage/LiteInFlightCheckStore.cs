using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.KeyChecks;
using AstraBit.SupportBot.Core.Tickets;
using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>
/// In-flight key checks, one document per interaction (its id is the document's). The result is kept as the report's
/// own JSON (PRODUCT §5, the key masked), so the data file holds nothing the report doesn't. Renaming a field needs a migration.
/// </summary>
public sealed class LiteInFlightCheckStore(SupportDatabase database) : IInFlightCheckStore
{
    internal const string CollectionName = "in_flight_checks";

    private const string ApplicationField = "applicationId";
    private const string TokenField = "token";
    private const string ExpiresAtField = "expiresAt";
    private const string MemberField = "memberId";
    private const string OriginField = "origin";
    private const string RecordedAtField = "recordedAt";
    private const string ResultField = "result";

    private ILiteCollection<BsonDocument> Collection => database.Database.GetCollection(CollectionName);

    public Task AddAsync(InFlightCheck check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        cancellationToken.ThrowIfCancellationRequested();
        Collection.Upsert(ToDocument(check));
        return Task.CompletedTask;
    }

    public Task SetResultAsync(ulong interactionId, DiagnosticReport result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);

        // The report carries the key masked by construction; this keeps the promise for a report built some other way.
        if (!SecretGuard.IsMaskedKey(result.ApiKey))
        {
            throw new ArgumentException("Only a report with a masked key may be stored.", nameof(result));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var document = Collection.FindById(BsonDocuments.Snowflake(interactionId));
        if (document is not null)
        {
            document[ResultField] = DiagnosticReportJson.Serialize(result);
            Collection.Update(document);
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(ulong interactionId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Collection.Delete(BsonDocuments.Snowflake(interactionId));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InFlightCheck>> AllAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<InFlightCheck>>([.. Collection.FindAll().Select(ToCheck).OrderBy(c => c.InteractionId)]);
    }

    private static BsonDocument ToDocument(InFlightCheck check) => new()
    {
        ["_id"] = BsonDocuments.Snowflake(check.InteractionId),
        [ApplicationField] = BsonDocuments.Snowflake(check.ApplicationId),
        [TokenField] = check.Token,
        [ExpiresAtField] = BsonDocuments.Time(check.ExpiresAt),
        [MemberField] = BsonDocuments.Snowflake(check.MemberId),
        [OriginField] = check.Origin,
        [RecordedAtField] = BsonDocuments.Time(check.RecordedAt),
        [ResultField] = check.Result is { } result ? DiagnosticReportJson.Serialize(result) : BsonValue.Null,
    };

    private static InFlightCheck ToCheck(BsonDocument document) => new(
        BsonDocuments.Snowflake(document["_id"]),
        BsonDocuments.Snowflake(document[ApplicationField]),
        document[TokenField].AsString,
        BsonDocuments.Time(document[ExpiresAtField]),
        BsonDocuments.Snowflake(document[MemberField]),
        document[OriginField].AsString,
        BsonDocuments.Time(document[RecordedAtField]))
    {
        Result = document[ResultField].IsString ? DiagnosticReportJson.Deserialize(document[ResultField].AsString) : null,
    };
}

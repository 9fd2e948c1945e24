using AstraBit.SupportBot.Storage.Stats;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Migrations;

/// <summary>
/// The figures' own copy (issue 22): a day document per kind with the few fields of each check, ticket, walkthrough
/// and claim that /ticket stats reads (<see cref="StatsDays"/>), built from the documents already in the file. From
/// here on the stores keep it in step as they write.
/// </summary>
internal sealed class Migration005StatsDays : IMigration
{
    public int Version => 5;

    /// <summary>A year's file is read whole here: in batches, so memory stays bounded (it peaked at 581 MB in one transaction).</summary>
    public bool CommitsInBatches => true;

    public void Apply(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        StatsDays.Rebuild(database);
    }
}

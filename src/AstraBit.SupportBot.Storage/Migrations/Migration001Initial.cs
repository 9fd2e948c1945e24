using LiteDB;

namespace AstraBit.SupportBot.Storage.Migrations;

/// <summary>Version 1: walkthrough progress keyed by member (the position as a step number), check history indexed by member.</summary>
internal sealed class Migration001Initial : IMigration
{
    public int Version => 1;

    public void Apply(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.GetCollection(Collections.Walkthroughs);
        database.GetCollection(Collections.CheckHistory).EnsureIndex(Collections.UserIdField);
    }
}

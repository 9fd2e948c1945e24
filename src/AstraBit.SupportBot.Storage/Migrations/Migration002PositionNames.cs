using AstraBit.SupportBot.Core.Guide;
using LiteDB;

namespace AstraBit.SupportBot.Storage.Migrations;

/// <summary>
/// Version 2: the walkthrough position is stored by name ("Step5", "FinalCheck") instead of a number in "step",
/// so pages can later be added to the guide without shifting what members saved.
/// </summary>
internal sealed class Migration002PositionNames : IMigration
{
    private const string OldField = "step";

    public int Version => 2;

    public void Apply(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var walkthroughs = database.GetCollection(Collections.Walkthroughs);
        foreach (var document in walkthroughs.FindAll().ToList())
        {
            if (!document.TryGetValue(OldField, out var step))
            {
                continue;
            }

            var position = step.IsNumber && Enum.IsDefined((GuidePosition)step.AsInt32)
                ? (GuidePosition)step.AsInt32
                : GuidePosition.BeforeYouBegin;
            document.Remove(OldField);
            document[BsonDocuments.PositionField] = position.ToString();
            walkthroughs.Update(document);
        }

        database.GetCollection(Collections.CheckHistory).EnsureIndex(Collections.CheckedAtField);
    }
}

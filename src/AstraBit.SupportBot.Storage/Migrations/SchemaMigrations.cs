namespace AstraBit.SupportBot.Storage.Migrations;

public static class SchemaMigrations
{
    /// <summary>Every migration, in order; the last one's version is the current schema.</summary>
    public static IReadOnlyList<IMigration> All { get; } = [new Migration001Initial(), new Migration002PositionNames(), new Migration003DeskFields(), new Migration004MemberHelp(), new Migration005StatsDays()];

    public static int CurrentVersion => All[^1].Version;
}

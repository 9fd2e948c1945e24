namespace AstraBit.SupportBot.Doctor;

/// <summary>Runs every set-up check: Discord, Bybit, the data file and the content files.</summary>
public sealed class DoctorRunner(DiscordSetupCheck discord, BybitHostCheck bybit, DataFileCheck dataFile, ContentCheck content, TimeProvider time)
{
    public async Task<DoctorReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var checkedAt = time.GetUtcNow();
        var bybitChecks = bybit.RunAsync(cancellationToken);
        var checks = new List<DoctorCheck>();
        checks.AddRange(await discord.RunAsync(includeCommands: true, cancellationToken));
        checks.AddRange(await bybitChecks);
        checks.Add(dataFile.Run());
        checks.AddRange(content.Run());
        return new DoctorReport(checks, checkedAt, time.GetElapsedTime(started));
    }
}

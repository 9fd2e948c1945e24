namespace AstraBit.SupportBot.Doctor;

/// <summary>How one set-up check came out: ✓ pass, ! warn (works, but worth fixing), ✗ fail (something will break).</summary>
public enum DoctorStatus
{
    Pass,
    Warn,
    Fail,
}

/// <summary>
/// One line of the `doctor` checklist. <paramref name="Id"/> is stable (for --json readers);
/// <paramref name="Fix"/> says what to do, in the words of the Discord client or the configuration key.
/// </summary>
public sealed record DoctorCheck(string Id, DoctorStatus Status, string Title, string? Detail = null, string? Fix = null)
{
    public static DoctorCheck Pass(string id, string title, string? detail = null) => new(id, DoctorStatus.Pass, title, detail);

    public static DoctorCheck Warn(string id, string title, string detail, string fix) => new(id, DoctorStatus.Warn, title, detail, fix);

    public static DoctorCheck Fail(string id, string title, string detail, string fix) => new(id, DoctorStatus.Fail, title, detail, fix);
}

/// <summary>The whole checklist.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorCheck> Checks, DateTimeOffset CheckedAt, TimeSpan Duration)
{
    public int Failures => Checks.Count(c => c.Status == DoctorStatus.Fail);

    public int Warnings => Checks.Count(c => c.Status == DoctorStatus.Warn);

    /// <summary>0 when every check passes, 1 when something needs fixing (PRODUCT.md §11).</summary>
    public int ExitCode => Failures + Warnings == 0 ? 0 : 1;
}

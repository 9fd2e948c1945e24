using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Limits;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Core.Tests.Limits;

public sealed class CheckCooldownTests
{
    private const ulong Member = 555;

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly CheckCooldown cooldown;

    public CheckCooldownTests()
    {
        cooldown = new CheckCooldown(Options.Create(new DiagnosticsOptions { Cooldown = TimeSpan.FromMinutes(1) }), time);
    }

    [Fact]
    public void TryBegin_FirstCheck_Allowed()
    {
        Assert.Same(LimitDecision.Allow, cooldown.TryBegin(Member));
    }

    [Fact]
    public void TryBegin_TwentySecondsLater_ToldToWaitFortySecondsInWords()
    {
        cooldown.TryBegin(Member);
        time.Advance(TimeSpan.FromSeconds(20));

        var decision = cooldown.TryBegin(Member);

        Assert.False(decision.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(40), decision.RetryAfter);
        Assert.Equal("You ran a check just now. Please try again in 40 seconds.", decision.Message);
    }

    [Fact]
    public void TryBegin_PartSecondLeft_RoundsUp()
    {
        cooldown.TryBegin(Member);
        time.Advance(TimeSpan.FromSeconds(59.2));

        var decision = cooldown.TryBegin(Member);

        Assert.Equal(TimeSpan.FromSeconds(1), decision.RetryAfter);
        Assert.Equal("You ran a check just now. Please try again in 1 second.", decision.Message);
    }

    [Fact]
    public void TryBegin_AfterExactlyTheCooldown_Allowed()
    {
        cooldown.TryBegin(Member);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(cooldown.TryBegin(Member).Allowed);
    }

    [Fact]
    public void TryBegin_OtherMember_NotAffected()
    {
        cooldown.TryBegin(Member);

        Assert.True(cooldown.TryBegin(Member + 1).Allowed);
    }

    [Fact]
    public void Cancel_CheckThatDidNotRun_GivesTheCooldownBack()
    {
        cooldown.TryBegin(Member);

        cooldown.Cancel(Member);

        Assert.True(cooldown.TryBegin(Member).Allowed);
    }

    [Fact]
    public void Remaining_DuringCooldown_CountsDown()
    {
        cooldown.TryBegin(Member);
        time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(TimeSpan.FromSeconds(45), cooldown.Remaining(Member));
        Assert.Equal(TimeSpan.Zero, cooldown.Remaining(Member + 1));
    }

    [Fact]
    public void TryBegin_ZeroCooldown_AlwaysAllowed()
    {
        var none = new CheckCooldown(Options.Create(new DiagnosticsOptions { Cooldown = TimeSpan.Zero }), time);

        Assert.True(none.TryBegin(Member).Allowed);
        Assert.True(none.TryBegin(Member).Allowed);
    }
}

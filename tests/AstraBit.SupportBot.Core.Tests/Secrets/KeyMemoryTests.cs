using AstraBit.SupportBot.Core.Diagnostics;
using AstraBit.SupportBot.Core.Secrets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Core.Tests.Secrets;

public sealed class KeyMemoryTests : IDisposable
{
    private const ulong Member = 1001;
    private const string Key = "AbCdEfGhIjKlMnXy12";
    private const string Secret = "s3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3tS3CR3T";

    private static readonly Credentials Credentials = new(Key, Secret);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly KeyMemory memory;

    public KeyMemoryTests()
    {
        memory = Create(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void TryGet_JustRemembered_GivesTheCredentials()
    {
        memory.Remember(Member, Credentials);

        Assert.True(memory.TryGet(Member, out var key));
        Assert.Equal("…Xy12", key.MaskedKey);
        Assert.Equal(time.GetUtcNow().AddMinutes(10), key.ExpiresAt);
        Assert.Equal(Credentials, key.Use(c => c));
    }

    [Fact]
    public void TryGet_OtherMember_Nothing()
    {
        memory.Remember(Member, Credentials);

        Assert.False(memory.TryGet(Member + 1, out _));
    }

    [Fact]
    public void TryGet_JustBeforeKeyMemory_StillThere()
    {
        memory.Remember(Member, Credentials);

        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));

        Assert.True(memory.Has(Member));
    }

    [Fact]
    public void TryGet_AtExactlyKeyMemory_GoneAndWiped()
    {
        memory.Remember(Member, Credentials);
        memory.TryGet(Member, out var held);

        time.Advance(TimeSpan.FromMinutes(10));

        Assert.False(memory.TryGet(Member, out _));
        Assert.True(held!.IsWiped);
        Assert.Throws<InvalidOperationException>(() => held.Use(c => c));
    }

    [Fact]
    public void Timer_AtKeyMemory_WipesWithoutAnyAccess()
    {
        memory.Remember(Member, Credentials);
        memory.TryGet(Member, out var held);

        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, memory.Count);
        Assert.True(held!.IsWiped);
    }

    [Fact]
    public void Remember_KeyMemoryZero_RemembersNothing()
    {
        using var off = Create(TimeSpan.Zero);

        var remembered = off.Remember(Member, Credentials);

        Assert.False(off.IsEnabled);
        Assert.False(remembered);
        Assert.False(off.TryGet(Member, out _));
    }

    [Fact]
    public void Forget_Remembered_WipesAtOnce()
    {
        memory.Remember(Member, Credentials);
        memory.TryGet(Member, out var held);

        var forgot = memory.Forget(Member);

        Assert.True(forgot);
        Assert.False(memory.Has(Member));
        Assert.True(held!.IsWiped);
    }

    [Fact]
    public void Forget_NothingHeld_ReturnsFalse()
    {
        Assert.False(memory.Forget(Member));
    }

    [Fact]
    public void Remember_Again_RestartsTheClockAndWipesTheOldEntry()
    {
        memory.Remember(Member, Credentials);
        memory.TryGet(Member, out var first);
        time.Advance(TimeSpan.FromMinutes(8));

        memory.Remember(Member, Credentials);
        time.Advance(TimeSpan.FromMinutes(8));

        Assert.True(first!.IsWiped);
        Assert.True(memory.Has(Member));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(memory.Has(Member));
    }

    [Fact]
    public void ToString_RememberedKey_NeverShowsTheSecretOrTheKey()
    {
        memory.Remember(Member, Credentials);
        memory.TryGet(Member, out var key);

        var texts = new[] { key!.ToString(), memory.ToString() };

        Assert.All(texts, t => Assert.DoesNotContain(Secret, t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain(Key, t, StringComparison.Ordinal));
    }

    [Fact]
    public void Dispose_WipesEverything()
    {
        using var other = Create(TimeSpan.FromMinutes(10));
        other.Remember(Member, Credentials);
        other.TryGet(Member, out var held);

        other.Dispose();

        Assert.True(held!.IsWiped);
    }

    public void Dispose() => memory.Dispose();

    private KeyMemory Create(TimeSpan keyMemory) => new(Options.Create(new DiagnosticsOptions { KeyMemory = keyMemory }), time);
}

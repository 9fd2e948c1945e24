using System.Text.Json.Nodes;
using AstraBit.SupportBot.Discord.Models;
using AstraBit.SupportBot.Emulators.Discord;
using Microsoft.Extensions.Time.Testing;

namespace AstraBit.SupportBot.Discord.Tests.Rest;

/// <summary>
/// <c>nonce</c> with <c>enforce_nonce</c>: the client sends both, and Discord (the emulator, as documented) returns the
/// message the same author created with that nonce in the past few minutes instead of creating another.
/// </summary>
public sealed class MessageNonceTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task CreateMessageAsync_SameNonceTwice_OneMessageBothAnswersTheSame()
    {
        await using var h = await RestHarness.StartAsync();
        var channel = h.Emulator.AddTextChannel("log");
        var message = MessagePayload.Text("Ticket #0001 closed").WithNonce("c1.1765100000.8");

        var first = await h.Client.CreateMessageAsync(channel, message, Ct);
        var second = await h.Client.CreateMessageAsync(channel, message, Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(h.Emulator.Messages, m => m.ChannelId == channel);
        var body = JsonNode.Parse(h.Emulator.RequestsFor(DiscordRestRoutes.CreateMessage)[0].Body!)!;
        Assert.Equal("c1.1765100000.8", body["nonce"]!.GetValue<string>());
        Assert.True(body["enforce_nonce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CreateMessageAsync_SameNonceAfterAFewMinutes_NewMessage()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await RestHarness.StartAsync(new DiscordRestEmulatorOptions { TimeProvider = clock });
        var channel = h.Emulator.AddTextChannel("log");
        var message = MessagePayload.Text("hello").WithNonce("n1");

        var first = await h.Client.CreateMessageAsync(channel, message, Ct);
        clock.Advance(DiscordRestEmulator.NonceWindow + TimeSpan.FromSeconds(1));
        var later = await h.Client.CreateMessageAsync(channel, message, Ct);

        Assert.NotEqual(first.Id, later.Id);
        Assert.Equal(2, h.Emulator.Messages.Count(m => m.ChannelId == channel));
    }

    [Fact]
    public async Task CreateMessageAsync_NoNonce_EveryPostIsAMessage()
    {
        await using var h = await RestHarness.StartAsync();
        var channel = h.Emulator.AddTextChannel("log");

        await h.Client.CreateMessageAsync(channel, MessagePayload.Text("hello"), Ct);
        await h.Client.CreateMessageAsync(channel, MessagePayload.Text("hello"), Ct);

        Assert.Equal(2, h.Emulator.Messages.Count(m => m.ChannelId == channel));
        Assert.Null(JsonNode.Parse(h.Emulator.RequestsFor(DiscordRestRoutes.CreateMessage)[0].Body!)!["nonce"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345678901234567890123456")]
    public void WithNonce_EmptyOrLongerThan25_Refused(string nonce)
    {
        Assert.Throws<ArgumentException>(() => MessagePayload.Text("hello").WithNonce(nonce));
    }
}

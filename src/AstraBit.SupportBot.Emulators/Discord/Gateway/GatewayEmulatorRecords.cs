namespace AstraBit.SupportBot.Emulators.Discord;

/// <summary>One payload the emulator received from a client.</summary>
/// <param name="ConnectionId">Which connection (1-based, in accept order).</param>
/// <param name="Op">The payload's opcode (-1 when it was not valid JSON).</param>
/// <param name="Json">The payload text as received.</param>
/// <param name="ReceivedAt">When it arrived, on the emulator's clock.</param>
public sealed record ReceivedGatewayPayload(int ConnectionId, int Op, string Json, DateTimeOffset ReceivedAt);

/// <summary>A snapshot of one connection the emulator accepted.</summary>
/// <param name="Id">1-based, in accept order.</param>
/// <param name="Query">The query string the client connected with, for example <c>?v=10&amp;encoding=json</c>.</param>
/// <param name="IsOpen">Whether the connection is still open.</param>
/// <param name="ClientCloseStatus">The close code the client sent, if it closed with a close frame.</param>
/// <param name="ServerCloseStatus">The close code the emulator sent, if it closed the connection.</param>
/// <param name="Dropped">Whether the emulator dropped it without a close frame.</param>
public sealed record EmulatedGatewayConnection(int Id, string Query, bool IsOpen, int? ClientCloseStatus, int? ServerCloseStatus, bool Dropped);

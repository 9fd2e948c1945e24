using System.Text.Json.Serialization;

namespace AstraBit.SupportBot.Bybit.Internal;

/// <summary>
/// Source-generated metadata for every Bybit result the client reads (the types nested in them come along).
/// It is only a type resolver: names, number handling and the lenient converters come from
/// <see cref="WireJson.Options"/>.
/// </summary>
[JsonSerializable(typeof(WireServerTime))]
[JsonSerializable(typeof(WireApiKeyInfo))]
[JsonSerializable(typeof(WireAccountInfo))]
[JsonSerializable(typeof(WireWalletList))]
[JsonSerializable(typeof(WirePositionList))]
[JsonSerializable(typeof(WireCoinsBalance))]
[JsonSerializable(typeof(WireSystemStatus))]
internal sealed partial class WireJsonContext : JsonSerializerContext;

namespace AstraBit.SupportBot.Core.KeyChecks;

/// <summary>Turns a member's Bybit site ("mainnet", "eu", "testnet", …) into the API host to check against.</summary>
public interface IBybitSites
{
    bool TryResolve(string regionKey, out Uri host);
}

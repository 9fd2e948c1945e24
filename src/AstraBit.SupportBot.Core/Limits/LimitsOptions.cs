using System.Globalization;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Limits;

/// <summary>The bot-wide budget of Bybit requests, bound from the "Limits" configuration section.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Bybit allows 600 requests per 5 seconds from one IP address; the budget must stay below that.</summary>
    public const int BybitIpLimit = 600;

    public static readonly TimeSpan BybitIpWindow = TimeSpan.FromSeconds(5);

    /// <summary>Requests all checks together may send per <see cref="BybitWindow"/>; the default leaves a third of Bybit's limit spare.</summary>
    public int BybitRequests { get; set; } = 400;

    public TimeSpan BybitWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The least one check is charged. The budget charges what a check really sends (one request per symbol in
    /// Diagnostics:Symbols plus seven fixed reads) when that is more.
    /// </summary>
    public int RequestsPerCheck { get; set; } = 8;

    /// <summary>
    /// How long after a check starts its requests may still be leaving (two rounds of reads, a retry). The budget
    /// counts each check for BybitWindow plus this, so checks started in neighbouring windows can't add up past it.
    /// </summary>
    public TimeSpan CheckSpread { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a check may wait for room in the budget before the member is asked to come back later.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    private const string Section = LimitsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.BybitWindow < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}:BybitWindow must be at least 00:00:01");
        }

        if (options.BybitRequests <= 0)
        {
            failures.Add($"{Section}:BybitRequests must be greater than 0");
        }
        else if (options.BybitWindow >= TimeSpan.FromSeconds(1)
            && options.BybitRequests / options.BybitWindow.TotalSeconds >= LimitsOptions.BybitIpLimit / LimitsOptions.BybitIpWindow.TotalSeconds)
        {
            var perFive = (options.BybitRequests * LimitsOptions.BybitIpWindow.TotalSeconds / options.BybitWindow.TotalSeconds).ToString("0.#", CultureInfo.InvariantCulture);
            failures.Add($"{Section}:BybitRequests per {Section}:BybitWindow comes to {perFive} requests per 5 seconds; it must stay below Bybit's limit of {LimitsOptions.BybitIpLimit} per 5 seconds per IP (400 per 5 seconds leaves room to spare)");
        }

        if (options.CheckSpread < TimeSpan.Zero || options.CheckSpread > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}:CheckSpread must be between 00:00:00 and 00:01:00");
        }

        if (options.RequestsPerCheck <= 0)
        {
            failures.Add($"{Section}:RequestsPerCheck must be greater than 0");
        }
        else if (options.BybitRequests > 0 && options.RequestsPerCheck > options.BybitRequests)
        {
            failures.Add($"{Section}:RequestsPerCheck must not be more than {Section}:BybitRequests");
        }

        if (options.MaxQueueWait < TimeSpan.Zero)
        {
            failures.Add($"{Section}:MaxQueueWait must not be negative");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Guide;

/// <summary>Links and addresses the guide shows, bound from the "Guide" configuration section.</summary>
public sealed class GuideOptions
{
    public const string SectionName = "Guide";

    /// <summary>AstraBit's Bybit referral link, shown to members new to Bybit.</summary>
    public Uri? ReferralUrl { get; set; }

    /// <summary>Where members can write to support.</summary>
    public string? SupportEmail { get; set; }
}

/// <summary>Rejects guide settings that would show a broken link or address, naming the configuration key.</summary>
public sealed class GuideOptionsValidator : IValidateOptions<GuideOptions>
{
    private const string Section = GuideOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, GuideOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.ReferralUrl is null)
        {
            failures.Add($"{Section}:ReferralUrl is missing: set it to AstraBit's Bybit referral link (https://…)");
        }
        else if (!options.ReferralUrl.IsAbsoluteUri || options.ReferralUrl.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{Section}:ReferralUrl ('{options.ReferralUrl}') must be a full https:// address");
        }
        else if (options.ReferralUrl.AbsoluteUri.Length > GuideTemplate.MaxReferralUrlLength)
        {
            failures.Add($"{Section}:ReferralUrl is longer than {GuideTemplate.MaxReferralUrlLength} characters");
        }

        var email = options.SupportEmail?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            failures.Add($"{Section}:SupportEmail is missing: set it to the address members can write to");
        }
        else if (!LooksLikeEmail(email))
        {
            failures.Add($"{Section}:SupportEmail ('{email}') is not an email address like support@example.com");
        }
        else if (email.Length > GuideTemplate.MaxSupportEmailLength)
        {
            failures.Add($"{Section}:SupportEmail is longer than {GuideTemplate.MaxSupportEmailLength} characters");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool LooksLikeEmail(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at == text.LastIndexOf('@')
            && text.IndexOf('.', at) > at + 1
            && !text.EndsWith('.')
            && !text.Any(char.IsWhiteSpace);
    }
}

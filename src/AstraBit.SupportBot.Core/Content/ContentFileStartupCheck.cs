using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstraBit.SupportBot.Core.Content;

/// <summary>
/// Loads a content file while <typeparamref name="TOptions"/> are validated at start, so a broken or unreadable file
/// stops the host with a line naming the file, not the first member who needs it. <typeparamref name="TContent"/> is
/// the loaded content as registered; <typeparamref name="TError"/> is what its loader throws for a mistake in it;
/// <paramref name="file"/> names the file in the line for one that can't be read ("The guide file (config/guide.json)").
/// </summary>
internal sealed class ContentFileStartupCheck<TOptions, TContent, TError>(IServiceProvider services, string file) : IValidateOptions<TOptions>
    where TOptions : class
    where TContent : notnull
    where TError : Exception
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        try
        {
            services.GetRequiredService<TContent>();
            return ValidateOptionsResult.Success;
        }
        catch (TError exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"{file} can't be read: {exception.Message}");
        }
    }
}

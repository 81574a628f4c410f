using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Incidents;

/// <summary>Checks at start that an admin key, when set, is long enough to be a real secret (empty = API off).</summary>
internal sealed class IncidentsOptionsValidator : IValidateOptions<IncidentsOptions>
{
    public ValidateOptionsResult Validate(string? name, IncidentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrEmpty(options.AdminApiKey) || options.AdminApiKey.Trim().Length >= IncidentsOptions.MinimumKeyLength
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Incidents:AdminApiKey must be at least {IncidentsOptions.MinimumKeyLength} characters (a random key, e.g. from `openssl rand -base64 32`), or empty to switch the admin API off.");
    }
}

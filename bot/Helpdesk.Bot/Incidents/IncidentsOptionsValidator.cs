using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Incidents;

/// <summary>
/// Checks at start that an admin key, when set, is long enough to be a real secret (empty = API off), and that the
/// notification interval is sensible.
/// </summary>
internal sealed class IncidentsOptionsValidator : IValidateOptions<IncidentsOptions>
{
    public ValidateOptionsResult Validate(string? name, IncidentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.NotificationInterval < TimeSpan.FromSeconds(1) || options.NotificationInterval > TimeSpan.FromHours(1))
        {
            return ValidateOptionsResult.Fail($"Incidents:NotificationInterval must be between 00:00:01 and 01:00:00 (was {options.NotificationInterval}).");
        }

        return string.IsNullOrEmpty(options.AdminApiKey) || options.AdminApiKey.Trim().Length >= IncidentsOptions.MinimumKeyLength
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Incidents:AdminApiKey must be at least {IncidentsOptions.MinimumKeyLength} characters (a random key, e.g. from `openssl rand -base64 32`), or empty to switch the admin API off.");
    }
}

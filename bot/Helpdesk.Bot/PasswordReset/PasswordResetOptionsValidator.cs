using Helpdesk.Skills.PasswordReset;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.PasswordReset;

/// <summary>Checks across settings of <see cref="PasswordResetOptions"/> that attributes cannot.</summary>
internal sealed class PasswordResetOptionsValidator : IValidateOptions<PasswordResetOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordResetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxPasswordLength < options.MinPasswordLength)
        {
            failures.Add("PasswordReset:MaxPasswordLength must be at least PasswordReset:MinPasswordLength.");
        }

        if (options.AlertFailureThreshold > options.AbuseFailureThreshold)
        {
            failures.Add("PasswordReset:AlertFailureThreshold must not exceed PasswordReset:AbuseFailureThreshold (the alert comes before the block).");
        }

        if (options.PublicBaseUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            failures.Add("PasswordReset:PublicBaseUrl must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

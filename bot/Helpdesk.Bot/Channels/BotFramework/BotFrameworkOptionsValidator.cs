using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>Checks the <c>Bot</c> section at start and names every problem with the setting to fix.</summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = BotFrameworkOptions.SectionName;

        if (!Enum.TryParse<BotFrameworkAppType>(options.AppType, ignoreCase: true, out var appType) || int.TryParse(options.AppType, out _))
        {
            failures.Add($"{section}:AppType must be 'MultiTenant' or 'SingleTenant' (got '{options.AppType}').");
        }

        if (!options.IsAnonymous && string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add($"{section}:AppPassword is required when {section}:AppId is set (the app registration's client secret).");
        }

        if (options.IsAnonymous && !string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add($"{section}:AppId is required when {section}:AppPassword is set (leave both empty for anonymous local development).");
        }

        if (appType == BotFrameworkAppType.SingleTenant && string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add($"{section}:TenantId is required when {section}:AppType is SingleTenant (the app registration's Entra tenant id).");
        }

        CheckUrl(failures, $"{section}:OpenIdMetadataUrl", options.OpenIdMetadataUrl, required: true);
        CheckUrl(failures, $"{section}:EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl, required: false);
        CheckUrl(failures, $"{section}:Authority", options.Authority, required: false);

        foreach (var issuer in options.ValidIssuers)
        {
            if (!Uri.TryCreate(issuer, UriKind.Absolute, out _))
            {
                failures.Add($"{section}:ValidIssuers entry '{issuer}' is not an absolute URI.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.OAuthScope))
        {
            failures.Add($"{section}:OAuthScope is required (default {BotFrameworkOptions.DefaultOAuthScope}).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(30))
        {
            failures.Add($"{section}:ClockSkew must be between 00:00:00 and 00:30:00.");
        }

        if (options.OpenIdMetadataRefreshInterval < TimeSpan.FromMinutes(5))
        {
            failures.Add($"{section}:OpenIdMetadataRefreshInterval must be at least 00:05:00.");
        }

        if (options.OpenIdMetadataMinimumRefreshInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:OpenIdMetadataMinimumRefreshInterval must be at least 00:00:01.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{section}:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"{section}:RetryBaseDelay must be at least zero and at most {section}:MaxRetryDelay.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:AttemptTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string setting, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                failures.Add($"{setting} is required.");
            }

            return;
        }

        if (!ServiceUrlPolicy.IsAllowed(value, out _))
        {
            failures.Add($"{setting} must be an absolute https URL (plain http only to localhost); got '{value}'.");
        }
    }
}

using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>Checks <see cref="ItsmOptions"/> at start; each failure names the setting.</summary>
internal sealed class ItsmOptionsValidator : IValidateOptions<ItsmOptions>
{
    public ValidateOptionsResult Validate(string? name, ItsmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.Equals(options.Connector, BuiltInItsmConnector.ConnectorName, StringComparison.OrdinalIgnoreCase) && !options.UsesServiceNow && !options.UsesWebhook)
        {
            failures.Add("Handoff:Itsm:Connector must be 'Builtin', 'ServiceNow' or 'Webhook'.");
        }

        if (options.UsesServiceNow)
        {
            var now = options.ServiceNow;
            if (!IsAllowedUrl(now.InstanceUrl))
            {
                failures.Add("Handoff:Itsm:ServiceNow:InstanceUrl must be an https URL (e.g. https://contoso.service-now.com).");
            }

            if (string.IsNullOrWhiteSpace(now.Username) || string.IsNullOrWhiteSpace(now.Password))
            {
                failures.Add("Handoff:Itsm:ServiceNow:Username and Password are required (the integration user).");
            }

            if (now.UsesOAuth && string.IsNullOrWhiteSpace(now.ClientSecret))
            {
                failures.Add("Handoff:Itsm:ServiceNow:ClientSecret is required with ClientId (OAuth).");
            }
        }

        if (options.UsesWebhook)
        {
            var hook = options.Webhook;
            if (!IsAllowedUrl(hook.Url))
            {
                failures.Add("Handoff:Itsm:Webhook:Url must be an https URL (plain http only to localhost).");
            }

            if (string.IsNullOrEmpty(hook.Secret) || hook.Secret.Length < 32)
            {
                failures.Add("Handoff:Itsm:Webhook:Secret must be at least 32 characters (it signs every delivery).");
            }

            if (hook.MaxAttempts is < 1 or > 10)
            {
                failures.Add("Handoff:Itsm:Webhook:MaxAttempts must be between 1 and 10.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>https, or http to a loopback host (local testing).</summary>
    public static bool IsAllowedUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}

using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>Checks <see cref="AgentConsoleOptions"/> at start; each failure names the setting.</summary>
internal sealed class AgentConsoleOptionsValidator : IValidateOptions<AgentConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.Equals(options.Authentication, AgentAuthenticationModes.Local, StringComparison.OrdinalIgnoreCase) && !options.UsesOpenIdConnect)
        {
            failures.Add("Handoff:Console:Authentication must be 'Local' or 'OpenIdConnect'.");
        }

        if (options.UsesOpenIdConnect)
        {
            var oidc = options.OpenIdConnect;
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add("Handoff:Console:OpenIdConnect:Authority must be an https URL (e.g. https://login.microsoftonline.com/{tenant-id}/v2.0).");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                failures.Add("Handoff:Console:OpenIdConnect:ClientId is required (the console's app registration).");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientSecret))
            {
                failures.Add("Handoff:Console:OpenIdConnect:ClientSecret is required (authorization code flow with a confidential client).");
            }

            if (string.IsNullOrWhiteSpace(oidc.CallbackPath) || !oidc.CallbackPath.StartsWith('/'))
            {
                failures.Add("Handoff:Console:OpenIdConnect:CallbackPath must be a path starting with '/'.");
            }

            if (string.IsNullOrWhiteSpace(oidc.RoleClaim) || string.IsNullOrWhiteSpace(oidc.AgentRole) || string.IsNullOrWhiteSpace(oidc.SupervisorRole))
            {
                failures.Add("Handoff:Console:OpenIdConnect:RoleClaim, AgentRole and SupervisorRole must not be empty.");
            }
        }

        if (options.LoginPermitLimit < 1)
        {
            failures.Add("Handoff:Console:LoginPermitLimit must be at least 1.");
        }

        if (options.LoginWindow <= TimeSpan.Zero || options.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add("Handoff:Console:LoginWindow and SessionLifetime must be positive.");
        }

        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            if (string.IsNullOrWhiteSpace(account.Username))
            {
                failures.Add($"Handoff:Console:Accounts:{i}:Username is required.");
            }

            if (!AgentPasswordHasher.IsWellFormed(account.PasswordHash))
            {
                failures.Add($"Handoff:Console:Accounts:{i}:PasswordHash must be a 'pbkdf2-sha256$600000$salt$key' hash (never a plain password).");
            }

            if (account.Roles.Count == 0 || !account.Roles.All(AgentRoles.IsAgentRole))
            {
                failures.Add($"Handoff:Console:Accounts:{i}:Roles must be 'agent' and/or 'supervisor'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

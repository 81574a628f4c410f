using System.Security.Claims;

namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>The claims a console sign-in carries, and how to read the acting agent from them.</summary>
internal static class AgentClaims
{
    public const string Username = "helpdesk:username";
    public const string DisplayName = "helpdesk:display_name";

    public const string CookieScheme = "HelpdeskAgentCookie";
    public const string OpenIdConnectScheme = "HelpdeskAgentOidc";

    public static ClaimsPrincipal Create(string username, string displayName, IEnumerable<string> roles, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, username),
            new(ClaimTypes.Name, displayName),
            new(Username, username),
            new(DisplayName, displayName),
        };
        claims.AddRange(roles.Where(AgentRoles.IsAgentRole).Select(r => new Claim(ClaimTypes.Role, r.ToLowerInvariant())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The agent acting, or null when the principal is not a console sign-in.</summary>
    public static AgentIdentity? ToAgent(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var username = user.FindFirstValue(Username);
        if (username is null || user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return new AgentIdentity(username, user.FindFirstValue(DisplayName) ?? username, user.IsInRole(AgentRoles.Supervisor));
    }
}

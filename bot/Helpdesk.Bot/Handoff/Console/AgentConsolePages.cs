using System.Net.Mime;
using Helpdesk.Bot.Handoff.Auth;
using Helpdesk.Bot.Handoff.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff.Console;

/// <summary>
/// <c>GET /agent</c> (the console; agents only — others are sent to the sign-in page or get 403),
/// <c>GET/POST /agent/login</c> (local accounts: antiforgery-checked form, rate-limited per address; with OpenID
/// Connect, a challenge), <c>POST /agent/logout</c>.
/// </summary>
internal static class AgentConsolePages
{
    public static IEndpointRouteBuilder MapAgentConsolePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AgentConsoleRoutes.Base, ConsolePage).RequireAuthorization(AgentRoles.AgentPolicy).ExcludeFromDescription();
        endpoints.MapGet(AgentConsoleRoutes.Login, LoginPage).ExcludeFromDescription();
        endpoints.MapPost(AgentConsoleRoutes.Login, LoginAsync).RequireRateLimiting(AgentAuthExtensions.LoginRateLimitPolicy).ExcludeFromDescription();
        endpoints.MapPost(AgentConsoleRoutes.Logout, LogoutAsync).AddEndpointFilter<AntiforgeryCheckFilter>().DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapGet(AgentConsoleRoutes.Forbidden, () => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Agents only", detail: "The service desk console is for agents and supervisors."))
            .ExcludeFromDescription();
        return endpoints;
    }

    private static IResult ConsolePage(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        ConsoleSecurityHeaders.Apply(context.Response);
        return Results.Text(
            ConsolePageTemplates.Render(ConsolePageTemplates.Console, new Dictionary<string, string>
            {
                ["CsrfField"] = tokens.FormFieldName,
                ["CsrfToken"] = tokens.RequestToken ?? string.Empty,
                ["CsrfHeader"] = AgentAuthExtensions.AntiforgeryHeader,
            }),
            MediaTypeNames.Text.Html + "; charset=utf-8");
    }

    private static IResult LoginPage(HttpContext context, IAntiforgery antiforgery, IOptions<AgentConsoleOptions> options, [FromQuery] string? error)
    {
        if (options.Value.UsesOpenIdConnect)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = AgentConsoleRoutes.Base }, [AgentClaims.OpenIdConnectScheme]);
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        ConsoleSecurityHeaders.Apply(context.Response);
        var message = error switch
        {
            null or "" => string.Empty,
            "limit" => "Too many sign-in attempts. Wait a few minutes and try again.",
            _ => "The username or password is not right.",
        };
        return Results.Text(
            ConsolePageTemplates.Render(ConsolePageTemplates.Login, new Dictionary<string, string>
            {
                ["CsrfField"] = tokens.FormFieldName,
                ["CsrfToken"] = tokens.RequestToken ?? string.Empty,
                ["Error"] = message,
                ["ErrorHidden"] = message.Length == 0 ? "hidden" : string.Empty,
            }).Replace("ErrorHidden=\"\"", string.Empty, StringComparison.Ordinal),
            MediaTypeNames.Text.Html + "; charset=utf-8",
            statusCode: message.Length == 0 ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context,
        [FromForm] string? username,
        [FromForm] string? password,
        IAgentStore agents,
        IHandoffStore store,
        IOptions<AgentConsoleOptions> options,
        TimeProvider time)
    {
        if (options.Value.UsesOpenIdConnect)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Local sign-in is off", detail: "This console signs in through OpenID Connect.");
        }

        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password) || username.Length > 200 || password.Length > 1024)
        {
            return Results.Redirect(AgentConsoleRoutes.Login + "?error=1");
        }

        var account = await agents.FindAgentAsync(username, context.RequestAborted);
        var valid = AgentPasswordHasher.Verify(password, account?.PasswordHash) && account is not null && account.Roles.Any(AgentRoles.IsAgentRole);
        if (!valid)
        {
            await store.AuditAsync(username.Trim().ToLowerInvariant(), "sign-in-failed", null, context.Connection.RemoteIpAddress?.ToString(), now, context.RequestAborted);
            return Results.Redirect(AgentConsoleRoutes.Login + "?error=1");
        }

        await context.SignInAsync(AgentClaims.CookieScheme, AgentClaims.Create(account!.Username, account.DisplayName, account.Roles, AgentClaims.CookieScheme));
        await agents.TouchAgentAsync(account.Username, now, context.RequestAborted);
        await store.AuditAsync(account.Username, "signed-in", null, context.Connection.RemoteIpAddress?.ToString(), now, context.RequestAborted);
        return Results.Redirect(AgentConsoleRoutes.Base);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IHandoffStore store, TimeProvider time)
    {
        if (AgentClaims.ToAgent(context.User) is { } agent)
        {
            await store.AuditAsync(agent.Username, "signed-out", null, null, time.GetUtcNow(), context.RequestAborted);
        }

        await context.SignOutAsync(AgentClaims.CookieScheme);
        return Results.Redirect(AgentConsoleRoutes.Login);
    }
}

using System.Security.Claims;
using System.Threading.RateLimiting;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Bot.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>
/// Console sign-in: a cookie (HttpOnly, SameSite=Strict, sliding lifetime) issued after a local password check or an
/// OpenID Connect sign-in (Entra ID, authorization code + PKCE); policies that require the agent or supervisor
/// role; antiforgery for the console's POSTs; a per-address rate limit on sign-in attempts. API and hub requests
/// without a sign-in get 401, signed-in users without an agent role 403; pages redirect to the sign-in page.
/// </summary>
internal static class AgentAuthExtensions
{
    public const string LoginRateLimitPolicy = "agent-login";
    public const string AntiforgeryHeader = AntiforgeryExtensions.HeaderName;
    public const string CookieName = "helpdesk.agent";

    public static WebApplicationBuilder AddAgentAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AgentConsoleOptions>()
            .Bind(builder.Configuration.GetSection(AgentConsoleOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentConsoleOptions>, AgentConsoleOptionsValidator>();
        var console = builder.Configuration.GetSection(AgentConsoleOptions.SectionName).Get<AgentConsoleOptions>() ?? new AgentConsoleOptions();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = AgentClaims.CookieScheme;
            options.DefaultChallengeScheme = console.UsesOpenIdConnect ? AgentClaims.OpenIdConnectScheme : AgentClaims.CookieScheme;
        });
        authentication.AddCookie(AgentClaims.CookieScheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = AgentConsoleRoutes.Base;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = console.SessionLifetime;
            options.LoginPath = AgentConsoleRoutes.Login;
            options.AccessDeniedPath = AgentConsoleRoutes.Forbidden;
            options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        if (console.UsesOpenIdConnect)
        {
            authentication.AddOpenIdConnect(AgentClaims.OpenIdConnectScheme, options => ConfigureOpenIdConnect(options, console.OpenIdConnect));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(AgentRoles.AgentPolicy, policy => policy
                .AddAuthenticationSchemes(AgentClaims.CookieScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(AgentClaims.Username)
                .RequireRole(AgentRoles.Agent, AgentRoles.Supervisor))
            .AddPolicy(AgentRoles.SupervisorPolicy, policy => policy
                .AddAuthenticationSchemes(AgentClaims.CookieScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(AgentClaims.Username)
                .RequireRole(AgentRoles.Supervisor));

        services.AddHelpdeskAntiforgery();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many sign-in attempts",
                        Detail = "Wait a few minutes, then try again.",
                    },
                });
            };
            options.AddPolicy(LoginRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = console.LoginPermitLimit,
                    Window = console.LoginWindow,
                    QueueLimit = 0,
                }));
        });

        services.AddHostedService<AgentSeeder>();
        return builder;
    }

    /// <summary>The OpenID Connect settings of the console (public for the configuration test).</summary>
    public static void ConfigureOpenIdConnect(OpenIdConnectOptions options, AgentOpenIdConnectOptions settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        options.SignInScheme = AgentClaims.CookieScheme;
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.CallbackPath = settings.CallbackPath;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SaveTokens = false;
        options.MapInboundClaims = false;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
        options.Events.OnTokenValidated = async context =>
        {
            var principal = context.Principal!;
            var username = principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue("upn") ?? principal.FindFirstValue("oid")
                ?? principal.FindFirstValue("sub");
            var roles = new List<string>();
            foreach (var value in principal.FindAll(settings.RoleClaim).Select(c => c.Value))
            {
                if (string.Equals(value, settings.SupervisorRole, StringComparison.OrdinalIgnoreCase))
                {
                    roles.Add(AgentRoles.Supervisor);
                    roles.Add(AgentRoles.Agent);
                }
                else if (string.Equals(value, settings.AgentRole, StringComparison.OrdinalIgnoreCase))
                {
                    roles.Add(AgentRoles.Agent);
                }
            }

            if (username is null)
            {
                context.Fail("The ID token has no preferred_username, upn, oid or sub claim.");
                return;
            }

            var displayName = principal.FindFirstValue("name") ?? username;
            context.Principal = AgentClaims.Create(username, displayName, roles.Distinct(StringComparer.Ordinal), AgentClaims.OpenIdConnectScheme);
            if (roles.Count > 0)
            {
                var services = context.HttpContext.RequestServices;
                await services.GetRequiredService<IAgentStore>().UpsertExternalAgentAsync(
                    username, displayName, roles.Distinct(StringComparer.Ordinal).ToList(), services.GetRequiredService<TimeProvider>().GetUtcNow(), context.HttpContext.RequestAborted);
            }
        };
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(AgentConsoleRoutes.Api) || path.StartsWithSegments(AgentConsoleRoutes.Hub)
            || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

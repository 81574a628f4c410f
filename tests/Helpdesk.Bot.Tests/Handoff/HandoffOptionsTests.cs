using Helpdesk.Bot.Handoff;
using Helpdesk.Bot.Handoff.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>
/// Start-up validation of the handoff settings, and the OpenID Connect (Entra ID) sign-in's configuration. No Entra
/// tenant is reachable here, so the OIDC test checks the registered scheme and its options, not a real sign-in.
/// </summary>
public sealed class HandoffOptionsTests
{
    [Fact]
    public void HandoffValidator_Defaults_Valid() =>
        Assert.True(new HandoffOptionsValidator().Validate(null, new HandoffOptions()).Succeeded);

    [Fact]
    public void HandoffValidator_BadValues_EachNamesItsSetting()
    {
        var result = new HandoffOptionsValidator().Validate(null, new HandoffOptions
        {
            Mode = "Carrier pigeon",
            StoreProvider = "PostgreSql",
            Sla = new HandoffSlaOptions { P1 = TimeSpan.Zero },
            BusinessHours = new BusinessHoursOptions { TimeZone = "Mars/Olympus", Days = "Mon,Funday", Open = TimeSpan.FromHours(20), Close = TimeSpan.FromHours(8) },
        });

        Assert.True(result.Failed);
        foreach (var setting in new[] { "Handoff:Mode", "Handoff:ConnectionString", "Handoff:Sla:P1", "Handoff:BusinessHours:TimeZone", "Handoff:BusinessHours:Days", "Handoff:BusinessHours:Open" })
        {
            Assert.Contains(result.Failures!, f => f.Contains(setting, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ConsoleValidator_OidcWithoutClient_AndPlainPasswordAccount_Rejected()
    {
        var result = new AgentConsoleOptionsValidator().Validate(null, new AgentConsoleOptions
        {
            Authentication = "OpenIdConnect",
            OpenIdConnect = new AgentOpenIdConnectOptions { Authority = "http://login.microsoftonline.com/contoso/v2.0" },
            Accounts = [new AgentAccountOptions { Username = "kim", PasswordHash = "hunter2", Roles = ["agent"] }],
        });

        Assert.Contains(result.Failures!, f => f.Contains("OpenIdConnect:Authority must be an https URL", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("OpenIdConnect:ClientId is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Accounts:0:PasswordHash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_InvalidHandoffSetting_FailsAtStartNamingIt()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = new HandoffTestHost(settings: new Dictionary<string, string?> { ["Handoff:Mode"] = "Fax" });
        });

        Assert.Contains("Handoff:Mode", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenIdConnect_Configured_SchemeRegisteredWithCodeFlowPkceAndRoleMapping()
    {
        await using var host = new HandoffTestHost(settings: new Dictionary<string, string?>
        {
            ["Handoff:Console:Authentication"] = "OpenIdConnect",
            ["Handoff:Console:OpenIdConnect:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0",
            ["Handoff:Console:OpenIdConnect:ClientId"] = "11111111-2222-3333-4444-555555555555",
            ["Handoff:Console:OpenIdConnect:ClientSecret"] = "console-secret",
        },
        services: s => s.PostConfigure<OpenIdConnectOptions>(AgentClaims.OpenIdConnectScheme, o =>
        {
            // Entra's discovery document cannot be fetched here (no network): the endpoints it would give.
            o.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0",
                AuthorizationEndpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/authorize",
                TokenEndpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token",
            };
            o.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
        }));

        var schemes = host.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Equal(AgentClaims.OpenIdConnectScheme, (await schemes.GetDefaultChallengeSchemeAsync())!.Name);
        var options = host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(AgentClaims.OpenIdConnectScheme);
        Assert.Equal("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0", options.Authority);
        Assert.Equal("11111111-2222-3333-4444-555555555555", options.ClientId);
        Assert.Equal(OpenIdConnectResponseType.Code, options.ResponseType);
        Assert.True(options.UsePkce);
        Assert.Equal("/agent/signin-oidc", options.CallbackPath.Value);
        Assert.Equal(AgentClaims.CookieScheme, options.SignInScheme);
        Assert.Equal("roles", options.TokenValidationParameters.RoleClaimType);

        // The sign-in page challenges the identity provider instead of showing the local form.
        using var login = await host.NewBrowser().GetAsync("/agent/login");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        var location = login.Headers.Location!;
        Assert.Equal("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/authorize", location.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("11111111-2222-3333-4444-555555555555", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("http://localhost/agent/signin-oidc", query["redirect_uri"]);
        Assert.Equal("openid profile", query["scope"]);
    }
}

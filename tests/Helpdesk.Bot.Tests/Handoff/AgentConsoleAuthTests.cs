using System.Net;
using System.Security.Claims;
using Helpdesk.Bot.Handoff.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>The console refuses everyone who is not a signed-in agent; sign-in is form + antiforgery + rate limit.</summary>
public sealed class AgentConsoleAuthTests
{
    [Fact]
    public async Task Console_NotSignedIn_PageRedirectsToLoginAndApiAndHubAre401()
    {
        await using var host = new HandoffTestHost();
        var browser = host.NewBrowser();

        using var page = await browser.GetAsync("/agent");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/agent/login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var queue = await browser.GetAsync("/agent/api/queue");
        Assert.Equal(HttpStatusCode.Unauthorized, queue.StatusCode);
        using var claim = await browser.PostAsync("/agent/api/cases/1/claim", null);
        Assert.Equal(HttpStatusCode.Unauthorized, claim.StatusCode);
        using var negotiate = await browser.PostAsync("/agent/hub/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task Console_SignedInWithoutAgentRole_403()
    {
        await using var host = new HandoffTestHost();
        var cookie = ForgeCookie(host, AgentClaims.Create("visitor", "Visitor", [], AgentClaims.CookieScheme));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/agent/api/queue");
        request.Headers.Add("Cookie", cookie);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/agent");
        page.Headers.Add("Cookie", cookie);

        using var api = await host.Client.SendAsync(request);
        using var console = await host.Client.SendAsync(page);

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, console.StatusCode);
    }

    [Fact]
    public async Task Console_SignedInAgent_PageServedWithCspAndNoStore()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();

        using var page = await agent.Browser.GetAsync("/agent");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Service desk console", html, StringComparison.Ordinal);
        Assert.Contains("/lib/signalr.min.js", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'; script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        var session = await agent.GetAsync("/session");
        Assert.Equal("Sam Rivera", session.GetProperty("displayName").GetString());
        Assert.False(session.GetProperty("supervisor").GetBoolean());
    }

    [Fact]
    public async Task Login_WrongPassword_RedirectsWithErrorAndAudits()
    {
        await using var host = new HandoffTestHost();
        var browser = host.NewBrowser();
        var token = await LoginTokenAsync(browser);

        using var response = await PostLoginAsync(browser, token, "agent", "wrong-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent/login?error=1", response.Headers.Location!.OriginalString);
        using var queue = await browser.GetAsync("/agent/api/queue");
        Assert.Equal(HttpStatusCode.Unauthorized, queue.StatusCode);
        var supervisor = await host.SignInSupervisorAsync();
        var audit = await supervisor.GetAsync("/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "sign-in-failed" && e.GetProperty("actor").GetString() == "agent");
        var (status, _) = await (await host.SignInAgentAsync()).PostAsync("/cases/1/claim");
        Assert.Equal(HttpStatusCode.NotFound, status);
        using var forbidden = await (await host.SignInAgentAsync()).Browser.GetAsync("/agent/api/audit");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_400()
    {
        await using var host = new HandoffTestHost();
        var browser = host.NewBrowser();
        await browser.GetAsync("/agent/login");

        using var response = await PostLoginAsync(browser, null, "agent", "Agent-Demo-2026!");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ApiPost_WithoutAntiforgeryHeader_400()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();

        var (status, problem) = await agent.PostAsync("/cases/1/claim", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("antiforgery", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_TooManyAttempts_429()
    {
        await using var host = new HandoffTestHost(settings: new Dictionary<string, string?> { ["Handoff:Console:LoginPermitLimit"] = "3" });
        var browser = host.NewBrowser();
        var token = await LoginTokenAsync(browser);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await PostLoginAsync(browser, token, "agent", "wrong-" + i);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();
        var page = await agent.Browser.GetStringAsync("/agent");
        var token = System.Text.RegularExpressions.Regex.Match(page, "id=\"logout-csrf\" name=\"(?<n>[^\"]+)\" value=\"(?<v>[^\"]+)\"");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { [token.Groups["n"].Value] = WebUtility.HtmlDecode(token.Groups["v"].Value) });
        using var logout = await agent.Browser.PostAsync("/agent/logout", form);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var queue = await agent.Browser.GetAsync("/agent/api/queue");
        Assert.Equal(HttpStatusCode.Unauthorized, queue.StatusCode);
    }

    [Fact]
    public void PasswordHasher_HashAndVerify_Pbkdf2Sha256With600kIterations()
    {
        var hash = AgentPasswordHasher.Hash("correct horse battery staple");

        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
        Assert.True(AgentPasswordHasher.Verify("correct horse battery staple", hash));
        Assert.False(AgentPasswordHasher.Verify("correct horse battery stapl", hash));
        Assert.False(AgentPasswordHasher.Verify("anything", null));
        Assert.False(AgentPasswordHasher.Verify("anything", "pbkdf2-sha256$1000$AAAA$AAAA"));
        Assert.NotEqual(hash, AgentPasswordHasher.Hash("correct horse battery staple"));
    }

    private static string ForgeCookie(HandoffTestHost host, ClaimsPrincipal principal)
    {
        var options = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AgentClaims.CookieScheme);
        var ticket = new AuthenticationTicket(principal, AgentClaims.CookieScheme);
        return $"{AgentAuthExtensions.CookieName}={options.TicketDataFormat.Protect(ticket)}";
    }

    private static async Task<string> LoginTokenAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/agent/login");
        var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"(?<v>[^\"]+)\"");
        Assert.True(match.Success, page);
        return WebUtility.HtmlDecode(match.Groups["v"].Value);
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string? token, string username, string password)
    {
        var fields = new Dictionary<string, string> { ["username"] = username, ["password"] = password };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return browser.PostAsync("/agent/login", new FormUrlEncodedContent(fields));
    }
}

using System.Net;
using System.Text.Json;
using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Links;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.PasswordReset;

/// <summary>The reset page's HTTP surface, the audit export and the development outbox, on the real host.</summary>
public sealed class PasswordResetApiTests : IAsyncLifetime
{
    private PasswordResetTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new PasswordResetTestHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ResetPage_Get_StrictSecurityHeadersAndAntiforgeryCookie()
    {
        using var response = await _host.Client.GetAsync("/reset");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; script-src 'self'; style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Helpdesk.Bot.Hosting.AntiforgeryExtensions.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/lib/zxcvbn.js\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetApi_WithoutAntiforgeryToken_400ProblemDetails()
    {
        await _host.OpenResetPageAsync();
        var (status, body) = await _host.ResetApiAsync("/reset/api/submit", null, new { token = new string('a', 43), password = "x", confirmation = "x" });

        Assert.Equal(400, status);
        Assert.Equal("Page expired", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ResetApi_NotJson_415ProblemDetails()
    {
        var antiforgery = await _host.OpenResetPageAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reset/api/state") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "x" }) };
        request.Headers.Add(Helpdesk.Bot.Hosting.AntiforgeryExtensions.HeaderName, antiforgery);
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ResetApi_BadJson_400()
    {
        var antiforgery = await _host.OpenResetPageAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reset/api/state") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(Helpdesk.Bot.Hosting.AntiforgeryExtensions.HeaderName, antiforgery);
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ResetApi_UnknownToken_UnknownAnd410()
    {
        var antiforgery = await _host.OpenResetPageAsync();
        var token = new string('Q', 43);

        var (status, body) = await _host.ResetApiAsync("/reset/api/state", antiforgery, new { token });
        Assert.Equal(200, status);
        Assert.Equal("unknown", body.GetProperty("status").GetString());

        (status, body) = await _host.ResetApiAsync("/reset/api/submit", antiforgery, new { token, password = "Copper kettle drifts over nine quiet dunes", confirmation = "Copper kettle drifts over nine quiet dunes" });
        Assert.Equal(410, status);
        Assert.Equal("unknown", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ResetApi_LinkPastItsTenMinutes_Expired()
    {
        var links = _host.Services.GetRequiredService<ResetLinkService>();
        var link = await links.IssueAsync("emb-ada", new RecoveryContext("test", "c1", "test:u1"), default);
        Assert.StartsWith("http://localhost/reset#", link.Url, StringComparison.Ordinal);
        _host.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var antiforgery = await _host.OpenResetPageAsync();

        var (status, body) = await _host.ResetApiAsync("/reset/api/submit", antiforgery, new { token = link.Token, password = "Copper kettle drifts over nine quiet dunes", confirmation = "Copper kettle drifts over nine quiet dunes" });

        Assert.Equal(410, status);
        Assert.Equal("expired", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ResetApi_PasswordsDiffer_422WithMessageAndLinkStillWorks()
    {
        var link = await _host.Services.GetRequiredService<ResetLinkService>().IssueAsync("emb-ada", new RecoveryContext("test", "c1", "test:u1"), default);
        var antiforgery = await _host.OpenResetPageAsync();

        var (status, body) = await _host.ResetApiAsync("/reset/api/submit", antiforgery, new { token = link.Token, password = "Copper kettle drifts over nine quiet dunes", confirmation = "Copper kettle drifts over nine quiet dune" });

        Assert.Equal(422, status);
        Assert.Contains(body.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("don't match", StringComparison.Ordinal));
        Assert.True((await _host.Services.GetRequiredService<ResetLinkService>().InspectAsync(link.Token, default)).IsValid);
    }

    [Fact]
    public async Task AuditExport_KeyChecked_CsvJsonAndChainVerification()
    {
        await _host.Services.GetRequiredService<ResetLinkService>().IssueAsync("emb-ada", new RecoveryContext("test", "c1", "test:u1"), default);
        var antiforgery = await _host.OpenResetPageAsync();
        await _host.ResetApiAsync("/reset/api/state", antiforgery, new { token = new string('Z', 43) }); // audited: link.rejected

        using (var anonymous = await _host.Client.GetAsync("/api/admin/password-reset/audit"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var wrong = await Admin("/api/admin/password-reset/audit", "wrong-key-0123456789abcdefghijklmnopqrstuvwxyz"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var csv = await Admin("/api/admin/password-reset/audit?format=csv", PasswordResetTestHost.AdminKey);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seq,at,event,account,channel,conversation,source,outcome,detail,hash", lines[0]);
        Assert.Contains(lines, l => l.Contains(",link.rejected,", StringComparison.Ordinal));

        using var json = await Admin("/api/admin/password-reset/audit?format=json&from=2026-12-01T00:00:00Z", PasswordResetTestHost.AdminKey);
        var records = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.True(records.GetArrayLength() >= 1);
        Assert.Equal(64, records[0].GetProperty("hash").GetString()!.Length);

        using var verify = await Admin("/api/admin/password-reset/audit/verify", PasswordResetTestHost.AdminKey);
        Assert.True(JsonDocument.Parse(await verify.Content.ReadAsStringAsync()).RootElement.GetProperty("intact").GetBoolean());

        using var bad = await Admin("/api/admin/password-reset/audit?format=xml", PasswordResetTestHost.AdminKey);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task AuditExport_NoKeyConfigured_NotThere()
    {
        await using var host = new PasswordResetTestHost(new Dictionary<string, string?> { ["PasswordReset:AdminApiKey"] = string.Empty });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/password-reset/audit");
        request.Headers.Add("X-Api-Key", "anything");
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DevOutbox_DevelopmentOnly()
    {
        using (var page = await _host.Client.GetAsync("/dev/outbox"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Development outbox", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var production = new PasswordResetTestHost(environment: "Production");
        using var response = await production.Client.GetAsync("/dev/outbox");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> Admin(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", key);
        return await _host.Client.SendAsync(request);
    }
}

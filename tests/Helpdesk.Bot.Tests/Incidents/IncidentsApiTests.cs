using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Tests.Troubleshooting;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Incidents;

public sealed class IncidentsApiTests : IDisposable
{
    private const string Key = "admin-key-0123456789-abcdefghijklmnop";
    private const string Route = "/api/admin/incidents";
    private readonly string _data = HelpdeskTestHost.NewDataDirectory();
    private readonly RecordingNotifier _notifier = new();

    public void Dispose() => HelpdeskTestHost.DeleteDataDirectory(_data);

    [Fact]
    public async Task NoKeyConfigured_OutsideDevelopment_ApiIsOff()
    {
        await using var host = new HelpdeskTestHost(environment: "Production");

        using var response = await host.Client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task NoKeyConfigured_Development_OpenToThisMachine()
    {
        await using var host = new HelpdeskTestHost(environment: "Development");

        using var response = await host.Client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData(Key + "x")]
    public async Task KeyConfigured_MissingOrWrongKey_401ProblemDetails(string? given)
    {
        await using var host = Host();
        using var request = new HttpRequestMessage(HttpMethod.Get, Route);
        if (given is not null)
        {
            request.Headers.Add("X-Api-Key", given);
        }

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Valid_201ThenListedAndReadable()
    {
        await using var host = Host();

        using var created = await SendAsync(host, HttpMethod.Post, Route, new { id = "INC0012345", service = "VPN", title = "VPN failing in Europe", eta = "2026-12-01T11:00:00Z", details = "Use the hotspot" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Route}/INC0012345", created.Headers.Location?.ToString());
        var body = await HelpdeskTestHost.JsonAsync(created);
        Assert.Equal("vpn", body.GetProperty("service").GetString());
        Assert.Equal("investigating", body.GetProperty("status").GetString());
        Assert.Equal("api", body.GetProperty("source").GetString());
        Assert.Equal(host.Time.GetUtcNow(), body.GetProperty("updated").GetDateTimeOffset());

        using var list = await SendAsync(host, HttpMethod.Get, Route);
        Assert.Equal("INC0012345", Assert.Single((await HelpdeskTestHost.JsonAsync(list)).EnumerateArray()).GetProperty("id").GetString());
        using var one = await SendAsync(host, HttpMethod.Get, $"{Route}/inc0012345");
        Assert.Equal("VPN failing in Europe", (await HelpdeskTestHost.JsonAsync(one)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Create_NoId_Generated()
    {
        await using var host = Host();

        using var created = await SendAsync(host, HttpMethod.Post, Route, new { service = "email", title = "Mail delays" });

        Assert.Matches("^INC-[0-9A-F]{10}$", (await HelpdeskTestHost.JsonAsync(created)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Create_BadFields_400ValidationProblemNamingThem()
    {
        await using var host = Host();

        using var response = await SendAsync(host, HttpMethod.Post, Route, new { id = "bad id!", service = "VPN service", status = "panicking", title = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await HelpdeskTestHost.JsonAsync(response);
        Assert.Equal(["id", "service", "status", "title"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"service\": \"vpn\", \"title\": \"x\", \"eta\": \"next tuesday\"}")]
    [InlineData("[]")]
    public async Task Create_MalformedBody_400ProblemDetails(string body)
    {
        await using var host = Host();
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", Key);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_Duplicate_409()
    {
        await using var host = Host();
        (await SendAsync(host, HttpMethod.Post, Route, new { id = "INC1", service = "vpn", title = "One" })).Dispose();

        using var again = await SendAsync(host, HttpMethod.Post, Route, new { id = "inc1", service = "vpn", title = "Two" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task UpdateAndResolve_ChangesStatusTellsTheNotifierAndHidesItFromTheActiveList()
    {
        await using var host = Host();
        (await SendAsync(host, HttpMethod.Post, Route, new { id = "INC2", service = "vpn", title = "VPN down", eta = "2026-12-01T11:00:00Z" })).Dispose();
        host.Time.Advance(TimeSpan.FromMinutes(30));

        using var updated = await SendAsync(host, HttpMethod.Patch, $"{Route}/INC2", new { status = "identified", clearEta = true, details = "Fix being deployed" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await HelpdeskTestHost.JsonAsync(updated);
        Assert.Equal("identified", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("eta").ValueKind);
        Assert.Equal(host.Time.GetUtcNow(), body.GetProperty("updated").GetDateTimeOffset());

        using var resolved = await SendAsync(host, HttpMethod.Post, $"{Route}/INC2/resolve");
        Assert.Equal("resolved", (await HelpdeskTestHost.JsonAsync(resolved)).GetProperty("status").GetString());
        Assert.Equal([IncidentStatus.Identified, IncidentStatus.Resolved], _notifier.Changes.Select(c => c.Incident.Status));

        using var active = await SendAsync(host, HttpMethod.Get, Route);
        Assert.Empty((await HelpdeskTestHost.JsonAsync(active)).EnumerateArray());
        using var all = await SendAsync(host, HttpMethod.Get, Route + "?all=true");
        Assert.Single((await HelpdeskTestHost.JsonAsync(all)).EnumerateArray());
    }

    [Fact]
    public async Task Update_NothingOrUnknown_400And404()
    {
        await using var host = Host();
        (await SendAsync(host, HttpMethod.Post, Route, new { id = "INC3", service = "vpn", title = "VPN down" })).Dispose();

        using var nothing = await SendAsync(host, HttpMethod.Patch, $"{Route}/INC3", new { });
        using var unknown = await SendAsync(host, HttpMethod.Patch, $"{Route}/NOPE", new { status = "monitoring" });
        using var resolveUnknown = await SendAsync(host, HttpMethod.Post, $"{Route}/NOPE/resolve");

        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, resolveUnknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FeedIncident_ListedButReadOnly()
    {
        var feed = Path.Combine(_data, "incidents.json");
        await File.WriteAllTextAsync(feed, """{"incidents": [{"id": "INC-FEED", "service": "wifi", "title": "Wi-Fi down on floor 3", "status": "investigating"}]}""");
        await using var host = Host(feed);

        using var list = await SendAsync(host, HttpMethod.Get, Route);
        var item = Assert.Single((await HelpdeskTestHost.JsonAsync(list)).EnumerateArray());
        Assert.Equal("feed", item.GetProperty("source").GetString());

        using var patch = await SendAsync(host, HttpMethod.Patch, $"{Route}/INC-FEED", new { status = "resolved" });
        Assert.Equal(HttpStatusCode.Conflict, patch.StatusCode);
        Assert.Contains("feed file", (await HelpdeskTestHost.JsonAsync(patch)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserHitsTheIncident_ReportAndSubscriptionCountedAndPersisted()
    {
        await using (var host = Host())
        {
            (await SendAsync(host, HttpMethod.Post, Route, new { id = "INC-VPN", service = "vpn", title = "VPN connections failing" })).Dispose();
            var conversation = await host.StartConversationAsync();
            Assert.Contains("Sounds like a VPN problem", HelpdeskTestHost.Texts(await host.SayAsync(conversation, "vpn keeps disconnecting")), StringComparison.Ordinal);
            var notice = HelpdeskTestHost.Texts(await host.SayAsync(conversation, "yes"));
            Assert.Contains("**Known issue:** VPN connections failing", notice, StringComparison.Ordinal);
            Assert.DoesNotContain("What's happening with the VPN?", notice, StringComparison.Ordinal);
            Assert.Contains("You're on the list for updates", HelpdeskTestHost.Texts(await host.SayAsync(conversation, "Notify me of updates")), StringComparison.Ordinal);

            (await SendAsync(host, HttpMethod.Patch, $"{Route}/INC-VPN", new { status = "monitoring" })).Dispose();
            var change = Assert.Single(_notifier.Changes);
            Assert.Equal(conversation, Assert.Single(change.Subscribers).Conversation.Conversation!.Id);
        }

        await using var restarted = Host();
        using var one = await SendAsync(restarted, HttpMethod.Get, $"{Route}/INC-VPN");
        var body = await HelpdeskTestHost.JsonAsync(one);
        Assert.Equal((1, 1, 1), (body.GetProperty("reporters").GetInt32(), body.GetProperty("reports").GetInt32(), body.GetProperty("subscribers").GetInt32()));
    }

    private HelpdeskTestHost Host(string? feed = null) => new(
        _data,
        new Dictionary<string, string?> { ["Incidents:AdminApiKey"] = Key, ["Incidents:FeedPath"] = feed },
        services: s => s.AddSingleton<IIncidentUpdateNotifier>(_notifier));

    private static async Task<HttpResponseMessage> SendAsync(HelpdeskTestHost host, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", Key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await host.Client.SendAsync(request);
    }
}

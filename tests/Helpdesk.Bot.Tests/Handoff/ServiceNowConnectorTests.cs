using System.Net;
using System.Text;
using Helpdesk.Bot.Handoff;
using Helpdesk.Bot.Handoff.Itsm;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Skills.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>The ServiceNow connector against recorded Table API responses (see ServiceNow/README.md).</summary>
public sealed class ServiceNowConnectorTests
{
    private const string Instance = "https://contoso.service-now.com";
    private const string SysId = "9d385017c611228701d22104cc95c371";

    [Fact]
    public async Task CreateAsync_FullContext_IncidentWithCallerDescriptionCategoryUrgencyImpact()
    {
        var handler = new RecordedHttpHandler()
            .On(HttpMethod.Get, "/api/now/table/sys_user", HttpStatusCode.OK, "sys-user-found.json")
            .On(HttpMethod.Post, "/api/now/table/incident", HttpStatusCode.Created, "incident-created.json");
        var connector = Connector(handler);

        var number = await connector.CreateAsync(Case(TicketPriority.P2), Context(), CancellationToken.None);

        Assert.Equal("INC0010001", number);
        var lookup = handler.Requests[0];
        Assert.Equal("email=alex@contoso.example^ORuser_name=alex@contoso.example", Uri.UnescapeDataString(System.Web.HttpUtility.ParseQueryString(lookup.Uri.Query)["sysparm_query"]!));
        var create = handler.Requests[1];
        Assert.Equal($"{Instance}/api/now/table/incident?sysparm_fields=sys_id,number", create.Uri.ToString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("helpdesk.integration:s3cret-Pa55")), create.Headers["Authorization"]);
        Assert.Equal("application/json", create.Headers["Accept"]);
        var body = create.Json;
        Assert.Equal("62826bf03710200044e0bfc8bcbe5df1", body.GetProperty("caller_id").GetString());
        Assert.Equal("VPN still drops after reinstalling the client", body.GetProperty("short_description").GetString());
        Assert.Equal("network", body.GetProperty("category").GetString());
        Assert.Equal("vpn", body.GetProperty("subcategory").GetString());
        Assert.Equal("1", body.GetProperty("impact").GetString());
        Assert.Equal("2", body.GetProperty("urgency").GetString());
        Assert.Equal("chat", body.GetProperty("contact_type").GetString());
        Assert.Equal("HD-000007", body.GetProperty("correlation_id").GetString());
        var description = body.GetProperty("description").GetString()!;
        Assert.Contains("Summary: VPN drops every 5 minutes.", description, StringComparison.Ordinal);
        Assert.Contains("Identity: alex@contoso.example — verified (totp)", description, StringComparison.Ordinal);
        Assert.Contains("- Reinstall the VPN client → Still drops (troubleshooting:vpn)", description, StringComparison.Ordinal);
        Assert.Contains("Error text: Error 809", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_UnknownCaller_NoCallerId()
    {
        var handler = new RecordedHttpHandler()
            .On(HttpMethod.Get, "/api/now/table/sys_user", HttpStatusCode.OK, "sys-user-none.json")
            .On(HttpMethod.Post, "/api/now/table/incident", HttpStatusCode.Created, "incident-created.json");

        await Connector(handler).CreateAsync(Case(TicketPriority.P4), Context(), CancellationToken.None);

        var body = handler.Requests[1].Json;
        Assert.False(body.TryGetProperty("caller_id", out _));
        Assert.Equal("3", body.GetProperty("impact").GetString());
    }

    [Fact]
    public async Task AddWorkNoteAndResolve_LookUpByNumberThenPatch()
    {
        var handler = new RecordedHttpHandler()
            .On(HttpMethod.Get, "/api/now/table/incident", HttpStatusCode.OK, "incident-by-number.json")
            .On(HttpMethod.Patch, "/api/now/table/incident/" + SysId, HttpStatusCode.OK, "incident-patched.json");
        var connector = Connector(handler);

        await connector.AddWorkNoteAsync("INC0010001", "Claimed by Sam Rivera", CancellationToken.None);
        await connector.ResolveAsync("INC0010001", "Upgraded the client", CancellationToken.None);

        Assert.Equal(3, handler.Requests.Count); // one lookup, cached for the second call
        Assert.Contains("number=INC0010001", Uri.UnescapeDataString(handler.Requests[0].Uri.Query), StringComparison.Ordinal);
        Assert.Equal("Claimed by Sam Rivera", handler.Requests[1].Json.GetProperty("work_notes").GetString());
        var resolve = handler.Requests[2].Json;
        Assert.Equal("6", resolve.GetProperty("state").GetString());
        Assert.Equal("Solved (Permanently)", resolve.GetProperty("close_code").GetString());
        Assert.Equal("Upgraded the client", resolve.GetProperty("close_notes").GetString());
    }

    [Fact]
    public async Task GetStatusAsync_KnownAndUnknownNumbers()
    {
        var handler = new RecordedHttpHandler()
            .On(r => r.RequestUri!.Query.Contains("INC0010001", StringComparison.Ordinal), () => Fixture("incident-by-number.json"))
            .On(HttpMethod.Get, "/api/now/table/incident", HttpStatusCode.OK, "incident-none.json");
        var connector = Connector(handler);

        var status = await connector.GetStatusAsync("inc0010001", CancellationToken.None);
        var missing = await connector.GetStatusAsync("INC0099999", CancellationToken.None);

        Assert.Equal(new TicketStatus("INC0010001", "In Progress", "VPN still drops after reinstalling the client", "Beth Anglin", new DateTimeOffset(2026, 1, 5, 8, 40, 0, TimeSpan.Zero)), status);
        Assert.Null(missing);
        Assert.Contains("sysparm_display_value=true", handler.Requests[0].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthenticated_ThrowsWithServiceNowsMessage()
    {
        var handler = new RecordedHttpHandler().On(HttpMethod.Get, "/api/now/table/incident", HttpStatusCode.Unauthorized, "error-unauthenticated.json");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Connector(handler).GetStatusAsync("INC0010001", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("User Not Authenticated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuth_TokenFromOauthTokenDoThenBearerAndCached()
    {
        var handler = new RecordedHttpHandler()
            .On(HttpMethod.Post, "/oauth_token.do", HttpStatusCode.OK, "oauth-token.json")
            .On(HttpMethod.Get, "/api/now/table/incident", HttpStatusCode.OK, "incident-by-number.json");
        var connector = Connector(handler, oauth: true);

        await connector.GetStatusAsync("INC0010001", CancellationToken.None);
        await connector.GetStatusAsync("INC0010001", CancellationToken.None);

        Assert.Equal(3, handler.Requests.Count);
        var form = System.Web.HttpUtility.ParseQueryString(handler.Requests[0].BodyText);
        Assert.Equal("password", form["grant_type"]);
        Assert.Equal("helpdesk-bot-client", form["client_id"]);
        Assert.StartsWith("Bearer Dk2BBJNyfa0PKeWx", handler.Requests[1].Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(handler.Requests[1].Headers["Authorization"], handler.Requests[2].Headers["Authorization"]);
    }

    [Fact]
    public async Task Chat_StatusOfAnIncident_AnsweredInChatStateOnlyForSomeoneElsesTicket()
    {
        var handler = new RecordedHttpHandler()
            .On(HttpMethod.Get, "/api/now/table/incident", HttpStatusCode.OK, "incident-by-number.json");
        await using var host = ServiceNowHost(handler);
        var chat = await host.StartChatAsync();

        var answer = UserChat.Texts(await chat.SayAsync("what's the status of INC0010001?"));

        Assert.Equal("Ticket **INC0010001** is **In Progress**.", answer.Split('\n').Last());
    }

    [Fact]
    public async Task Chat_EscalateThenAskStatus_IncidentCreatedAndOwnTicketShownInFull()
    {
        var handler = new RecordedHttpHandler()
            .On(HttpMethod.Post, "/api/now/table/incident", HttpStatusCode.Created, "incident-created.json")
            .On(HttpMethod.Patch, "/api/now/table/incident/", HttpStatusCode.OK, "incident-patched.json")
            .On(HttpMethod.Get, "/api/now/table/incident", HttpStatusCode.OK, "incident-by-number.json");
        await using var host = ServiceNowHost(handler);
        var agent = await host.SignInAgentAsync();
        var chat = await host.StartChatAsync();

        Assert.Contains("INC0010001", UserChat.Texts(await chat.SayAsync("agent now!!")), StringComparison.Ordinal);
        var caseId = await agent.SingleCaseIdAsync();
        Assert.Equal("INC0010001", (await agent.QueueAsync()).GetProperty("cases")[0].GetProperty("ticketNumber").GetString());
        await agent.PostAsync($"/cases/{caseId}/claim");
        await agent.PostAsync($"/cases/{caseId}/resolve", new { note = "Fixed" });
        await chat.SayAsync("5");
        var answer = UserChat.Texts(await chat.SayAsync("any update on INC0010001"));

        Assert.Contains("(\"VPN still drops after reinstalling the client\") is **In Progress**, assigned to Beth Anglin", answer, StringComparison.Ordinal);
        Assert.Contains(handler.Requests, r => r.Method == HttpMethod.Patch && r.BodyText.Contains("Claimed by Sam Rivera", StringComparison.Ordinal));
        Assert.Contains(handler.Requests, r => r.Method == HttpMethod.Patch && r.BodyText.Contains("\"close_notes\":\"Fixed\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_MissingInstanceOrCredentials_NamesTheSetting()
    {
        var result = new ItsmOptionsValidator().Validate(null, new ItsmOptions { Connector = "ServiceNow", ServiceNow = new ServiceNowOptions { InstanceUrl = "http://contoso.service-now.com" } });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Handoff:Itsm:ServiceNow:InstanceUrl", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Handoff:Itsm:ServiceNow:Username", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what's the status of INC0010001?", "INC0010001")]
    [InlineData("inc0010001", "INC0010001")]
    [InlineData("any news on hd-42", "HD-000042")]
    [InlineData("I bought INC0010001 shares yesterday at the market", null)]
    [InlineData("my vpn is broken", null)]
    public void FindTicketNumber_StatusQuestions(string text, string? expected) =>
        Assert.Equal(expected, Helpdesk.Bot.Handoff.Routing.TicketStatusMiddleware.FindTicketNumber(text));

    private static HttpResponseMessage Fixture(string name) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Handoff", "ServiceNow", name)), Encoding.UTF8, "application/json"),
    };

    private static HandoffTestHost ServiceNowHost(RecordedHttpHandler handler) => new(
        settings: new Dictionary<string, string?>
        {
            ["Handoff:Itsm:Connector"] = "ServiceNow",
            ["Handoff:Itsm:ServiceNow:InstanceUrl"] = Instance,
            ["Handoff:Itsm:ServiceNow:Username"] = "helpdesk.integration",
            ["Handoff:Itsm:ServiceNow:Password"] = "s3cret-Pa55",
        },
        services: s => s.AddHttpClient(ServiceNowConnector.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler));

    private static ServiceNowConnector Connector(RecordedHttpHandler handler, bool oauth = false) => new(
        new SingleClientFactory(handler),
        Options.Create(new ItsmOptions
        {
            Connector = "ServiceNow",
            ServiceNow = new ServiceNowOptions
            {
                InstanceUrl = Instance,
                Username = "helpdesk.integration",
                Password = "s3cret-Pa55",
                ClientId = oauth ? "helpdesk-bot-client" : null,
                ClientSecret = oauth ? "client-secret" : null,
            },
        }),
        new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)),
        NullLogger<ServiceNowConnector>.Instance);

    private static HandoffCase Case(TicketPriority priority) => new()
    {
        Id = 7,
        ConversationKey = "msteams/a:1",
        AdapterName = "botframework",
        ReferenceJson = "{}",
        Priority = priority,
        Category = "network/vpn",
        Reason = "VPN still drops after reinstalling the client",
        ChannelId = "msteams",
        ContextJson = "{}",
    };

    private static HandoffContext Context() => new()
    {
        User = new HandoffUser("29:1", "Alex Wilber", null, "alex@contoso.example", true, "totp"),
        Channel = new HandoffChannel("msteams", "a:1"),
        Locale = "en-US",
        Category = "network/vpn",
        Priority = "P2",
        Trigger = "FlowEscalated",
        Reason = "VPN still drops after reinstalling the client",
        Summary = "VPN drops every 5 minutes.",
        StepsTried = [new HandoffStep("troubleshooting:vpn", "Reinstall the VPN client", "Still drops", DateTimeOffset.UnixEpoch)],
        ErrorText = "Error 809",
        EscalatedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
    };
}

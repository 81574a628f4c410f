using System.Net;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Teams;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.Channels.Teams;

public sealed class TeamsTenantFilterTests : IDisposable
{
    private const string OwnTenant = "11111111-2222-3333-4444-555555555555";

    private readonly BotFrameworkTestFactory _factory = BotFrameworkTestFactory.AnonymousWithHelpdeskBot();

    public TeamsTenantFilterTests() => _factory.Settings["Teams:AllowedTenantIds:0"] = OwnTenant;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Message_FromAllowedTenant_Answered()
    {
        using var response = await _factory.PostActivityAsync(Message(OwnTenant));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await _factory.Cloud.WaitForConnectorRequestsAsync(1));
    }

    [Fact]
    public async Task Message_FromAnotherTenant_NotAnswered()
    {
        using var response = await _factory.PostActivityAsync(Message("99999999-9999-9999-9999-999999999999"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_factory.Cloud.ConnectorRequests);
        Assert.True(_factory.Logs.Contains("not allowed"));
    }

    [Fact]
    public async Task Invoke_FromAnotherTenant_403()
    {
        var invoke = Message("99999999-9999-9999-9999-999999999999");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"helpdesk.choice","data":{"text":"Talk to a person"}}}""");

        using var response = await _factory.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void Validate_NotAGuid_NamesTheSetting()
    {
        var result = new TeamsOptionsValidator().Validate(null, new TeamsOptions { AllowedTenantIds = ["contoso.onmicrosoft.com"] });

        Assert.True(result.Failed);
        Assert.Contains("Teams:AllowedTenantIds", result.FailureMessage, StringComparison.Ordinal);
    }

    private static JsonObject Message(string tenant)
    {
        var activity = BotFrameworkTestFactory.TeamsMessage("hi");
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
        return activity;
    }
}

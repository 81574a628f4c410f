using System.Net;
using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.Tests.Infrastructure;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkInvokeAndErrorTests : IDisposable
{
    private readonly BotFrameworkTestFactory _factory = BotFrameworkTestFactory.Anonymous();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Invoke_BotSendsInvokeResponse_HttpResponseCarriesStatusAndBody()
    {
        _factory.Bot.OnTurn = (turn, ct) => turn.SendActivityAsync(new Activity
        {
            Type = ActivityTypes.InvokeResponse,
            Value = new InvokeResponse(200, new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "Thanks!" }),
        }, ct);

        using var response = await _factory.PostActivityAsync(Invoke("adaptiveCard/action"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("Thanks!", body.RootElement.GetProperty("value").GetString());
        Assert.Empty(_factory.Cloud.ConnectorRequests);
    }

    [Fact]
    public async Task Invoke_BotAnswersWithErrorStatus_StatusIsPassedThrough()
    {
        _factory.Bot.OnTurn = (turn, ct) => turn.SendActivityAsync(new Activity
        {
            Type = ActivityTypes.InvokeResponse,
            Value = new InvokeResponse(400, new { code = "BadCardData" }),
        }, ct);

        using var response = await _factory.PostActivityAsync(Invoke("adaptiveCard/action"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("BadCardData", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Invoke_BotGivesNoInvokeResponse_Returns501WithEmptyBody()
    {
        _factory.Bot.OnTurn = (_, _) => Task.CompletedTask;

        using var response = await _factory.PostActivityAsync(Invoke("composeExtension/query"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Turn_BotThrows_UserGetsApologyAndHttpIsNot500()
    {
        _factory.Bot.OnTurn = (_, _) => throw new InvalidOperationException("boom");

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage("reset my password"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_factory.Cloud.ConnectorRequests);
        Assert.Equal(TurnErrorHandler.Apology, call.Activity.Text);
        Assert.Equal("act-1", call.Activity.ReplyToId);
        Assert.False(_factory.Logs.Contains("reset my password"));
    }

    [Fact]
    public async Task Turn_BotTimesOutInternally_UserGetsApologyAndHttpIsNot500()
    {
        _factory.Bot.OnTurn = (_, _) => throw new TaskCanceledException("A downstream HttpClient timed out.");

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TurnErrorHandler.Apology, Assert.Single(_factory.Cloud.ConnectorRequests).Activity.Text);
    }

    [Fact]
    public async Task Turn_ConversationUpdate_Returns200AfterTheTurn()
    {
        var activity = BotFrameworkTestFactory.TeamsMessage();
        activity["type"] = "conversationUpdate";
        activity.Remove("text");
        activity["membersAdded"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = "29:user-1" });
        _factory.Bot.OnTurn = (turn, ct) => turn.SendActivityAsync("Welcome!", ct);

        using var response = await _factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ActivityTypes.ConversationUpdate, Assert.Single(_factory.Bot.Received).Type);
        Assert.Equal("Welcome!", Assert.Single(_factory.Cloud.ConnectorRequests).Activity.Text);
    }

    private static System.Text.Json.Nodes.JsonObject Invoke(string name)
    {
        var activity = BotFrameworkTestFactory.TeamsMessage();
        activity["type"] = "invoke";
        activity["name"] = name;
        activity.Remove("text");
        activity["value"] = new System.Text.Json.Nodes.JsonObject { ["action"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "Action.Execute", ["verb"] = "approve" } };
        return activity;
    }
}

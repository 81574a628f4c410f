using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Tests.Infrastructure;

namespace Helpdesk.Bot.Tests.Channels.Teams;

/// <summary>The real helpdesk bot behind <c>/api/messages</c>, spoken to as Teams does; replies recorded by the fake Bot Connector.</summary>
public sealed class TeamsChannelTests : IDisposable
{
    private readonly BotFrameworkTestFactory _factory = BotFrameworkTestFactory.AnonymousWithHelpdeskBot();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ChannelMessage_MentionAndHi_WelcomeThenMenuAsAdaptiveCard()
    {
        using var response = await _factory.PostActivityAsync(ChannelMessage("<at>Helpdesk</at> hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await _factory.Cloud.WaitForConnectorRequestsAsync(2)).Select(r => r.Activity).ToList();
        Assert.Contains("IT help assistant", replies[0].Text, StringComparison.Ordinal);
        var menu = replies[1];
        Assert.Null(menu.SuggestedActions);
        Assert.Equal(MainMenu.Choices.Select(c => c.Value), ButtonTitles(menu));
        Assert.All(replies, r => Assert.Equal("act-1", r.ReplyToId));
    }

    [Fact]
    public async Task ChannelMessage_CardSubmitOfAChoice_DialogContinuesWithThatChoice()
    {
        using (await _factory.PostActivityAsync(ChannelMessage("<at>Helpdesk</at> hi")))
        {
        }

        var submit = ChannelMessage(null, "act-2");
        submit["value"] = JsonNode.Parse("""{"msteams":{"type":"imBack","value":"Fix a problem"}}""");
        using var response = await _factory.PostActivityAsync(submit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var prompt = (await _factory.Cloud.WaitForConnectorRequestsAsync(3))[2].Activity;
        Assert.Equal("What kind of problem is it?", prompt.Text);
        Assert.Contains("Printer", ButtonTitles(prompt));
    }

    [Fact]
    public async Task Invoke_ExecuteWithAChoice_RunsAsMessageAndRefreshesTheCardInTheResponse()
    {
        using (await _factory.PostActivityAsync(ChannelMessage("<at>Helpdesk</at> hi")))
        {
        }

        var invoke = ChannelMessage(null, "act-3");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"helpdesk.choice","data":{"text":"Talk to a person"}},"trigger":"manual"}""");
        using var response = await _factory.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        var refreshed = body.RootElement.GetProperty("value");
        Assert.Contains("Talk to a person", refreshed.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(refreshed.TryGetProperty("actions", out _));
        var answer = (await _factory.Cloud.WaitForConnectorRequestsAsync(3))[2].Activity;
        Assert.Contains("get you to a person", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_PlaygroundExecuteWithUnknownVerb_AnsweredWithUniversalActionsError()
    {
        using var response = await _factory.PostActivityAsync(CapturedActivity.Json("teams-playground-invoke-adaptiveCard-action"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("value").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task PersonalChat_PlaygroundInstallation_WelcomesWithMenuCard()
    {
        using var response = await _factory.PostActivityAsync(CapturedActivity.Json("teams-playground-installationUpdate-personal"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await _factory.Cloud.WaitForConnectorRequestsAsync(2)).Select(r => r.Activity).ToList();
        Assert.Contains("IT help assistant", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(MainMenu.Choices.Select(c => c.Value), ButtonTitles(replies[1])); // five entries: more than Teams shows as suggested actions
    }

    internal static JsonObject ChannelMessage(string? text, string id = "act-1")
    {
        var activity = BotFrameworkTestFactory.TeamsMessage(text ?? string.Empty);
        activity["id"] = id;
        if (text is null)
        {
            activity.Remove("text");
        }
        else
        {
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>Helpdesk</at>",
                ["mentioned"] = new JsonObject { ["id"] = "28:" + BotFrameworkFakeCloud.AppId, ["name"] = "Helpdesk" },
            });
        }

        activity["conversation"]!["isGroup"] = true;
        activity["channelData"] = JsonNode.Parse("""{"tenant":{"id":"t-1"},"team":{"id":"19:team@thread.tacv2"},"channel":{"id":"19:abc@thread.tacv2"}}""");
        return activity;
    }

    /// <summary>The button titles of a rendered Teams reply (suggested actions or the Adaptive Card's ActionSets).</summary>
    internal static List<string?> ButtonTitles(Activity activity)
    {
        if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            return [.. actions.Select(a => a.Title)];
        }

        var card = activity.Attachments?.FirstOrDefault(a => a.ContentType == AttachmentContentTypes.AdaptiveCard);
        if (card is null)
        {
            return [];
        }

        var node = JsonSerializer.SerializeToNode(card.Content, ActivitySerializer.Options)!;
        return [.. node["body"]!.AsArray().Where(e => (string?)e!["type"] == "ActionSet").SelectMany(s => s!["actions"]!.AsArray()).Select(a => (string?)a!["title"])];
    }
}

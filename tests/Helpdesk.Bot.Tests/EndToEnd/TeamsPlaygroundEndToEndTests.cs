namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>
/// Microsoft 365 Agents Playground 0.2.28 (Microsoft's local Teams client, from npm) against the real host:
/// tests/e2e/teams-playground.e2e.mjs starts it on a free port pointed at <c>/api/messages</c> and holds Teams
/// conversations — personal chat, group chat, team channel — including card submits and an Action.Execute invoke.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TeamsPlaygroundEndToEndTests(BotServerFixture server)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    [EndToEndFact(EndToEndRequirements.Node)]
    public async Task AgentsPlayground_TeamsConversations_MenuCardSubmitsMentionsAndInvokeWork()
    {
        var result = await NodeE2EScripts.RunAsync("teams-playground.e2e.mjs", ["--url", server.BaseUrl], ScriptTimeout);

        Assert.True(result.Passed, result.Describe());
        var json = result.Json!.Value;
        var personal = json.GetProperty("personal");
        Assert.Contains("IT help", personal.GetProperty("welcome").GetString(), StringComparison.Ordinal);
        Assert.Equal("Action.Submit", personal.GetProperty("menuKind").GetString()); // 5 entries: more than Teams shows as suggested actions
        Assert.Equal("Fix a problem", personal.GetProperty("submittedData").GetProperty("msteams").GetProperty("value").GetString());
        Assert.Equal("What kind of problem is it?", personal.GetProperty("areaPrompt").GetString());
        Assert.Contains("Printer", personal.GetProperty("areaAnswer").GetString(), StringComparison.OrdinalIgnoreCase);
        var group = json.GetProperty("group");
        Assert.Contains("get you to a person", group.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", group.GetProperty("invokeResponseType").GetString());
        Assert.Contains("Talk to a person", group.GetProperty("refreshedCardText").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("team-id;messageid=", json.GetProperty("channel").GetProperty("conversationId").GetString(), StringComparison.Ordinal);
        Assert.Contains("Fix a problem", json.GetProperty("channel").GetProperty("menuButtons").EnumerateArray().Select(b => b.GetString()));
    }
}

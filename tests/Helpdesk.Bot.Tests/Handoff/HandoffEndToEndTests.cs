using Helpdesk.Bot.Tests.EndToEnd;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>
/// The handoff with two real browser contexts in headless Chromium (tests/e2e/handoff.e2e.mjs) against the real host
/// in its default (Development) configuration: the user in Web Chat, the demo agent in the console.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HandoffEndToEndTests(BotServerFixture server)
{
    [EndToEndFact(EndToEndRequirements.Node | EndToEndRequirements.Chromium)]
    public async Task Handoff_UserInWebChatAndAgentInConsole_ClaimChatBothWaysResolveCsat()
    {
        var result = await NodeE2EScripts.RunAsync(
            "handoff.e2e.mjs",
            ["--url", server.BaseUrl, "--chromium", EndToEndEnvironment.ChromiumPath, "--artifacts", Path.Combine(RepositoryPaths.Artifacts, "handoff")],
            TimeSpan.FromMinutes(4));

        Assert.True(result.Passed, result.Describe());
        var json = result.Json!.Value;
        Assert.Contains("HD-", json.GetProperty("queued").GetString(), StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "4", "5"], json.GetProperty("csat").EnumerateArray().Select(b => b.GetString()));
        Assert.All(json.GetProperty("steps").EnumerateArray(), step => Assert.True(step.GetProperty("ok").GetBoolean()));
    }
}

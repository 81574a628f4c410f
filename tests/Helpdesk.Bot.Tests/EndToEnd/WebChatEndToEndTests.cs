using System.Text.Json;

namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>
/// The Web Chat page at <c>/</c> with the real Web Chat bundle in headless Chromium: tests/e2e/webchat.e2e.mjs.
/// The script's defaults are the bot's conversation contract (welcome mentioning "IT help", the main-menu buttons,
/// an answer to "Talk to a person"); see <c>node tests/e2e/webchat.e2e.mjs --help</c>.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class WebChatEndToEndTests(BotServerFixture server)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    [EndToEndFact(EndToEndRequirements.Node | EndToEndRequirements.Chromium)]
    public async Task WebChatPage_UserSendsMessage_DeliveredBotReplyRenderedAndReloadRestoresConversation()
    {
        // Transport and page only, whatever the bot says: no "Send failed", a bot message renders, and a reload
        // reconnects to the same conversation.
        var result = await RunAsync("transport", "--send", "hello", "--expect-text", string.Empty, "--expect-buttons", string.Empty, "--click", string.Empty);

        Assert.True(result.Passed, result.Describe());
        var json = result.Json!.Value;
        Assert.NotEmpty(json.GetProperty("botMessages").EnumerateArray());
        Assert.Contains(json.GetProperty("steps").EnumerateArray(), step => step.GetProperty("name").GetString() == "reload restores the conversation");
        Assert.Empty(json.GetProperty("pageErrors").EnumerateArray());
        Assert.StartsWith("default-src 'self'", json.GetProperty("contentSecurityPolicy").GetString(), StringComparison.Ordinal);
    }

    [EndToEndFact(EndToEndRequirements.Node | EndToEndRequirements.Chromium)]
    public async Task WebChatPage_Hi_ShowsWelcomeAndMainMenuAndTalkToAPersonGetsAnAnswer()
    {
        var result = await RunAsync("contract");

        Assert.True(result.Passed, result.Describe());
        var json = result.Json!.Value;
        Assert.Contains(json.GetProperty("botMessages").EnumerateArray(), m => m.GetString()!.Contains("IT help", StringComparison.OrdinalIgnoreCase));
        var buttons = json.GetProperty("buttons").EnumerateArray().Select(b => b.GetString()).ToList();
        Assert.Contains("Reset my password", buttons);
        Assert.Contains("Talk to a person", buttons);
        Assert.NotEmpty(json.GetProperty("clickReply").EnumerateArray());
    }

    [EndToEndFact(EndToEndRequirements.Node | EndToEndRequirements.Chromium)]
    public async Task WebChatPage_KnowledgeQuestion_ShowsArticleCardThatOpensTheArticleAndYesResolves()
    {
        // A symptom in the user's words: the article card renders in real Web Chat (Adaptive Card), its "Open article"
        // button opens /kb/{id} on this site under the article page's CSP, and "Yes" ends it resolved.
        var result = await RunAsync(
            "knowledge",
            "--send", "how do i set up my out of office reply",
            "--expect-text", "Set up an out-of-office reply",
            "--expect-text", "Did this solve it?",
            "--expect-buttons", "Open article|Yes|No",
            "--open-link", "Open article",
            "--expect-page-text", "Automatic Replies",
            "--click", "Yes",
            "--expect-click-reply", "Glad that fixed it");

        Assert.True(result.Passed, result.Describe());
        var json = result.Json!.Value;
        Assert.Contains(json.GetProperty("botMessages").EnumerateArray(), m => m.GetString()!.Contains("Did this solve it?", StringComparison.Ordinal));
        var opened = json.GetProperty("openedPage");
        Assert.Equal(server.BaseUrl + "/kb/outlook-out-of-office", opened.GetProperty("url").GetString());
        Assert.Equal("Set up an out-of-office reply", opened.GetProperty("heading").GetString());
        Assert.StartsWith("default-src 'none'; script-src 'none'", opened.GetProperty("contentSecurityPolicy").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.GetProperty("pageErrors").EnumerateArray());
    }

    private Task<NodeScriptResult> RunAsync(string name, params string[] arguments) => NodeE2EScripts.RunAsync(
        "webchat.e2e.mjs",
        ["--url", server.BaseUrl, "--artifacts", Path.Combine(RepositoryPaths.Artifacts, "webchat-" + name), "--chromium", EndToEndEnvironment.ChromiumPath, .. arguments],
        ScriptTimeout);
}

using System.Text.Json;
using Helpdesk.Bot.Tests.Handoff;

namespace Helpdesk.Bot.Tests.Bots;

/// <summary>
/// Conversations that cross features, over the real host (the whole bot, Direct Line as the user's Web Chat, the agent
/// console's API as the agent): a flow that ends with a person, the menu's password reset, a knowledge answer that
/// didn't help, and how the console names the user.
/// </summary>
public sealed class CrossFeatureConversationTests
{
    [Fact]
    public async Task TroubleshootingFlowEscalates_HandoffQueuedWithTheStepsTriedAndTheUsersName()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();
        var chat = await host.StartChatAsync("user-flow", "Alex Wilber");

        Assert.Contains("Sounds like a VPN problem", UserChat.Texts(await chat.SayAsync("vpn not working")), StringComparison.Ordinal);
        Assert.Contains("What's happening with the VPN?", UserChat.Texts(await chat.SayAsync("yes")), StringComparison.Ordinal);
        Assert.Contains("Contoso office", UserChat.Texts(await chat.SayAsync("It won't connect")), StringComparison.Ordinal);
        Assert.Contains("Does it work without the VPN?", UserChat.Texts(await chat.SayAsync("yes")), StringComparison.Ordinal);
        var queued = UserChat.Texts(await chat.SayAsync("no"));
        Assert.Contains("HD-000001", queued, StringComparison.Ordinal);

        var item = Assert.Single((await agent.QueueAsync()).GetProperty("cases").EnumerateArray());
        Assert.Equal("Alex Wilber", item.GetProperty("userName").GetString());
        Assert.StartsWith("network/", item.GetProperty("category").GetString(), StringComparison.Ordinal);
        var detail = (await agent.GetAsync($"/cases/{item.GetProperty("id").GetInt64()}")).GetRawText();
        Assert.Contains("In a Contoso office?", detail, StringComparison.Ordinal);
        Assert.Contains("Does it work without the VPN?", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotMyPasswordFromTheMenu_ResetDialogAsksForTheAccountThenACode()
    {
        await using var host = new HandoffTestHost();
        var chat = await host.StartChatAsync("user-reset", "Ada Lovelace");
        Assert.Contains("Reset my password", string.Join(" ", (await chat.SayAsync("hi")).Select(m => m.GetRawText())), StringComparison.Ordinal);

        Assert.Contains("I can help you get back in.", UserChat.Texts(await chat.SayAsync("forgot my password")), StringComparison.Ordinal);
        var method = await chat.SayAsync("ada");
        Assert.Contains("To make sure it's really you, I need a one-time code for", UserChat.Texts(method), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnowledgeAnswerDidNotHelp_HandedToAPersonWithTheArticleInTheContext()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();
        var chat = await host.StartChatAsync("user-kb", "Alex Wilber");

        var answer = await chat.SayAsync("how do i set up my out of office reply");
        Assert.Contains(answer, m => m.GetRawText().Contains("Set up an out-of-office reply", StringComparison.Ordinal));
        var texts = UserChat.Texts(await chat.SayAsync("no"));
        if (!texts.Contains("HD-000001", StringComparison.Ordinal))
        {
            // More articles were offered first: none of those either.
            texts = UserChat.Texts(await chat.SayAsync("no"));
        }

        Assert.Contains("Sorry those articles didn't solve it.", texts, StringComparison.Ordinal);
        Assert.Contains("HD-000001", texts, StringComparison.Ordinal);
        var item = Assert.Single((await agent.QueueAsync()).GetProperty("cases").EnumerateArray());
        var detail = (await agent.GetAsync($"/cases/{item.GetProperty("id").GetInt64()}")).GetRawText();
        Assert.Contains("Set up an out-of-office reply", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebChatVisitorWithoutAName_ConsoleShowsAVisitorTagNotUnknown()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();
        var chat = await host.StartChatAsync("dl_visitor-42", string.Empty);

        await chat.SayAsync("hi");
        Assert.Contains("HD-000001", UserChat.Texts(await chat.SayAsync("agent now")), StringComparison.Ordinal);

        var item = Assert.Single((await agent.QueueAsync()).GetProperty("cases").EnumerateArray());
        var label = item.GetProperty("userName").GetString();
        Assert.NotNull(label);
        Assert.Matches("^Web Chat visitor ·[0-9a-f]{6}$", label);
        Assert.DoesNotContain("dl_visitor-42", label, StringComparison.Ordinal);
        var context = (await agent.GetAsync($"/cases/{item.GetProperty("id").GetInt64()}")).GetProperty("context");
        Assert.Equal(JsonValueKind.False, context.GetProperty("user").GetProperty("verified").ValueKind);
    }
}

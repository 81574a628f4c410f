using System.Net;
using System.Text.Json;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>A server restart during a live handoff loses nothing: queue, ownership, messages, transcript and the user's conversation.</summary>
public sealed class HandoffRestartTests : IDisposable
{
    private readonly string _data = HandoffTestHost.NewDataDirectory();

    [Fact]
    public async Task Restart_DuringLiveChat_CaseMessagesAndRelayBothWaysSurvive()
    {
        string conversationId, token;
        long caseId;
        await using (var before = new HandoffTestHost(_data))
        {
            var agent = await before.SignInAgentAsync();
            var chat = await before.StartChatAsync();
            await chat.SayAsync("agent now!!");
            caseId = await agent.SingleCaseIdAsync();
            Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync($"/cases/{caseId}/claim")).Status);
            await agent.PostAsync($"/cases/{caseId}/messages", new { text = "Before the restart" });
            Assert.Contains("Before the restart", UserChat.Texts(await chat.ReadAsync()), StringComparison.Ordinal);
            Assert.Empty(await chat.SayAsync("User before the restart"));
            conversationId = chat.ConversationId;
            token = chat.Token;
        }

        await using var after = new HandoffTestHost(_data);
        var again = await after.SignInAgentAsync();
        var detail = await again.GetAsync($"/cases/{caseId}");
        Assert.Equal("active", detail.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal("agent", detail.GetProperty("case").GetProperty("agentId").GetString());
        var texts = detail.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Contains("Before the restart", texts);
        Assert.Contains("User before the restart", texts);
        Assert.Contains(detail.GetProperty("transcript").EnumerateArray(), l => l.GetProperty("text").GetString() == "agent now!!");

        var resumed = new UserChat(after, conversationId, token, "user-1", "Alex Wilber");
        await resumed.ReadAsync();
        Assert.Equal(HttpStatusCode.OK, (await again.PostAsync($"/cases/{caseId}/messages", new { text = "After the restart" })).Status);
        Assert.Equal("**Sam Rivera:** After the restart", Assert.Single(await resumed.ReadAsync()).GetProperty("text").GetString());
        Assert.Empty(await resumed.SayAsync("User after the restart"));
        var messages = (await again.GetAsync($"/cases/{caseId}")).GetProperty("messages").EnumerateArray().ToList();
        Assert.Contains(messages, m => m.GetProperty("kind").GetString() == "user" && m.GetProperty("text").GetString() == "User after the restart");
    }

    public void Dispose() => HandoffTestHost.DeleteDataDirectory(_data);
}

using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineAdapterTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new DirectLineTestHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ContinueConversationAsync_ProactiveMessage_IsAppendedToTheConversation()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();
        var userActivityId = await _host.PostMessageAsync(conversationId, token, "hello");
        await _host.WhenIdleAsync();
        var (activities, watermark) = await _host.GetAllActivitiesAsync(conversationId, token);
        var reference = ActivitySerializer.Deserialize(activities[0].GetRawText()).GetConversationReference();
        var adapter = _host.Services.GetRequiredService<DirectLineAdapter>();

        await adapter.ContinueConversationAsync(
            reference,
            (turn, ct) => turn.SendActivityAsync(MessageFactory.Text("an agent joined"), ct),
            CancellationToken.None);
        var (proactive, _) = await _host.GetAllActivitiesAsync(conversationId, token, watermark);

        var message = Assert.Single(proactive);
        Assert.Equal("an agent joined", message.GetProperty("text").GetString());
        Assert.Equal("helpdesk-bot", message.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user-1", message.GetProperty("recipient").GetProperty("id").GetString());
        Assert.False(message.TryGetProperty("replyToId", out _)); // Web Chat would hold back a reply to an activity it never saw
        Assert.StartsWith(conversationId + "|", userActivityId, StringComparison.Ordinal);
        Assert.Equal($"{conversationId}|0000004", message.GetProperty("id").GetString());
    }

    [Fact]
    public async Task SendActivitiesAsync_TraceAndTyping_AreNotStored()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();
        await _host.PostMessageAsync(conversationId, token, "hello");
        await _host.WhenIdleAsync();
        var (activities, watermark) = await _host.GetAllActivitiesAsync(conversationId, token);
        var reference = ActivitySerializer.Deserialize(activities[0].GetRawText()).GetConversationReference();
        var adapter = _host.Services.GetRequiredService<DirectLineAdapter>();
        ResourceResponse[] responses = [];

        await adapter.ContinueConversationAsync(
            reference,
            async (turn, ct) => responses = await turn.SendActivitiesAsync(
                [new Activity { Type = ActivityTypes.Trace, Name = "debug" }, new Activity { Type = ActivityTypes.Typing }, MessageFactory.Text("done")], ct),
            CancellationToken.None);
        var (after, _) = await _host.GetAllActivitiesAsync(conversationId, token, watermark);

        Assert.Equal("done", Assert.Single(after).GetProperty("text").GetString());
        Assert.Null(responses[0].Id);
        Assert.StartsWith(conversationId + "|t", responses[1].Id, StringComparison.Ordinal);
        Assert.Equal($"{conversationId}|0000004", responses[2].Id);
    }

    [Fact]
    public async Task ContinueConversationAsync_UnknownConversation_ThrowsConversationGone()
    {
        var adapter = _host.Services.GetRequiredService<DirectLineAdapter>();
        var reference = new ConversationReference
        {
            ChannelId = ChannelIds.Directline,
            Conversation = new ConversationAccount("does-not-exist"),
            Bot = adapter.BotAccount,
            User = new ChannelAccount("u"),
        };
        adapter.OnTurnError = null;

        await Assert.ThrowsAsync<global::Helpdesk.Bot.Hosting.ConversationGoneException>(() => adapter.ContinueConversationAsync(
            reference, (turn, ct) => turn.SendActivityAsync("x", ct), CancellationToken.None));
    }
}

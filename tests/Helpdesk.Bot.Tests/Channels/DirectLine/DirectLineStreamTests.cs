using System.Net.WebSockets;
using System.Text.Json;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Channels.DirectLine.Streaming;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Helpdesk.Bot.Tests.Infrastructure.DirectLineStreamReader;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineStreamTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new DirectLineTestHost(settings: new Dictionary<string, string?>
        {
            ["DirectLine:HeartbeatInterval"] = "00:00:20",
            ["DirectLine:MaxStreamsPerConversation"] = "1",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stream_PostedMessage_DeliversEchoTypingAndReplyInOrder()
    {
        var (conversationId, token, streamUrl) = await _host.StartConversationAsync();
        using var socket = await _host.ConnectStreamAsync(streamUrl);

        var id = await _host.PostMessageAsync(conversationId, token, "hello", clientActivityId: "c-1");
        var (activities, watermark) = await ReceiveActivitiesAsync(socket, 4);

        Assert.Equal(
            [("message", "hello"), ("message", "welcome user-1"), ("typing", null), ("message", "echo: hello")],
            activities.Select(a => (a.GetProperty("type").GetString(), a.TryGetProperty("text", out var t) ? t.GetString() : null)));
        Assert.Equal(id, activities[0].GetProperty("id").GetString());
        Assert.Equal("c-1", activities[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal(id, activities[3].GetProperty("replyToId").GetString());
        Assert.Equal("bot", activities[2].GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("3", watermark); // typing is streamed but not stored: it has no watermark
        await CloseAsync(socket);
    }

    [Fact]
    public async Task Stream_TypingFrame_HasNoWatermark()
    {
        var (conversationId, token, streamUrl) = await _host.StartConversationAsync();
        using var socket = await _host.ConnectStreamAsync(streamUrl);
        await _host.PostMessageAsync(conversationId, token, "hi");

        // Four activities (the user's own, the welcome, typing, the echo) in however many frames: when the stream's
        // catch-up runs after the first activities were stored, it sends them together in one frame.
        JsonElement typingFrame = default;
        var received = 0;
        while (received < 4)
        {
            var text = await ReceiveFrameAsync(socket);
            Assert.NotNull(text);
            if (text.Length == 0)
            {
                continue; // heartbeat
            }

            var frame = JsonDocument.Parse(text).RootElement;
            var activities = frame.GetProperty("activities");
            received += activities.GetArrayLength();
            if (activities.EnumerateArray().Any(a => a.GetProperty("type").GetString() == ActivityTypes.Typing))
            {
                typingFrame = frame.Clone();
            }
        }

        Assert.Equal(JsonValueKind.Object, typingFrame.ValueKind);
        Assert.False(typingFrame.TryGetProperty("watermark", out _));
        await CloseAsync(socket);
    }

    [Fact]
    public async Task Stream_ConnectAfterActivities_ReplaysFromStreamUrlWatermark()
    {
        var (conversationId, token, streamUrl) = await _host.StartConversationAsync();
        await _host.PostMessageAsync(conversationId, token, "early");
        await _host.WhenIdleAsync();

        using var socket = await _host.ConnectStreamAsync(streamUrl); // watermark=0: everything since the start
        var (activities, watermark) = await ReceiveActivitiesAsync(socket, 3);

        Assert.Equal(["early", "welcome user-1", "echo: early"], activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("3", watermark);
        await CloseAsync(socket);
    }

    [Fact]
    public async Task Stream_ReconnectWithWatermark_ReplaysOnlyMissedActivities()
    {
        var (conversationId, token, streamUrl) = await _host.StartConversationAsync();
        string? watermark;
        using (var first = await _host.ConnectStreamAsync(streamUrl))
        {
            await _host.PostMessageAsync(conversationId, token, "one");
            (_, watermark) = await ReceiveActivitiesAsync(first, 4);
            await CloseAsync(first);
        }

        await _host.PostMessageAsync(conversationId, token, "two"); // missed while disconnected
        await _host.WhenIdleAsync();
        var reconnect = await _host.SendJsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark={watermark}", token);
        using var second = await _host.ConnectStreamAsync(reconnect.GetProperty("streamUrl").GetString()!);
        var frame = JsonDocument.Parse((await ReceiveFrameAsync(second))!).RootElement;

        Assert.Equal("3", watermark);
        Assert.Equal(["two", "echo: two"], frame.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("5", frame.GetProperty("watermark").GetString());
        await CloseAsync(second);
    }

    [Fact]
    public async Task Stream_ReconnectWithoutWatermark_StartsAfterCurrentEnd()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();
        await _host.PostMessageAsync(conversationId, token, "old");
        await _host.WhenIdleAsync();

        var reconnect = await _host.SendJsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}", token);
        using var socket = await _host.ConnectStreamAsync(reconnect.GetProperty("streamUrl").GetString()!);
        await _host.PostMessageAsync(conversationId, token, "new");
        var (activities, _) = await ReceiveActivitiesAsync(socket, 1);

        Assert.Equal("new", activities[0].GetProperty("text").GetString());
        await CloseAsync(socket);
    }

    [Fact]
    public async Task Stream_Idle_SendsEmptyHeartbeatFrames()
    {
        var (_, _, streamUrl) = await _host.StartConversationAsync();
        using var socket = await _host.ConnectStreamAsync(streamUrl);
        await WaitForSubscribersAsync(new Uri(streamUrl), 1);

        var receive = ReceiveFrameAsync(socket);
        for (var i = 0; i < 50 && !receive.IsCompleted; i++)
        {
            _host.Time.Advance(TimeSpan.FromSeconds(20));
            await Task.Delay(20);
        }

        Assert.Equal(string.Empty, await receive);
        await CloseAsync(socket);
    }

    [Fact]
    public async Task Stream_ClientCloses_ServerCompletesCloseAndUnsubscribes()
    {
        var (_, _, streamUrl) = await _host.StartConversationAsync();
        using var socket = await _host.ConnectStreamAsync(streamUrl);
        await WaitForSubscribersAsync(new Uri(streamUrl), 1);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(ReceiveTimeout);

        Assert.Equal(WebSocketState.Closed, socket.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        await WaitForSubscribersAsync(new Uri(streamUrl), 0);
    }

    [Fact]
    public async Task Stream_SecondSocketOverLimit_ClosesOldestWithCollision()
    {
        var (conversationId, token, streamUrl) = await _host.StartConversationAsync();
        using var first = await _host.ConnectStreamAsync(streamUrl);
        await WaitForSubscribersAsync(new Uri(streamUrl), 1);

        var reconnect = await _host.SendJsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}", token);
        using var second = await _host.ConnectStreamAsync(reconnect.GetProperty("streamUrl").GetString()!);

        Assert.Null(await ReceiveFrameAsync(first));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, first.CloseStatus);
        Assert.Equal(DirectLineStreamer.CollisionReason, first.CloseStatusDescription);
        await first.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await _host.PostMessageAsync(conversationId, token, "still here");
        var (activities, _) = await ReceiveActivitiesAsync(second, 1);
        Assert.Equal("still here", activities[0].GetProperty("text").GetString());
        await CloseAsync(second);
    }

    [Fact]
    public async Task Stream_ServerShutdown_ClosesWithEndpointUnavailable()
    {
        var (_, _, streamUrl) = await _host.StartConversationAsync();
        using var socket = await _host.ConnectStreamAsync(streamUrl);
        await WaitForSubscribersAsync(new Uri(streamUrl), 1);

        _host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.Null(await ReceiveFrameAsync(socket));
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.Equal(DirectLineStreamer.ShutdownReason, socket.CloseStatusDescription);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Stream_SequenceGap_CatchesUpFromTheStore()
    {
        var (conversationId, _, streamUrl) = await _host.StartConversationAsync();
        using var socket = await _host.ConnectStreamAsync(streamUrl);
        await WaitForSubscribersAsync(new Uri(streamUrl), 1);
        var store = _host.Services.GetRequiredService<Helpdesk.Bot.Channels.DirectLine.Storage.IDirectLineConversationStore>();
        var hub = _host.Services.GetRequiredService<DirectLineStreamHub>();

        // As if the socket's queue overflowed: 1 and 2 are stored but only 3 is announced.
        await store.AppendAsync(conversationId, new Activity { Type = ActivityTypes.Message, Text = "a" }, default);
        await store.AppendAsync(conversationId, new Activity { Type = ActivityTypes.Message, Text = "b" }, default);
        var third = await store.AppendAsync(conversationId, new Activity { Type = ActivityTypes.Message, Text = "c" }, default);
        hub.Publish(conversationId, DirectLineStreamItem.Stored(third.Sequence, third.Json));
        var (activities, watermark) = await ReceiveActivitiesAsync(socket, 3);

        Assert.Equal(["a", "b", "c"], activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("3", watermark);
        await CloseAsync(socket);
    }

    [Fact]
    public async Task Stream_SlowSubscriber_DoesNotBlockPublishing()
    {
        var hub = new DirectLineStreamHub(Microsoft.Extensions.Options.Options.Create(new DirectLineOptions { StreamBufferSize = 8 }));
        using var subscription = hub.Subscribe("conv");

        for (var i = 1; i <= 100; i++)
        {
            hub.Publish("conv", DirectLineStreamItem.Stored(i, "{}"));
        }

        // Never read: publishing still completed, and the queue kept the newest items (older ones are re-read from the store).
        var kept = new List<long>();
        while (subscription.Reader.TryRead(out var item))
        {
            kept.Add(item.Sequence);
        }

        Assert.Equal(Enumerable.Range(93, 8).Select(i => (long)i), kept);
    }

    private async Task WaitForSubscribersAsync(Uri streamUrl, int expected)
    {
        var conversationId = streamUrl.AbsolutePath.Split('/')[^2];
        var hub = _host.Services.GetRequiredService<DirectLineStreamHub>();
        for (var i = 0; i < 200 && hub.Count(conversationId) != expected; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(expected, hub.Count(conversationId));
    }

    private static async Task CloseAsync(WebSocket socket) =>
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(ReceiveTimeout);
}

using System.Text.Json;
using Helpdesk.Bot.Channels.DirectLine.Auth;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Helpdesk.Bot.Tests.Infrastructure.DirectLineStreamReader;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineRestartTests : IDisposable
{
    private readonly string _dataDirectory = DirectLineTestHost.NewDataDirectory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => DirectLineTestHost.DeleteDataDirectory(_dataDirectory);

    [Fact]
    public async Task Restart_PollingWithLastWatermark_GetsExactlyTheMissedActivities()
    {
        string conversationId, token, watermark;
        await using (var before = new DirectLineTestHost(_dataDirectory, _time))
        {
            (conversationId, token, _) = await before.StartConversationAsync();
            await before.PostMessageAsync(conversationId, token, "seen");
            await before.WhenIdleAsync();
            var (_, seen) = await before.GetAllActivitiesAsync(conversationId, token);
            watermark = seen!;
            await before.PostMessageAsync(conversationId, token, "missed");
            await before.WhenIdleAsync();
        }

        await using var after = new DirectLineTestHost(_dataDirectory, _time);
        var (activities, newWatermark) = await after.GetAllActivitiesAsync(conversationId, token, watermark);

        Assert.Equal("3", watermark);
        Assert.Equal(["missed", "echo: missed"], activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal([$"{conversationId}|0000004", $"{conversationId}|0000005"], activities.Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("5", newWatermark);
    }

    [Fact]
    public async Task Restart_StreamReconnectWithLastWatermark_ReplaysExactlyTheMissedActivities()
    {
        string conversationId, token, watermark;
        await using (var before = new DirectLineTestHost(_dataDirectory, _time))
        {
            string streamUrl;
            (conversationId, token, streamUrl) = await before.StartConversationAsync();
            using var socket = await before.ConnectStreamAsync(streamUrl);
            await before.PostMessageAsync(conversationId, token, "count 1");
            var (_, seen) = await ReceiveActivitiesAsync(socket, 4);
            watermark = seen!;
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            await before.PostMessageAsync(conversationId, token, "count 2");
            await before.WhenIdleAsync();
        }

        await using var after = new DirectLineTestHost(_dataDirectory, _time);
        var reconnect = await after.SendJsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark={watermark}", token);
        using var resumed = await after.ConnectStreamAsync(reconnect.GetProperty("streamUrl").GetString()!);
        var frame = JsonDocument.Parse((await ReceiveFrameAsync(resumed))!).RootElement;

        Assert.Equal("3", watermark);
        Assert.Equal(["count 2", "1", "2"], frame.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("6", frame.GetProperty("watermark").GetString());
        await resumed.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Restart_GeneratedKeysArePersisted_TokensStayValid()
    {
        string token;
        await using (var before = new DirectLineTestHost(_dataDirectory, _time))
        {
            (_, token, _) = await before.StartConversationAsync();
        }

        Assert.True(File.Exists(Path.Combine(_dataDirectory, DirectLineKeyFile.FileName)));
        await using var after = new DirectLineTestHost(_dataDirectory, _time);
        var refreshed = await after.SendJsonAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        Assert.False(string.IsNullOrEmpty(refreshed.GetProperty("token").GetString()));
    }
}

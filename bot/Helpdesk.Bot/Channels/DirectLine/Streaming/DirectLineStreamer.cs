using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.DirectLine.Streaming;

/// <summary>
/// Serves one Direct Line WebSocket: replays what the client missed after its watermark, then pushes new
/// activities as <c>{"activities":[…],"watermark":"n"}</c> frames, with empty keep-alive frames in between.
/// Subscribes before replaying and skips what it already sent, so nothing is lost or doubled in between. The
/// client's own frames (empty pings) are read and ignored. Closes with 1000 when the client closes, 1001 on server
/// shutdown, 1008 "collision" when a newer socket of the conversation replaced it; a send that stalls past
/// <see cref="DirectLineOptions.StreamSendTimeout"/> aborts the socket (the client reconnects with its watermark).
/// </summary>
internal sealed class DirectLineStreamer(
    DirectLineStreamHub hub,
    DirectLineTranscript transcript,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStreamer> logger)
{
    public const string CollisionReason = "collision";
    public const string ShutdownReason = "server shutting down";

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    public async Task RunAsync(WebSocket socket, string conversationId, long afterSequence, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var subscription = hub.Subscribe(conversationId);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping, subscription.Evicted);
        var receive = ReceiveUntilClosedAsync(socket, session, requestAborted);
        var heartbeat = HeartbeatAsync(subscription, session.Token);
        var stalled = false;
        try
        {
            await PumpAsync(socket, subscription, conversationId, afterSequence, session.Token);
        }
        catch (OperationCanceledException) when (session.IsCancellationRequested)
        {
            // Client left, server stopping, or replaced by a newer socket: closed below.
        }
        catch (TimeoutException)
        {
            stalled = true;
        }
        catch (WebSocketException)
        {
            // The connection broke; nothing left to close.
        }
        finally
        {
            await session.CancelAsync();
        }

        await CloseAsync(socket, subscription, stalled, receive);
        await heartbeat;
    }

    private async Task PumpAsync(WebSocket socket, DirectLineStreamSubscription subscription, string conversationId, long afterSequence, CancellationToken cancellationToken)
    {
        var last = await CatchUpAsync(socket, conversationId, afterSequence, cancellationToken);
        await foreach (var item in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            if (item.IsHeartbeat)
            {
                await SendAsync(socket, [], cancellationToken);
            }
            else if (!item.IsStored)
            {
                await SendAsync(socket, DirectLineFrames.ActivitySet([item.Json!], null), cancellationToken);
            }
            else if (item.Sequence == last + 1)
            {
                await SendAsync(socket, DirectLineFrames.ActivitySet([item.Json!], item.Sequence), cancellationToken);
                last = item.Sequence;
            }
            else if (item.Sequence > last)
            {
                // A gap: items were dropped for this slow socket, or arrived out of order. The store has them all.
                last = await CatchUpAsync(socket, conversationId, last, cancellationToken);
            }
        }
    }

    /// <summary>Sends every stored activity after <paramref name="last"/> in pages; returns the new last sequence.</summary>
    private async Task<long> CatchUpAsync(WebSocket socket, string conversationId, long last, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.MaxActivitiesPerPage;
        while (true)
        {
            var page = await transcript.ReadAsync(conversationId, last, pageSize, cancellationToken);
            if (page.Count == 0)
            {
                return last;
            }

            await SendAsync(socket, DirectLineFrames.ActivitySet(page.Select(a => a.Json), page[^1].Sequence), cancellationToken);
            last = page[^1].Sequence;
            if (page.Count < pageSize)
            {
                return last;
            }
        }
    }

    /// <summary>One text frame. Only the send timeout cancels a send in flight (cancelling aborts the socket).</summary>
    private async Task SendAsync(WebSocket socket, byte[] frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var timeout = new CancellationTokenSource(options.Value.StreamSendTimeout, time);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException("The WebSocket send stalled.");
        }
    }

    private async Task HeartbeatAsync(DirectLineStreamSubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                subscription.Post(DirectLineStreamItem.Heartbeat);
            }
        }
        catch (OperationCanceledException)
        {
            // Session over.
        }
    }

    /// <summary>Reads (and ignores) client frames until the client closes or the connection drops; then ends the session.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource session, CancellationToken requestAborted)
    {
        await Task.Yield();
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, requestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection dropped.
        }
        finally
        {
            try
            {
                await session.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The session already ended.
            }
        }
    }

    private async Task CloseAsync(WebSocket socket, DirectLineStreamSubscription subscription, bool stalled, Task receive)
    {
        try
        {
            if (stalled)
            {
                logger.LogInformation("Direct Line: aborted a stalled WebSocket (conversation {ConversationId})", subscription.ConversationId);
                socket.Abort();
            }
            else if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            else if (socket.State == WebSocketState.Open)
            {
                var (status, reason) = subscription.Evicted.IsCancellationRequested
                    ? (WebSocketCloseStatus.PolicyViolation, CollisionReason)
                    : (WebSocketCloseStatus.EndpointUnavailable, ShutdownReason);
                await socket.CloseOutputAsync(status, reason, CancellationToken.None);
                try
                {
                    await receive.WaitAsync(CloseHandshakeTimeout, time);
                }
                catch (TimeoutException)
                {
                    socket.Abort();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The peer went away while closing.
        }

        await receive;
    }
}

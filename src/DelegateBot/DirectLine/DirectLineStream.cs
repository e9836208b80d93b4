using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace DelegateBot.DirectLine;

/// <summary>
/// The WebSocket at a conversation's streamUrl. Browsers cannot set headers on a WebSocket, so the token travels
/// in the query string (?t=), as with the hosted service. The server sends ActivitySet frames
/// ({"activities":[...],"watermark":"N"}): first everything after the streamUrl's watermark, then each new
/// activity. Client frames are only keep-alive pings ("") and are ignored. The socket closes when the token
/// expires (the client then reconnects with its refreshed token), when the conversation is forgotten, or at shutdown.
/// </summary>
public static class DirectLineStream
{
    internal static async Task AcceptAsync(HttpContext http, string conversationId, string? watermark, string? t,
        DirectLineAuth auth, DirectLineConversationStore store, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        var (caller, conversation, error) = DirectLineApi.Open(http, conversationId, auth, store, bearer: t ?? DirectLineAuth.BearerOf(http.Request));
        if (error != null)
        {
            await error.ExecuteAsync(http);
            return;
        }
        if (!DirectLineApi.TryParseWatermark(watermark, out var mark))
        {
            await DirectLineApi.BadWatermark(watermark).ExecuteAsync(http);
            return;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await DirectLineErrors.BadRequest("The stream is a WebSocket: connect to the streamUrl with a WebSocket client.").ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        // Cancelling a pending WebSocket send or receive aborts the socket, so only the waits between sends are
        // cancelled; the receive loop runs until the client's close frame (or the connection dies).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping, conversation!.Ended);
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        // Listen before the first read, so nothing appended in between is missed.
        using var listener = conversation.Listen(() => changed.Writer.TryWrite(true));

        var lifetimeLeft = caller!.Token is { } claims ? claims.ExpiresAt - time.GetUtcNow() : Timeout.InfiniteTimeSpan;
        var expiry = lifetimeLeft == Timeout.InfiniteTimeSpan
            ? Task.Delay(Timeout.Infinite, stop.Token)
            : Task.Delay(lifetimeLeft > TimeSpan.Zero ? lifetimeLeft : TimeSpan.Zero, time, stop.Token);
        var receive = ReceiveUntilClosedAsync(socket, http.RequestAborted);
        var send = SendActivitiesAsync(socket, conversation, mark, changed.Reader, stop.Token);

        var first = await Task.WhenAny(expiry, receive, send);
        var (status, reason) =
            first == expiry && expiry.IsCompletedSuccessfully ? (WebSocketCloseStatus.PolicyViolation, "Token expired")
            : conversation.Ended.IsCancellationRequested ? (WebSocketCloseStatus.NormalClosure, "Conversation ended")
            : lifetime.ApplicationStopping.IsCancellationRequested ? (WebSocketCloseStatus.EndpointUnavailable, "Server shutting down")
            : (WebSocketCloseStatus.NormalClosure, "Closed");
        stop.Cancel();
        try
        {
            await send.ContinueWith(_ => { }, TaskScheduler.Default);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(status, reason, closing.Token);
                // Let the client answer our close frame, so the handshake completes on both sides.
                await receive.WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException)
        {
            // The client went away first; nothing left to tell it.
        }
    }

    private static async Task SendActivitiesAsync(WebSocket socket, DirectLineConversation conversation, long? watermark, ChannelReader<bool> changed, CancellationToken cancellationToken)
    {
        var sent = watermark;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (activities, next) = conversation.ReadAfter(sent, DirectLineApi.PageSize);
            if (activities.Count > 0)
            {
                var frame = Encoding.UTF8.GetBytes(DirectLineApi.ActivitySetJson(activities, next));
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                sent = next;
                continue;
            }
            await changed.ReadAsync(cancellationToken);
        }
    }

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            var frame = await socket.ReceiveAsync(buffer, cancellationToken);
            if (frame.MessageType == WebSocketMessageType.Close) return;
        }
    }
}

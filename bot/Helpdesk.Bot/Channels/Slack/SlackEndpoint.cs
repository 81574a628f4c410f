using System.Buffers;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Channels.Slack.Wire;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// <c>POST /api/slack/events</c> (Events API) and <c>POST /api/slack/interactive</c> (interactivity). Every request
/// is checked first: body within the size limit, then the Slack signature (401 without details otherwise). Events:
/// <c>url_verification</c> is answered with its challenge; a message or mention is deduplicated by event id
/// (Slack's retries), queued as a turn and acknowledged at once (200) — Slack's 3-second limit never waits for the
/// bot. Clicks: <c>block_actions</c> on the bot's buttons likewise. Bad bodies are 400 problem details.
/// </summary>
internal sealed class SlackEndpoint(
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    SlackEventDeduplicator deduplicator,
    SlackThreadTracker threads,
    SlackBotIdentity identity,
    SlackTurnQueue queue,
    SlackAdapter adapter,
    SlackApiClient api,
    SlackUserDirectory users,
    ILogger<SlackEndpoint> logger)
{
    private readonly SlackOptions _options = options.Value;

    public async Task<IResult> HandleEventsAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (body, refusal) = await ReadSignedBodyAsync(httpContext);
        if (refusal is not null)
        {
            return refusal;
        }

        SlackEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<SlackEventEnvelope>(body.Span, SlackJson.Options);
        }
        catch (JsonException)
        {
            return BadRequest("The body is not a Slack Events API payload (JSON object expected).");
        }

        switch (envelope?.Type)
        {
            case SlackProtocol.UrlVerification when !string.IsNullOrEmpty(envelope.Challenge):
                return Results.Json(new { challenge = envelope.Challenge });
            case SlackProtocol.EventCallback:
                return HandleEventCallback(httpContext, envelope);
            case null:
                return BadRequest("The payload has no 'type'.");
            default:
                return Results.Ok(); // app_rate_limited and other notices: acknowledged
        }
    }

    public async Task<IResult> HandleInteractiveAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (body, refusal) = await ReadSignedBodyAsync(httpContext);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body.Span));
        if (!form.TryGetValue("payload", out var payloadValues) || string.IsNullOrWhiteSpace(payloadValues.ToString()))
        {
            return BadRequest("The body has no 'payload' form field (application/x-www-form-urlencoded expected).");
        }

        SlackInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<SlackInteraction>(payloadValues.ToString(), SlackJson.Options);
        }
        catch (JsonException)
        {
            return BadRequest("The 'payload' field is not a Slack interaction (JSON object expected).");
        }

        if (interaction is null)
        {
            return BadRequest("The 'payload' field is empty.");
        }

        var activity = SlackActivityMapper.FromInteraction(interaction, identity.UserId, _options.ApiBaseUrl);
        if (activity is null)
        {
            return Results.Ok(); // link buttons, select changes, other surfaces: nothing to run
        }

        var key = "action:" + (interaction.TriggerId ?? activity.Id);
        if (!deduplicator.TryRegister(key))
        {
            return Results.Ok();
        }

        var conversationId = activity.Conversation!.Id!;
        if (!queue.TryEnqueue(conversationId, ct => RunInteractionAsync(interaction, activity, ct)))
        {
            deduplicator.Forget(key);
            return Busy(httpContext);
        }

        return Results.Ok();
    }

    private IResult HandleEventCallback(HttpContext httpContext, SlackEventEnvelope envelope)
    {
        identity.Learn(envelope.Authorizations?.FirstOrDefault(a => a.IsBot == true)?.UserId ?? envelope.Authorizations?.FirstOrDefault()?.UserId);
        if (envelope.Event.ValueKind != JsonValueKind.Object)
        {
            return BadRequest("The event_callback has no 'event' object.");
        }

        var key = "event:" + (envelope.EventId ?? envelope.Event.GetRawText().GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!deduplicator.TryRegister(key))
        {
            logger.LogInformation("Slack: dropped a repeated event (retry {RetryNum}, reason {RetryReason})",
                httpContext.Request.Headers[SlackProtocol.RetryNumHeader].ToString(), httpContext.Request.Headers[SlackProtocol.RetryReasonHeader].ToString());
            return Results.Ok();
        }

        SlackEvent? slackEvent;
        try
        {
            slackEvent = envelope.Event.Deserialize<SlackEvent>(SlackJson.Options);
        }
        catch (JsonException)
        {
            return BadRequest("The event is not a Slack event object.");
        }

        var activity = slackEvent is null ? null : SlackActivityMapper.FromEvent(envelope, slackEvent, identity.UserId, threads.IsActive, _options.ApiBaseUrl);
        if (activity is null)
        {
            return Results.Ok(); // the bot's own messages, edits, joins, channel chatter: acknowledged, not answered
        }

        var conversationId = activity.Conversation!.Id!;
        if (SlackConversationId.TryParse(conversationId, out var conversation) && slackEvent!.Type == SlackProtocol.AppMentionEvent)
        {
            threads.Remember(conversation);
        }

        if (!queue.TryEnqueue(conversationId, async ct =>
        {
            activity.From!.Name ??= await users.GetNameAsync(activity.From.Id!, ct);
            await adapter.ProcessActivityAsync(activity, ct);
        }))
        {
            deduplicator.Forget(key);
            return Busy(httpContext);
        }

        return Results.Ok();
    }

    private async Task RunInteractionAsync(SlackInteraction interaction, Activity activity, CancellationToken cancellationToken)
    {
        if (_options.UpdateClickedMessages
            && interaction.Container is { Type: "message", IsEphemeral: not true, MessageTs: { } ts }
            && interaction.Message is { } message
            && SlackClickedMessage.Answered(message.Blocks, interaction.User!.Id!, activity.Text) is { } blocks)
        {
            try
            {
                var channel = interaction.Channel?.Id ?? interaction.Container.ChannelId!;
                await api.UpdateMessageAsync(channel, ts, message.Text ?? activity.Text ?? "Answered", blocks, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                // Cosmetic: the answer still counts.
                logger.LogWarning("Slack: could not replace the clicked buttons: {Error}", (ex as SlackApiException)?.Error ?? ex.GetType().Name);
            }
        }

        await adapter.ProcessActivityAsync(activity, cancellationToken);
    }

    private async Task<(ReadOnlyMemory<byte> Body, IResult? Refusal)> ReadSignedBodyAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        const long limit = ErrorHandlingExtensions.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return (default, TooLarge());
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 8 * 1024, limit) + 1);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.GetMemory(8 * 1024), httpContext.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return (default, TooLarge());
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge());
        }

        var verdict = SlackSignatureVerifier.Verify(
            _options.SigningSecret!,
            request.Headers[SlackProtocol.TimestampHeader],
            request.Headers[SlackProtocol.SignatureHeader],
            buffer.WrittenSpan,
            timeProvider.GetUtcNow(),
            _options.SignatureTolerance);
        if (verdict != SlackSignatureResult.Valid)
        {
            logger.LogWarning("Rejected Slack request (401): {Reason}", verdict);
            return (default, Results.Problem(
                title: "Unauthorized",
                detail: "The request is not signed with this app's Slack signing secret, or its timestamp is outside the replay window.",
                statusCode: StatusCodes.Status401Unauthorized));
        }

        return (buffer.WrittenMemory, null);
    }

    private static IResult TooLarge() => Results.Problem(
        title: "Request body too large",
        detail: $"The body exceeds the {ErrorHandlingExtensions.MaxRequestBodyBytes / 1024} KB limit.",
        statusCode: StatusCodes.Status400BadRequest);

    private IResult BadRequest(string detail)
    {
        logger.LogInformation("Rejected Slack request (400): {Detail}", detail);
        return Results.Problem(title: "Invalid Slack payload", detail: detail, statusCode: StatusCodes.Status400BadRequest);
    }

    private IResult Busy(HttpContext httpContext)
    {
        logger.LogWarning("Slack: the turn queue is full; asking Slack to retry");
        httpContext.Response.Headers.RetryAfter = "5";
        return Results.Problem(title: "Busy", detail: "Too many turns are waiting; Slack will retry this event.", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

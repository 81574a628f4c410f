using System.Text.Json;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// Turns a <c>POST /api/messages</c> body into an activity and checks the fields a turn needs: <c>type</c>,
/// <c>channelId</c>, <c>conversation.id</c>, and a <c>serviceUrl</c> to reply to (https, or http to localhost) —
/// not needed when the caller asked for <c>expectReplies</c>. Pure: no HTTP, unit-tested on bytes.
/// </summary>
internal static class BotFrameworkActivityReader
{
    public static BotFrameworkActivityReadResult Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty || body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return BotFrameworkActivityReadResult.Invalid("The request body is empty; a Bot Framework activity (JSON object) is expected.");
        }

        Activity activity;
        try
        {
            activity = ActivitySerializer.Deserialize(body);
        }
        catch (JsonException ex)
        {
            return BotFrameworkActivityReadResult.Invalid(Describe(ex));
        }

        return Validate(activity);
    }

    public static BotFrameworkActivityReadResult Validate(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return Missing("type");
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return Missing("channelId");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return Missing("conversation.id");
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return string.Equals(activity.DeliveryMode, BotFrameworkProtocol.ExpectRepliesDeliveryMode, StringComparison.OrdinalIgnoreCase)
                ? BotFrameworkActivityReadResult.Success(activity)
                : BotFrameworkActivityReadResult.Invalid("The activity has no 'serviceUrl'; the bot needs it to reply.");
        }

        if (!ServiceUrlPolicy.IsAllowed(activity.ServiceUrl, out _))
        {
            return BotFrameworkActivityReadResult.Invalid("The activity's 'serviceUrl' must be an absolute https URL (plain http only to localhost).");
        }

        return BotFrameworkActivityReadResult.Success(activity);
    }

    private static BotFrameworkActivityReadResult Missing(string field) =>
        BotFrameworkActivityReadResult.Invalid($"The activity has no '{field}'; it is required.");

    private static string Describe(JsonException exception)
    {
        // The reader's own errors (bad syntax) come wrapped; type mismatches carry the offending path.
        if (exception.InnerException is JsonException)
        {
            return $"The body is not valid JSON (line {exception.LineNumber + 1 ?? 1}, byte {exception.BytePositionInLine + 1 ?? 1}).";
        }

        return exception.Path is null or "$"
            ? "The body must be a JSON object (a Bot Framework activity)."
            : $"The body is not a valid activity: '{exception.Path}' has the wrong type.";
    }
}

namespace Helpdesk.Bot.Channels.DirectLine.Storage;

/// <summary>An activity in a conversation's transcript: its sequence number (= watermark), id and wire JSON.</summary>
internal sealed record DirectLineStoredActivity(long Sequence, string Id, string Json);

using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.DirectLine.Storage;

/// <summary>
/// Direct Line conversations and their transcripts. Each appended activity gets the next sequence number of its
/// conversation (1, 2, …), which is its watermark and part of its id; sequence order is commit order.
/// </summary>
internal interface IDirectLineConversationStore
{
    /// <summary>Creates the conversation unless it exists; true when created by this call.</summary>
    Task<bool> CreateAsync(string conversationId, ChannelAccount? user, CancellationToken cancellationToken);

    /// <summary>The conversation, or null when unknown.</summary>
    Task<DirectLineConversationRecord?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Records the conversation's user if none is recorded yet; true when recorded by this call.</summary>
    Task<bool> SetUserIfMissingAsync(string conversationId, ChannelAccount user, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="activity"/>: sets its <see cref="Activity.Id"/> to <c>{conversationId}|{sequence}</c>
    /// and stores its JSON. Throws <see cref="KeyNotFoundException"/> when the conversation does not exist.
    /// </summary>
    Task<DirectLineStoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> activities after sequence <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<DirectLineStoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored JSON of the activity at <paramref name="sequence"/> (its id and place stay): used to keep
    /// the redacted copy of a message that turned out to be a secret. False when there is no such activity.
    /// </summary>
    Task<bool> ReplaceAsync(string conversationId, long sequence, string json, CancellationToken cancellationToken);

    /// <summary>Deletes conversations (and transcripts) with no activity since <paramref name="idleSince"/>; returns how many.</summary>
    Task<int> DeleteIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken);
}

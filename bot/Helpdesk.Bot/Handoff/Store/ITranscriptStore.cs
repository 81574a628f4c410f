namespace Helpdesk.Bot.Handoff.Store;

/// <summary>Every conversation's recorded activities (already redacted), in order.</summary>
internal interface ITranscriptStore
{
    Task AppendAsync(string conversationKey, DateTimeOffset at, bool inbound, string activityJson, CancellationToken cancellationToken);

    /// <summary>Deletes entries recorded before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="limit"/> entries of the conversation, oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, int limit, CancellationToken cancellationToken);
}

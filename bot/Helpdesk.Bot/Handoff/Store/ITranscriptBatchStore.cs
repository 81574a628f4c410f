namespace Helpdesk.Bot.Handoff.Store;

/// <summary>A transcript store that can record many entries at once (one transaction, in the given order).</summary>
internal interface ITranscriptBatchStore : ITranscriptStore
{
    Task AppendManyAsync(IReadOnlyList<TranscriptRecord> records, CancellationToken cancellationToken);
}

using System.Text.Json;

namespace Helpdesk.Bot.Handoff.Console;

/// <summary>Everything the console shows for one case: the item, the context package, the transcript and the live messages.</summary>
internal sealed record CaseDetail(QueueItem Case, JsonElement Context, IReadOnlyList<TranscriptLine> Transcript, IReadOnlyList<CaseMessageItem> Messages);

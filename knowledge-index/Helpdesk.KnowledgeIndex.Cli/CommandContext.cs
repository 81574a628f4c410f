namespace Helpdesk.KnowledgeIndex.Cli;

/// <summary>What a command writes to and runs with.</summary>
internal sealed record CommandContext(TextWriter Out, TextWriter Error, TimeProvider Time, CancellationToken Cancellation);

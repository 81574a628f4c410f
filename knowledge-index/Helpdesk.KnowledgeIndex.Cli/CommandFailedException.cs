namespace Helpdesk.KnowledgeIndex.Cli;

/// <summary>A command cannot go on (missing file, no index); the message is shown as is and the exit code is 1.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);

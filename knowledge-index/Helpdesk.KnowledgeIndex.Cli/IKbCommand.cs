namespace Helpdesk.KnowledgeIndex.Cli;

/// <summary>One <c>kb</c> sub-command.</summary>
internal interface IKbCommand
{
    /// <summary>The word after <c>kb</c>.</summary>
    string Name { get; }

    /// <summary>Usage lines shown in help and after a usage error.</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the exit code.</summary>
    /// <exception cref="UsageException">The arguments are wrong.</exception>
    /// <exception cref="CommandFailedException">The command cannot go on.</exception>
    int Run(IReadOnlyList<string> args, CommandContext context);
}

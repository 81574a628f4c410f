namespace Helpdesk.KnowledgeIndex.Cli;

/// <summary>Process exit codes of <c>kb</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command ran but found errors (invalid articles, unreadable input, missing index).</summary>
    public const int Failed = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;
}

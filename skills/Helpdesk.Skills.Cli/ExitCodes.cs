namespace Helpdesk.Skills.Cli;

/// <summary>Process exit codes of <c>flows</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Errors found (invalid flows, stale diagrams, missing folder).</summary>
    public const int Failed = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;
}

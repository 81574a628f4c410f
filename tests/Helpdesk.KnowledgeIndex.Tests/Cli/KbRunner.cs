using Helpdesk.KnowledgeIndex.Cli;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.KnowledgeIndex.Tests.Cli;

/// <summary>Runs the kb command line in-process and captures its output.</summary>
internal static class KbRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = KbCommandLine.Run(args, stdout, stderr, new FakeTimeProvider());
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary><c>kb validate</c>: check articles without indexing; exit 1 when any has an error.</summary>
internal sealed class ValidateCommand : IKbCommand
{
    public string Name => "validate";

    public string Usage => "  kb validate <articles-dir>...\n      check front matter and bodies; exit 0 ok, 1 errors found";

    public int Run(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, [], []);
        if (parsed.Positionals.Count == 0)
        {
            throw new UsageException("give at least one articles directory");
        }

        foreach (var directory in parsed.Positionals)
        {
            if (!Directory.Exists(directory))
            {
                throw new CommandFailedException($"articles directory not found: {directory}");
            }
        }

        var set = ArticleLoader.Load(parsed.Positionals);
        ProblemReporter.Write(context.Out, set.Problems);
        var errors = set.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        var files = set.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.File).Distinct().Count();
        context.Out.WriteLine($"{set.Articles.Count} articles valid, {files} invalid ({errors} errors, {set.Problems.Count - errors} warnings)");
        return set.HasErrors ? ExitCodes.Failed : ExitCodes.Ok;
    }
}

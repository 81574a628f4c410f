using System.Globalization;
using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary><c>kb index</c>: build (atomically replace) the index from article directories; optionally keep watching.</summary>
internal sealed class IndexCommand : IKbCommand
{
    private const string IndexOption = "--index";
    private const string WatchFlag = "--watch";
    private const string StrictFlag = "--strict";
    private const string DebounceOption = "--debounce-ms";

    public string Name => "index";

    public string Usage =>
        "  kb index <articles-dir>... --index <dir> [--strict] [--watch [--debounce-ms N]]\n" +
        "      build the index; bad articles are reported (file:line) and skipped. --strict: exit 1 if any was skipped.\n" +
        "      --watch: rebuild whenever an article changes, until Ctrl+C.";

    public int Run(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, [IndexOption, DebounceOption], [WatchFlag, StrictFlag]);
        var indexPath = parsed.Required(IndexOption, "dir");
        if (parsed.Positionals.Count == 0)
        {
            throw new UsageException("give at least one articles directory");
        }

        var directories = parsed.Positionals;
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new CommandFailedException($"articles directory not found: {directory}");
            }
        }

        var debounce = parsed.Int(DebounceOption, 500, 50, 60_000);
        using var knowledgeBase = KnowledgeBase.Open(indexPath, context.Time, createIfMissing: true);
        var result = knowledgeBase.Reindex(directories);
        Report(context, result, indexPath);
        var exit = parsed.Has(StrictFlag) && result.Skipped > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        if (!parsed.Has(WatchFlag))
        {
            return exit;
        }

        context.Out.WriteLine($"watching {string.Join(", ", directories)} for changes (Ctrl+C to stop)");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var watcher = new ArticleWatcher(knowledgeBase, directories, TimeSpan.FromMilliseconds(debounce), context.Time);
            watcher.Rebuilt += (_, rebuilt) => Report(context, rebuilt, indexPath);
            watcher.Failed += (_, ex) => context.Error.WriteLine($"kb index: rebuild failed, the previous index stays in use: {ex.Message}");
            stop.Token.WaitHandle.WaitOne();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        return exit;
    }

    private static void Report(CommandContext context, ReindexResult result, string indexPath)
    {
        ProblemReporter.Write(context.Error, result.Problems);
        var errors = result.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = result.Problems.Count - errors;
        context.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"indexed {result.Build.Articles} articles into {indexPath} in {result.Build.Elapsed.TotalSeconds:0.00} s ({result.Skipped} skipped, {errors} errors, {warnings} warnings)"));
    }
}

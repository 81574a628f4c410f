using Helpdesk.Skills.Troubleshooting.Diagrams;
using Helpdesk.Skills.Troubleshooting.Loading;
using Helpdesk.Skills.Troubleshooting.Validation;

namespace Helpdesk.Skills.Cli;

/// <summary>
/// <c>flows validate &lt;dir&gt;</c> checks flow files (schema, references, reachability, dead ends, cycles with no exit,
/// KB articles, duplicates), printing <c>file:line:col: error: …</c>; <c>flows mermaid &lt;dir&gt; --out &lt;dir&gt;</c> writes
/// the diagram pages (<c>--check</c>: only report pages that are out of date).
/// </summary>
internal static class FlowsCommandLine
{
    public const string ValidateUsage =
        "  flows validate <flows-dir> [--articles <kb-articles-dir>]\n" +
        "      check every *.yaml flow; KB references are checked against --articles (default: the repository's knowledge-index/articles)";

    public const string MermaidUsage =
        "  flows mermaid <flows-dir> --out <docs-dir> [--check]\n" +
        "      write one Markdown page with a Mermaid diagram per flow, plus README.md; --check only reports stale pages";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            (args.Length == 0 ? stderr : stdout).Write(Help());
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        try
        {
            return args[0] switch
            {
                "validate" => Validate(CommandArguments.Parse(args[1..], ["--articles"], []), stdout),
                "mermaid" => Mermaid(CommandArguments.Parse(args[1..], ["--out"], ["--check"]), stdout),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"flows: {ex.Message}");
            stderr.Write(Help());
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"flows: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static int Validate(CommandArguments arguments, TextWriter stdout)
    {
        var directory = Single(arguments, "give the flows directory");
        var loaded = FlowLoader.LoadDirectory(directory);
        var articles = ArticleIds.Load(arguments.Value("--articles"), directory);
        var problems = loaded.Problems.Concat(FlowValidator.Validate(loaded.Flows, articles?.Ids)).ToList();
        foreach (var problem in problems.OrderBy(p => p.Location.File, StringComparer.Ordinal).ThenBy(p => p.Location.Line).ThenBy(p => p.Location.Column))
        {
            stdout.WriteLine(problem);
        }

        var errors = problems.Count(p => p.IsError);
        var badFiles = problems.Where(p => p.IsError).Select(p => p.Location.File).Distinct(StringComparer.Ordinal).Count();
        var files = Directory.EnumerateFiles(directory, FlowLoader.FilePattern).Count();
        stdout.WriteLine(articles is { } a
            ? $"KB references checked against {a.Ids.Count} articles in {a.Directory}"
            : "KB references not checked: no --articles given and no knowledge-index/articles found above the flows directory");
        stdout.WriteLine($"{files - badFiles} of {files} flow files valid ({errors} errors, {problems.Count - errors} warnings)");
        return errors > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static int Mermaid(CommandArguments arguments, TextWriter stdout)
    {
        var directory = Single(arguments, "give the flows directory");
        var output = arguments.Value("--out") ?? throw new UsageException("missing --out <docs-dir>");
        var loaded = FlowLoader.LoadDirectory(directory);
        var problems = loaded.Problems.Concat(FlowValidator.Validate(loaded.Flows)).Where(p => p.IsError).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                stdout.WriteLine(problem);
            }

            stdout.WriteLine("fix the errors above first (flows validate)");
            return ExitCodes.Failed;
        }

        var pages = FlowPages.Build(loaded.Flows, directory, output);
        var check = arguments.Has("--check");
        var stale = 0;
        if (!check)
        {
            Directory.CreateDirectory(output);
        }

        foreach (var (file, content) in pages)
        {
            var path = Path.Combine(output, file);
            var current = File.Exists(path) ? File.ReadAllText(path) : null;
            if (string.Equals(current, content, StringComparison.Ordinal))
            {
                continue;
            }

            stale++;
            if (check)
            {
                stdout.WriteLine($"{path}: out of date");
            }
            else
            {
                File.WriteAllText(path, content);
                stdout.WriteLine($"wrote {path}");
            }
        }

        stdout.WriteLine(check
            ? $"{pages.Count - stale} of {pages.Count} pages up to date"
            : $"{pages.Count} pages, {stale} written, {pages.Count - stale} unchanged");
        return check && stale > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static string Single(CommandArguments arguments, string message) =>
        arguments.Positionals.Count == 1 ? arguments.Positionals[0] : throw new UsageException(message);

    private static string Help() =>
        "flows - troubleshooting flow tools\n\ncommands:\n" + ValidateUsage + "\n" + MermaidUsage +
        "\n\nexit codes: 0 ok, 1 errors found (invalid flows, stale pages), 2 bad command line\n";
}

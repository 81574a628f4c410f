using Helpdesk.KnowledgeIndex.Evaluation;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary>Finds the evaluation sets from <c>--repo</c> (or the current directory) with optional overrides.</summary>
internal static class EvalSetsResolver
{
    public const string RepoOption = "--repo";
    public const string CorpusOption = "--corpus";
    public const string OwnOption = "--own";
    public const string EvalDirOption = "--eval-dir";
    public const string QueriesOption = "--queries";
    public const string QrelsOption = "--qrels";
    public const string ArticlesOption = "--articles";

    /// <summary>The name of the set given with <see cref="QueriesOption"/>, <see cref="QrelsOption"/> and <see cref="ArticlesOption"/>.</summary>
    public const string CustomSetName = "custom";

    /// <summary>The options that choose the repository's sets (what <c>kb bench</c> takes).</summary>
    public static readonly string[] RepositoryOptions = [RepoOption, CorpusOption, OwnOption, EvalDirOption];

    /// <summary>Those plus the options of one other labeled set (what <c>kb eval</c> and <c>kb tune</c> take).</summary>
    public static readonly string[] Options = [.. RepositoryOptions, QueriesOption, QrelsOption, ArticlesOption];

    /// <summary>How the options choose the sets, for the commands' usage text.</summary>
    public const string Usage =
        "      --queries <file.tsv> --qrels <file> --articles <dir>[,<dir>...]: score one other labeled set instead, e.g. the bot's\n" +
        "      feedback export (GET /api/admin/knowledge/judgments?format=queries|qrels); qrels paths are relative to those dirs";

    public static IReadOnlyList<EvalSet> Resolve(ParsedArguments parsed, bool allowCustom = true)
    {
        if (allowCustom && CustomSet(parsed) is { } custom)
        {
            return [custom];
        }

        var start = parsed.Value(RepoOption) ?? Directory.GetCurrentDirectory();
        var paths = RepositoryPaths.Find(start)
            ?? throw new CommandFailedException($"no {RepositoryPaths.SolutionFile} at or above '{start}'; run inside the repository or pass --repo <dir>");
        var sets = EvalSet.ForRepository(paths).ToList();
        var evalDir = parsed.Value(EvalDirOption);
        for (var i = 0; i < sets.Count; i++)
        {
            var set = sets[i];
            var articles = set.Name == "corpus" ? parsed.Value(CorpusOption) : parsed.Value(OwnOption);
            set = articles is null ? set : set with { ArticlesDirectory = articles };
            if (evalDir is not null)
            {
                set = set with
                {
                    QueriesFile = Path.Combine(evalDir, Path.GetFileName(set.QueriesFile)),
                    QrelsFile = Path.Combine(evalDir, Path.GetFileName(set.QrelsFile)),
                };
            }

            if (!Directory.Exists(set.ArticlesDirectory))
            {
                throw new CommandFailedException($"articles for the '{set.Name}' set not found: {set.ArticlesDirectory}");
            }

            sets[i] = set;
        }

        return sets;
    }

    private static EvalSet? CustomSet(ParsedArguments parsed)
    {
        var queries = parsed.Value(QueriesOption);
        var qrels = parsed.Value(QrelsOption);
        var articles = parsed.Value(ArticlesOption);
        if (queries is null && qrels is null && articles is null)
        {
            return null;
        }

        if (queries is null || qrels is null || articles is null)
        {
            throw new UsageException($"{QueriesOption}, {QrelsOption} and {ArticlesOption} go together (missing {string.Join(", ", new[] { (QueriesOption, queries), (QrelsOption, qrels), (ArticlesOption, articles) }.Where(o => o.Item2 is null).Select(o => o.Item1))})");
        }

        if (parsed.Value(CorpusOption) is not null || parsed.Value(OwnOption) is not null || parsed.Value(EvalDirOption) is not null)
        {
            throw new UsageException($"{QueriesOption} replaces the repository's sets; drop {CorpusOption}, {OwnOption} and {EvalDirOption}");
        }

        var directories = articles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new CommandFailedException($"articles directory not found: {directory}");
            }
        }

        if (directories.Length == 0)
        {
            throw new UsageException($"{ArticlesOption} needs at least one directory");
        }

        return new EvalSet(CustomSetName, directories[0], queries, qrels) { MoreArticleDirectories = directories[1..] };
    }
}

using Helpdesk.KnowledgeIndex.Evaluation;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary>Finds the evaluation sets from <c>--repo</c> (or the current directory) with optional overrides.</summary>
internal static class EvalSetsResolver
{
    public const string RepoOption = "--repo";
    public const string CorpusOption = "--corpus";
    public const string OwnOption = "--own";
    public const string EvalDirOption = "--eval-dir";

    public static readonly string[] Options = [RepoOption, CorpusOption, OwnOption, EvalDirOption];

    public static IReadOnlyList<EvalSet> Resolve(ParsedArguments parsed)
    {
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
}

namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>A labeled query set and the articles it is judged against.</summary>
/// <param name="Name">Short name ("corpus", "own").</param>
/// <param name="ArticlesDirectory">Directory whose relative paths the judgments use.</param>
/// <param name="QueriesFile">qid&lt;TAB&gt;query file.</param>
/// <param name="QrelsFile">TREC qrels file.</param>
public sealed record EvalSet(string Name, string ArticlesDirectory, string QueriesFile, string QrelsFile)
{
    /// <summary>More article directories searched with <see cref="ArticlesDirectory"/> (each article's path is relative to its own).</summary>
    public IReadOnlyList<string> MoreArticleDirectories { get; init; } = [];

    /// <summary>The two sets of this repository: the shared corpus and the project's own articles.</summary>
    public static IReadOnlyList<EvalSet> ForRepository(RepositoryPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return
        [
            new EvalSet("corpus", paths.Corpus, Path.Combine(paths.EvalDirectory, "corpus-queries.tsv"), Path.Combine(paths.EvalDirectory, "corpus-qrels.txt")),
            new EvalSet("own", paths.OwnArticles, Path.Combine(paths.EvalDirectory, "own-queries.tsv"), Path.Combine(paths.EvalDirectory, "own-qrels.txt")),
        ];
    }
}

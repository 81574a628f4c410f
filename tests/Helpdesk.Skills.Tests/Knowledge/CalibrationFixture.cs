using Helpdesk.KnowledgeIndex;
using Helpdesk.KnowledgeIndex.Evaluation;
using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.Tests.Knowledge;

/// <summary>
/// Two real indexes for calibrating the answer confidence: the project's own articles (the default deployment) and
/// own + the shared 1,309-article corpus (a deployment with an extra articles directory), each scored once for
/// every labeled query (own, corpus) and every off-topic message.
/// </summary>
public sealed class CalibrationFixture : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "helpdesk-kb-calibration-" + Guid.NewGuid().ToString("N"));
    private readonly AnswerConfidence _confidence = new();

    public CalibrationFixture()
    {
        Paths = RepositoryPaths.Find(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run the tests from inside the repository (Helpdesk.Bot.sln not found above " + AppContext.BaseDirectory + ").");
        var eval = Paths.EvalDirectory;
        var own = Set("own", Path.Combine(eval, "own-queries.tsv"), Path.Combine(eval, "own-qrels.txt"));
        var corpus = Set("corpus", Path.Combine(eval, "corpus-queries.tsv"), Path.Combine(eval, "corpus-qrels.txt"));
        var offTopic = Set("off-topic", Path.Combine(eval, "offtopic-queries.tsv"), null);

        Own = Score("own", [Paths.OwnArticles], [own, offTopic]);
        Both = Score("own+corpus", [Paths.OwnArticles, Paths.Corpus], [own, corpus, offTopic]);
    }

    public RepositoryPaths Paths { get; }

    /// <summary>Own articles only: own queries and off-topic messages.</summary>
    public IReadOnlyList<CalibrationCase> Own { get; }

    /// <summary>Own articles plus the corpus: own and corpus queries and off-topic messages.</summary>
    public IReadOnlyList<CalibrationCase> Both { get; }

    public void Dispose()
    {
        _confidence.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner removes it.
        }
    }

    private static (string Name, IReadOnlyList<EvalQuery> Queries, Qrels? Qrels) Set(string name, string queries, string? qrels) =>
        (name, QueryFile.Load(queries), qrels is null ? null : Qrels.Load(qrels));

    private List<CalibrationCase> Score(string name, string[] directories, (string Name, IReadOnlyList<EvalQuery> Queries, Qrels? Qrels)[] sets)
    {
        using var kb = KnowledgeBase.Open(Path.Combine(_root, name.Replace('+', '-')), TimeProvider.System, createIfMissing: true);
        var build = kb.Reindex(directories);
        if (build.Build.Articles == 0)
        {
            throw new InvalidOperationException($"No articles indexed from {string.Join(", ", directories)}.");
        }

        var cases = new List<CalibrationCase>();
        foreach (var (setName, queries, qrels) in sets)
        {
            foreach (var query in queries)
            {
                var hits = kb.Search(query.Text, 1);
                if (hits.Count == 0)
                {
                    cases.Add(new CalibrationCase(name, setName, query.Id, query.Text, null, 0, qrels is not null, false));
                    continue;
                }

                var top = hits[0];
                var article = kb.GetArticle(top.Id) ?? throw new InvalidOperationException($"Hit {top.Id} has no article.");
                var relevant = qrels is not null && qrels.For(query.Id).GetValueOrDefault(top.Path) >= 1;
                cases.Add(new CalibrationCase(name, setName, query.Id, query.Text, top.Id, _confidence.Of(query.Text, top, article), qrels is not null, relevant));
            }
        }

        return cases;
    }
}

using System.Globalization;
using System.Text.Json;
using Helpdesk.KnowledgeIndex.Evaluation;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary><c>kb eval</c>: nDCG@10, Recall@5 and MRR@10 of the naive baseline and the tuned index, per split, in one run.</summary>
internal sealed class EvalCommand : IKbCommand
{
    private const string JsonFlag = "--json";
    private const string PerQueryFlag = "--per-query";
    private const string RunsOption = "--runs";
    private const string SemanticFlag = "--semantic";
    private const string SemanticCacheOption = "--semantic-cache";
    private const string SemanticWeightOption = "--semantic-weight";
    private const string SemanticNoSpellingFlag = "--semantic-no-spelling";
    private const string SemanticFloatModelFlag = "--semantic-float-model";
    private const int RunDepth = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "eval";

    public string Usage =>
        "  kb eval [--repo <dir>] [--corpus <dir>] [--own <dir>] [--eval-dir <dir>] [--queries <f> --qrels <f> --articles <dirs>] [--per-query] [--json] [--runs <dir>] [--set Name=value,...]\n" +
        "      score baseline vs tuned on knowledge-index/eval (corpus from ../shared/kb-corpus, own articles);\n" +
        "      --runs writes each system's top 20 per query as TREC run files (<set>.<system>.run; with --semantic also <set>.semantic.run) for pooling and trec_eval\n" +
        "      --semantic adds the tuned index with the semantic rerank (arctic-embed-xs on the CPU; the first run embeds\n" +
        "      every article, minutes for the corpus; vectors are kept in --semantic-cache <dir>, default " + SemanticCache.DefaultDirectoryText + ";\n" +
        "      --semantic-weight W tries another fusion weight; --semantic-no-spelling embeds questions as typed;\n" +
        "      --semantic-float-model runs the float model instead of its int8 copy)\n" +
        EvalSetsResolver.Usage;

    public int Run(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, [.. EvalSetsResolver.Options, TuningParameters.SetOption, RunsOption, SemanticCacheOption, SemanticWeightOption], [JsonFlag, PerQueryFlag, SemanticFlag, SemanticNoSpellingFlag, SemanticFloatModelFlag]);
        var tuning = TuningParameters.Apply(Search.SearchTuning.Default, parsed.Value(TuningParameters.SetOption));
        if (parsed.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{parsed.Positionals[0]}'");
        }

        var runsDirectory = parsed.Value(RunsOption);
        var summaries = new List<MetricSummary>();
        var cacheDirectory = parsed.Value(SemanticCacheOption) ?? SemanticCache.DefaultDirectory;
        using var encoder = parsed.Has(SemanticFlag) ? new Semantic.ArcticXsEncoder(int8: !parsed.Has(SemanticFloatModelFlag), modelDirectory: cacheDirectory) : null;
        var semanticSettings = Semantic.SemanticRerankSettings.Default with
        {
            Weight = parsed.Value(SemanticWeightOption) is { } weight
                ? float.TryParse(weight, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w is >= 0 and <= 1000 ? w : throw new UsageException($"{SemanticWeightOption} must be a number from 0 to 1000")
                : Semantic.SemanticRerankSettings.Default.Weight,
            CorrectSpelling = !parsed.Has(SemanticNoSpellingFlag),
        };
        var perQuery = new List<(string Set, QueryScore Baseline, QueryScore Tuned, QueryScore? Semantic, string Text)>();
        foreach (var set in EvalSetsResolver.Resolve(parsed))
        {
            using var run = EvalRun.Create(set, context.Time);
            var baseline = run.ScoreBaseline();
            var tuned = run.ScoreTuned(tuning);
            summaries.AddRange(Evaluator.Summarize(EvalRun.BaselineName, set.Name, baseline));
            summaries.AddRange(Evaluator.Summarize(EvalRun.BaselineTextName, set.Name, run.ScoreBaselineText()));
            summaries.AddRange(Evaluator.Summarize(EvalRun.TunedName, set.Name, tuned));
            Semantic.SemanticReranker? reranker = null;
            IReadOnlyList<QueryScore>? semantic = null;
            if (encoder is not null)
            {
                reranker = new Semantic.SemanticReranker(encoder, semanticSettings, cachePath: Path.Combine(cacheDirectory, set.Name + ".vectors"));
                var prepared = reranker.Prepare(run.TunedIndex.ListArticles());
                context.Error.WriteLine(SemanticCache.Describe(set.Name, prepared) + "; model: " + (encoder.LoadedFrom ?? "not loaded"));
                run.TunedIndex.Semantic = reranker;
                semantic = run.ScoreTuned(tuning);
                summaries.AddRange(Evaluator.Summarize(EvalRun.SemanticName, set.Name, semantic));
                run.TunedIndex.Semantic = null;
            }

            var texts = run.Queries.ToDictionary(q => q.Id, q => q.Text);
            if (runsDirectory is not null)
            {
                WriteRuns(runsDirectory, run, tuning, reranker);
            }

            perQuery.AddRange(baseline.Select((b, i) => (set.Name, b, tuned[i], semantic?[i], texts[b.QueryId])));
        }

        if (parsed.Has(JsonFlag))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(summaries, Json));
            return ExitCodes.Ok;
        }

        if (parsed.Has(PerQueryFlag))
        {
            context.Out.WriteLine(encoder is null ? "set\tqid\tsplit\tbaseline-ndcg10\ttuned-ndcg10\tquery" : "set\tqid\tsplit\tbaseline-ndcg10\ttuned-ndcg10\tsemantic-ndcg10\tquery");
            foreach (var (set, b, t, m, text) in perQuery)
            {
                var semanticColumn = m is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{m.Ndcg10:0.000}\t");
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set}\t{b.QueryId}\t{b.Split}\t{b.Ndcg10:0.000}\t{t.Ndcg10:0.000}\t{semanticColumn}{text}"));
            }

            context.Out.WriteLine();
        }

        Write(context.Out, summaries);
        return ExitCodes.Ok;
    }

    /// <summary>Writes <c>qid Q0 path rank score system</c> lines (score = depth − rank, the systems' own scores are not comparable).</summary>
    private static void WriteRuns(string directory, EvalRun run, Search.SearchTuning tuning, Semantic.SemanticReranker? semantic)
    {
        Directory.CreateDirectory(directory);
        var systems = new List<(string Name, Func<string, IReadOnlyList<string>> Rank)>
        {
            (EvalRun.BaselineName, text => run.RankBaseline(text, RunDepth)),
            (EvalRun.TunedName, text => run.RankTuned(text, RunDepth, tuning)),
        };
        if (semantic is not null)
        {
            systems.Add((EvalRun.SemanticName, text =>
            {
                run.TunedIndex.Semantic = semantic;
                try
                {
                    return run.RankTuned(text, RunDepth, tuning);
                }
                finally
                {
                    run.TunedIndex.Semantic = null;
                }
            }));
        }

        foreach (var (name, rank) in systems)
        {
            using var writer = new StreamWriter(Path.Combine(directory, $"{run.Set.Name}.{name}.run"));
            foreach (var query in run.Queries)
            {
                var ranked = rank(query.Text);
                for (var i = 0; i < ranked.Count; i++)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.Id} Q0 {ranked[i]} {i + 1} {RunDepth - i} {name}"));
                }
            }
        }
    }

    internal static void Write(TextWriter writer, IReadOnlyList<MetricSummary> summaries)
    {
        writer.WriteLine("set     system    split     queries  nDCG@10  Recall@5  MRR@10");
        foreach (var s in summaries)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.QuerySet,-7} {s.System,-9} {s.Split,-9} {s.Queries,7}  {s.Ndcg10,7:0.000}  {s.Recall5,8:0.000}  {s.Mrr10,6:0.000}"));
        }

        foreach (var group in summaries.Where(s => s.Split != QuerySplit.Tune).GroupBy(s => (s.QuerySet, s.Split)))
        {
            var baseline = group.FirstOrDefault(s => s.System == EvalRun.BaselineName);
            var baselineText = group.FirstOrDefault(s => s.System == EvalRun.BaselineTextName);
            var tuned = group.FirstOrDefault(s => s.System == EvalRun.TunedName);
            if (baseline is { Ndcg10: > 0 } && baselineText is { Ndcg10: > 0 } && tuned is not null)
            {
                writer.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{group.Key.QuerySet} {group.Key.Split}: tuned nDCG@10 = {tuned.Ndcg10 / baseline.Ndcg10:0.00} x baseline, {tuned.Ndcg10 / baselineText.Ndcg10:0.00} x base-text"));
            }

            if (baseline is { Ndcg10: > 0 } && group.FirstOrDefault(s => s.System == EvalRun.SemanticName) is { } semantic)
            {
                writer.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{group.Key.QuerySet} {group.Key.Split}: semantic nDCG@10 = {semantic.Ndcg10 / baseline.Ndcg10:0.000} x baseline"));
            }
        }
    }
}

using System.Globalization;
using Helpdesk.KnowledgeIndex.Evaluation;
using Helpdesk.KnowledgeIndex.Search;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary>
/// <c>kb tune</c>: coordinate ascent over the ranking parameters, maximising mean nDCG@10 on the tuning half of
/// each labeled set only; the held-out half is reported afterwards, never used to choose.
/// </summary>
internal sealed class TuneCommand : IKbCommand
{
    private const string RoundsOption = "--rounds";

    private static readonly (string Name, Func<SearchTuning, float, SearchTuning> Set, Func<SearchTuning, float> Get, float[] Values)[] Parameters =
    [
        ("TitleBoost", (t, v) => t with { TitleBoost = v }, t => t.TitleBoost, [1f, 1.5f, 2f, 3f, 4f, 5f]),
        ("AliasesBoost", (t, v) => t with { AliasesBoost = v }, t => t.AliasesBoost, [0.5f, 1f, 2f, 2.5f, 3f, 4f]),
        ("TagsBoost", (t, v) => t with { TagsBoost = v }, t => t.TagsBoost, [0f, 0.3f, 0.6f, 0.8f, 1f, 1.5f]),
        ("SummaryBoost", (t, v) => t with { SummaryBoost = v }, t => t.SummaryBoost, [0.5f, 1f, 1.5f, 2f, 3f]),
        ("HeadingsBoost", (t, v) => t with { HeadingsBoost = v }, t => t.HeadingsBoost, [0f, 0.5f, 1f, 1.5f, 2f]),
        ("TieBreaker", (t, v) => t with { TieBreaker = v }, t => t.TieBreaker, [0f, 0.1f, 0.2f, 0.3f, 0.5f, 0.7f, 1f]),
        ("SynonymWeight", (t, v) => t with { SynonymWeight = v }, t => t.SynonymWeight, [0.3f, 0.5f, 0.7f, 0.9f, 1f]),
        ("PhraseBoost", (t, v) => t with { PhraseBoost = v }, t => t.PhraseBoost, [0f, 0.5f, 1f, 2f, 3f]),
        ("PhraseSlop", (t, v) => t with { PhraseSlop = (int)v }, t => t.PhraseSlop, [0f, 1f, 2f, 4f, 8f]),
        ("BodyK1", (t, v) => t with { BodyK1 = v }, t => t.BodyK1, [0.6f, 0.9f, 1.2f, 1.5f, 2f]),
        ("BodyB", (t, v) => t with { BodyB = v }, t => t.BodyB, [0.3f, 0.5f, 0.65f, 0.75f, 0.85f, 1f]),
        ("ShortFieldK1", (t, v) => t with { ShortFieldK1 = v }, t => t.ShortFieldK1, [0.6f, 0.9f, 1.2f, 1.5f, 2f]),
        ("ShortFieldB", (t, v) => t with { ShortFieldB = v }, t => t.ShortFieldB, [0.2f, 0.4f, 0.6f, 0.75f, 0.9f, 1f]),
        ("CoordExponent", (t, v) => t with { CoordExponent = v }, t => t.CoordExponent, [0f, 0.5f, 1f, 1.5f, 2f, 3f]),
        ("FuzzyWeight", (t, v) => t with { FuzzyWeight = v }, t => t.FuzzyWeight, [0.3f, 0.5f, 0.8f, 1f]),
    ];

    public string Name => "tune";

    public string Usage =>
        "  kb tune [--repo <dir>] [--corpus <dir>] [--own <dir>] [--eval-dir <dir>] [--rounds N]\n" +
        "      search ranking parameters on the tuning half of the labeled sets; reports both halves";

    public int Run(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, [.. EvalSetsResolver.Options, RoundsOption], []);
        var rounds = parsed.Int(RoundsOption, 2, 1, 10);
        var runs = EvalSetsResolver.Resolve(parsed).Select(set => EvalRun.Create(set, context.Time)).ToArray();
        try
        {
            var best = SearchTuning.Default;
            var bestScore = Objective(runs, best);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start: tuning-half nDCG@10 = {bestScore:0.0000}"));
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var (name, set, get, values) in Parameters)
                {
                    foreach (var value in values.Where(v => v != get(best)))
                    {
                        var candidate = set(best, value);
                        var score = Objective(runs, candidate);
                        if (score > bestScore + 1e-4)
                        {
                            (best, bestScore) = (candidate, score);
                            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {name} = {value} -> {score:0.0000}"));
                        }
                    }
                }
            }

            context.Out.WriteLine();
            context.Out.WriteLine("best tuning:");
            foreach (var (name, _, get, _) in Parameters)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} = {get(best)}"));
            }

            context.Out.WriteLine();
            EvalCommand.Write(context.Out, runs.SelectMany(r => r.Summarize(best)).ToArray());
            return ExitCodes.Ok;
        }
        finally
        {
            foreach (var run in runs)
            {
                run.Dispose();
            }
        }
    }

    /// <summary>Mean over the sets of the tuning-half nDCG@10.</summary>
    private static double Objective(IReadOnlyList<EvalRun> runs, SearchTuning tuning) =>
        runs.Average(run => run.ScoreTuned(tuning).Where(s => s.Split == QuerySplit.Tune).DefaultIfEmpty().Average(s => s?.Ndcg10 ?? 0));
}

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


    public string Name => "tune";

    public string Usage =>
        "  kb tune [--repo <dir>] [--corpus <dir>] [--own <dir>] [--eval-dir <dir>] [--queries <f> --qrels <f> --articles <dirs>] [--rounds N] [--set Name=value,...]\n" +
        "      search ranking parameters on the tuning half of the labeled sets; reports both halves\n" +
        EvalSetsResolver.Usage;

    public int Run(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, [.. EvalSetsResolver.Options, RoundsOption, TuningParameters.SetOption], []);
        var rounds = parsed.Int(RoundsOption, 2, 1, 10);
        var runs = EvalSetsResolver.Resolve(parsed).Select(set => EvalRun.Create(set, context.Time)).ToArray();
        try
        {
            var best = TuningParameters.Apply(SearchTuning.Default, parsed.Value(TuningParameters.SetOption));
            var bestScore = Objective(runs, best);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start: tuning-half nDCG@10 = {bestScore:0.0000}"));
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var (name, set, get, values) in TuningParameters.All)
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
            foreach (var (name, _, get, _) in TuningParameters.All)
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

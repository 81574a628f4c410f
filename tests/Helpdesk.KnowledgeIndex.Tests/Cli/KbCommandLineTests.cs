using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.KnowledgeIndex.Tests.Support;

namespace Helpdesk.KnowledgeIndex.Tests.Cli;

public sealed partial class KbCommandLineTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _articles;
    private readonly string _index;

    public KbCommandLineTests()
    {
        _articles = _dir.Sub("articles");
        _index = _dir.Sub("index");
        _dir.Write("articles/printers/printer-jam.md", ArticleFiles.Native("printer-jam", "Printer paper jam", "Clear a paper jam.", "Open the front tray and remove the stuck paper."));
        _dir.Write("articles/vpn-drops.md", ArticleFiles.Native("vpn-drops", "VPN keeps dropping", "Stable VPN.", "Plug in the charger and move closer to the router."));
        _dir.Write("articles/outlook-search.md", ArticleFiles.Native("outlook-search", "Outlook search finds nothing", "Fix search.", "Rebuild the search index in indexing options."));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void IndexThenSearchQueriesFile_WritesTrecStyleRunLines()
    {
        var (indexExit, indexOut, _) = KbRunner.Run("index", _articles, "--index", _index);
        Assert.Equal(0, indexExit);
        Assert.Contains("indexed 3 articles", indexOut, StringComparison.Ordinal);
        var queries = _dir.Write("queries.tsv", "# comment\nq1\tpaper stuck in printer\nq2\tvpn disconnects\n\nq3\tzzzz qqqq\n");

        var (exit, output, error) = KbRunner.Run("search", "--index", _index, "--queries", queries, "--top", "2");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(RunLine(), line));
        Assert.Equal("q1\t1\tprinters/printer-jam.md", string.Join('\t', lines[0].Split('\t')[..3]));
        Assert.Contains(lines, l => l.StartsWith("q2\t1\tvpn-drops.md\t", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("q3\t", StringComparison.Ordinal));
        Assert.True(lines.Count(l => l.StartsWith("q1\t", StringComparison.Ordinal)) <= 2);
    }

    [Fact]
    public void SearchSemantic_QueriesFile_SameArticlesReorderedVectorsKeptBesideTheIndex()
    {
        Assert.Equal(0, KbRunner.Run("index", _articles, "--index", _index).ExitCode);
        var queries = _dir.Write("queries.tsv", "q1\tpaper stuck in printer\nq2\tvpn disconnects\n");
        var cache = _dir.Sub("semantic-cache");

        var lexical = KbRunner.Run("search", "--index", _index, "--queries", queries, "--top", "3");
        var semantic = KbRunner.Run("search", "--index", _index, "--queries", queries, "--top", "3", "--semantic", "--semantic-cache", cache);
        var again = KbRunner.Run("search", "--index", _index, "--queries", queries, "--top", "3", "--semantic", "--semantic-cache", cache);

        Assert.True(semantic.ExitCode == 0, semantic.Error);
        Assert.Contains("semantic index: 3 articles", semantic.Error, StringComparison.Ordinal);
        Assert.Contains(" 0 embedded now", again.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(_index.TrimEnd(Path.DirectorySeparatorChar) + ".semantic-vectors"));
        Assert.Single(Directory.GetFiles(cache, "*.onnx"));
        Assert.StartsWith("q1\t1\tprinters/printer-jam.md\t", semantic.Out, StringComparison.Ordinal);
        Assert.Equal(Sorted(lexical.Out), Sorted(semantic.Out)); // same candidates and lexical scores, order by meaning
        Assert.Equal(semantic.Out, again.Out);

        static string[] Sorted(string lines) => [.. lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Select(p => p[0] + " " + p[2] + " " + p[3]).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void SearchJson_WritesResultsArray()
    {
        Assert.Equal(0, KbRunner.Run("index", _articles, "--index", _index).ExitCode);

        var (exit, output, _) = KbRunner.Run("search", "--index", _index, "outlook search", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var first = json.RootElement.EnumerateArray().First();
        Assert.Equal("outlook-search", first.GetProperty("id").GetString());
        Assert.Equal("outlook-search.md", first.GetProperty("path").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("snippet").GetString()));
    }

    [Fact]
    public void SearchText_PrintsTitleAndMarkedSnippet()
    {
        Assert.Equal(0, KbRunner.Run("index", _articles, "--index", _index).ExitCode);

        var (exit, output, _) = KbRunner.Run("search", "--index", _index, "(vpn AND \"dropping");

        Assert.Equal(0, exit);
        Assert.Contains("1. VPN keeps dropping", output, StringComparison.Ordinal);
        Assert.Contains("[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_AfterIndex_ShowsArticleCount()
    {
        Assert.Equal(0, KbRunner.Run("index", _articles, "--index", _index).ExitCode);

        var (exit, output, _) = KbRunner.Run("stats", "--index", _index);

        Assert.Equal(0, exit);
        Assert.Contains("articles:    3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenArticle_PrintsFileAndLineAndExitsOne()
    {
        _dir.Write("articles/broken.md", "---\nid: broken\ntitle: [x\n---\nBody\n");

        var (exit, output, _) = KbRunner.Run("validate", _articles);

        Assert.Equal(1, exit);
        Assert.Matches(@"broken\.md:\d+(:\d+)?: error: ", output);
        Assert.Contains("3 articles valid, 1 invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodArticles_ExitsZero()
    {
        Assert.Equal(0, KbRunner.Run("validate", _articles).ExitCode);
    }

    [Fact]
    public void Index_BrokenArticle_IsSkippedAndReported_StrictExitsOne()
    {
        _dir.Write("articles/broken.md", "---\nid: broken\n");

        var (exit, output, error) = KbRunner.Run("index", _articles, "--index", _index);
        var strict = KbRunner.Run("index", _articles, "--index", _index, "--strict");

        Assert.Equal(0, exit);
        Assert.Contains("indexed 3 articles", output, StringComparison.Ordinal);
        Assert.Contains("broken.md:1: error:", error, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void EvalCustomSet_FeedbackStyleFiles_ScoresBothSystemsOnThatSetOnly()
    {
        var more = _dir.Sub("more");
        _dir.Write("more/wifi-guest.md", ArticleFiles.Native("wifi-guest", "Guest Wi-Fi", "Connect a visitor.", "Open the guest portal and accept the terms."));
        var queries = _dir.Write("fb-queries.tsv", "# qid\tquery\nfb000000000001\tpaper stuck in the printer\nfb000000000002\tvisitor wifi\n");
        var qrels = _dir.Write("fb-qrels.txt", "fb000000000001 0 printers/printer-jam.md 2\nfb000000000001 0 vpn-drops.md 0\nfb000000000002 0 wifi-guest.md 2\n");

        var (exit, output, error) = KbRunner.Run("eval", "--queries", queries, "--qrels", qrels, "--articles", $"{_articles},{more}", "--json");

        Assert.True(exit == 0, error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal("custom", r.GetProperty("querySet").GetString()));
        var tuned = rows.Single(r => r.GetProperty("system").GetString() == "tuned" && r.GetProperty("split").GetString() == "all");
        Assert.Equal(2, tuned.GetProperty("queries").GetInt32());
        Assert.Equal(1.0, tuned.GetProperty("ndcg10").GetDouble(), 3);
    }

    [Fact]
    public void EvalSemantic_CustomSet_AddsTheSemanticSystemAndReusesTheCachedVectors()
    {
        var queries = _dir.Write("fb-queries.tsv", "fb000000000001\tpaper stuck in the printer\nfb000000000002\tvpn keeps disconnecting\n");
        var qrels = _dir.Write("fb-qrels.txt", "fb000000000001 0 printers/printer-jam.md 2\nfb000000000002 0 vpn-drops.md 2\n");
        var cache = _dir.Sub("semantic-cache");
        var runs = _dir.Sub("runs");
        string[] args = ["eval", "--queries", queries, "--qrels", qrels, "--articles", _articles, "--semantic", "--semantic-cache", cache, "--runs", runs, "--json"];

        var first = KbRunner.Run(args);
        var second = KbRunner.Run(args);
        var badWeight = KbRunner.Run([.. args, "--semantic-weight", "heavy"]);

        Assert.True(first.ExitCode == 0, first.Error);
        var semantic = JsonDocument.Parse(first.Out).RootElement.EnumerateArray()
            .Single(r => r.GetProperty("system").GetString() == "semantic" && r.GetProperty("split").GetString() == "all");
        Assert.Equal(2, semantic.GetProperty("queries").GetInt32());
        Assert.Equal(1.0, semantic.GetProperty("ndcg10").GetDouble(), 3);
        Assert.Contains("semantic custom: 3 articles", first.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 embedded now", first.Error, StringComparison.Ordinal);
        Assert.Contains(" 0 embedded now", second.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cache, "custom.vectors")));
        Assert.Contains("model: int8, quantized now (written to the model file)", first.Error, StringComparison.Ordinal);
        Assert.Contains("model: int8 model file", second.Error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(cache, "*.onnx"));
        Assert.Contains(File.ReadAllLines(Path.Combine(runs, "custom.semantic.run")), l => l.StartsWith("fb000000000001 Q0 printers/printer-jam.md 1 ", StringComparison.Ordinal));
        Assert.Equal(2, badWeight.ExitCode);
        Assert.Contains("--semantic-weight must be a number", badWeight.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalSemantic_FloatModelAfterInt8_EmbedsAgainUnderItsOwnModelId()
    {
        var queries = _dir.Write("fb-queries.tsv", "fb000000000001\tpaper stuck in the printer\n");
        var qrels = _dir.Write("fb-qrels.txt", "fb000000000001 0 printers/printer-jam.md 2\n");
        var cache = _dir.Sub("semantic-cache");
        string[] args = ["eval", "--queries", queries, "--qrels", qrels, "--articles", _articles, "--semantic", "--semantic-cache", cache, "--json"];

        var int8 = KbRunner.Run(args);
        var full = KbRunner.Run([.. args, "--semantic-float-model"]);

        Assert.True(int8.ExitCode == 0, int8.Error);
        Assert.True(full.ExitCode == 0, full.Error);
        Assert.DoesNotContain(" 0 embedded now", full.Error, StringComparison.Ordinal); // the int8 vectors are not reused
        var semantic = JsonDocument.Parse(full.Out).RootElement.EnumerateArray()
            .Single(r => r.GetProperty("system").GetString() == "semantic" && r.GetProperty("split").GetString() == "all");
        Assert.Equal(1.0, semantic.GetProperty("ndcg10").GetDouble(), 3);
    }

    [Fact]
    public void TuneCustomSet_FeedbackStyleFiles_SearchesParametersOnThatSet()
    {
        var queries = _dir.Write("fb-queries.tsv", "fb000000000001\tpaper stuck in the printer\nfb000000000002\tvpn disconnects\nfb000000000003\trebuild search index\n");
        var qrels = _dir.Write("fb-qrels.txt", "fb000000000001 0 printers/printer-jam.md 2\nfb000000000002 0 vpn-drops.md 2\nfb000000000003 0 outlook-search.md 2\n");

        var (exit, output, error) = KbRunner.Run("tune", "--rounds", "1", "--queries", queries, "--qrels", qrels, "--articles", _articles);

        Assert.True(exit == 0, error);
        Assert.Contains("start: tuning-half nDCG@10 = ", output, StringComparison.Ordinal);
        Assert.Contains("best tuning:", output, StringComparison.Ordinal);
        Assert.Contains("custom ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalCustomSet_JudgedArticleNotInTheFolders_ExitsOneNamingIt()
    {
        var queries = _dir.Write("fb-queries.tsv", "fb000000000001\tpaper stuck\n");
        var qrels = _dir.Write("fb-qrels.txt", "fb000000000001 0 gone/old-article.md 2\n");

        var (exit, _, error) = KbRunner.Run("eval", "--queries", queries, "--qrels", qrels, "--articles", _articles);

        Assert.Equal(1, exit);
        Assert.Contains("gone/old-article.md", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "missing command")]
    [InlineData(new[] { "frobnicate" }, "unknown command")]
    [InlineData(new[] { "search", "vpn" }, "missing --index")]
    [InlineData(new[] { "search", "--index" }, "--index needs a value")]
    [InlineData(new[] { "search", "--index", "x", "vpn", "--semantic-cache", "y" }, "--semantic-cache applies only with --semantic")]
    [InlineData(new[] { "search", "--index", "x", "--top", "0", "vpn" }, "--top must be")]
    [InlineData(new[] { "search", "--index", "x", "--bogus", "vpn" }, "unknown option --bogus")]
    [InlineData(new[] { "search", "--index", "x" }, "missing the query")]
    [InlineData(new[] { "search", "--index", "x", "a", "b" }, "one argument")]
    [InlineData(new[] { "index", "--index", "x" }, "at least one articles directory")]
    [InlineData(new[] { "validate" }, "at least one articles directory")]
    [InlineData(new[] { "stats" }, "missing --index")]
    [InlineData(new[] { "eval", "--queries", "q.tsv" }, "go together (missing --qrels, --articles)")]
    [InlineData(new[] { "eval", "--queries", "q.tsv", "--qrels", "q.txt", "--articles", "a", "--own", "o" }, "drop --corpus, --own and --eval-dir")]
    public void BadArguments_ExitTwoWithMessage(string[] args, string message)
    {
        var (exit, _, error) = KbRunner.Run(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_MissingIndex_ExitsOneWithHint()
    {
        var (exit, _, error) = KbRunner.Run("search", "--index", _dir.Sub("nothing-here"), "vpn");

        Assert.Equal(1, exit);
        Assert.Contains("kb index", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_MalformedQueriesFile_ExitsOneWithLine()
    {
        Assert.Equal(0, KbRunner.Run("index", _articles, "--index", _index).ExitCode);
        var queries = _dir.Write("bad.tsv", "q1\tfine\nno tab here\n");

        var (exit, _, error) = KbRunner.Run("search", "--index", _index, "--queries", queries);

        Assert.Equal(1, exit);
        Assert.Contains("bad.tsv:2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsCommandsAndExitsZero()
    {
        var (exit, output, _) = KbRunner.Run("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "kb index", "kb search", "kb stats", "kb validate", "kb eval", "kb tune", "kb bench" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Process_BuiltExecutable_IndexesAndSearches()
    {
        var kb = Path.Combine(AppContext.BaseDirectory, "kb.dll");
        Assert.True(File.Exists(kb), $"{kb} not built");

        var (indexExit, _) = RunProcess(kb, "index", _articles, "--index", _index);
        var (searchExit, output) = RunProcess(kb, "search", "--index", _index, "printer paper");

        Assert.Equal(0, indexExit);
        Assert.Equal(0, searchExit);
        Assert.Contains("Printer paper jam", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) RunProcess(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "kb did not finish within a minute");
        return (process.ExitCode, output.Result + error.Result);
    }

    [GeneratedRegex(@"^q\d+\t\d+\t[^\t]+\.md\t\d+(\.\d+)?$")]
    private static partial Regex RunLine();
}

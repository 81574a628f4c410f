using System.Globalization;
using System.Text.Json;
using Helpdesk.KnowledgeIndex.Evaluation;
using Helpdesk.KnowledgeIndex.Search;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary><c>kb search</c>: one query (human or JSON output) or a TSV batch of queries (TREC-style run output).</summary>
internal sealed class SearchCommand : IKbCommand
{
    private const string IndexOption = "--index";
    private const string TopOption = "--top";
    private const string QueriesOption = "--queries";
    private const string JsonFlag = "--json";
    private const string SemanticFlag = "--semantic";
    private const string SemanticCacheOption = "--semantic-cache";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "search";

    public string Usage =>
        "  kb search --index <dir> \"query\" [--top N] [--json] [--semantic [--semantic-cache <dir>]]\n" +
        "  kb search --index <dir> --queries <file.tsv> [--top N] [--semantic [--semantic-cache <dir>]]\n" +
        "      file lines: qid<TAB>query; output lines: qid<TAB>rank<TAB>article-path<TAB>score\n" +
        "      --semantic reranks by meaning as the bot does by default (the first run embeds the index's articles, ~40 s for\n" +
        "      1,309; vectors kept in <dir>.semantic-vectors beside the index, the int8 model in --semantic-cache, default " + SemanticCache.DefaultDirectoryText + ")";

    public int Run(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, [IndexOption, TopOption, QueriesOption, SemanticCacheOption], [JsonFlag, SemanticFlag]);
        var indexPath = parsed.Required(IndexOption, "dir");
        var queriesFile = parsed.Value(QueriesOption);
        var top = parsed.Int(TopOption, queriesFile is null ? 5 : 10, 1, 1000);
        if (queriesFile is not null && parsed.Positionals.Count > 0)
        {
            throw new UsageException("give either a query or --queries <file>, not both");
        }

        if (queriesFile is null && parsed.Positionals.Count != 1)
        {
            throw new UsageException(parsed.Positionals.Count == 0
                ? "missing the query text (quote it: kb search --index <dir> \"vpn keeps dropping\")"
                : "give the query as one argument (put it in quotes)");
        }

        if (queriesFile is not null && parsed.Has(JsonFlag))
        {
            throw new UsageException("--json applies to a single query, not to --queries");
        }

        if (parsed.Value(SemanticCacheOption) is not null && !parsed.Has(SemanticFlag))
        {
            throw new UsageException(SemanticCacheOption + " applies only with " + SemanticFlag);
        }

        using var knowledgeBase = KnowledgeBase.Open(indexPath, context.Time);
        using var encoder = parsed.Has(SemanticFlag) ? new Semantic.ArcticXsEncoder(modelDirectory: parsed.Value(SemanticCacheOption) ?? SemanticCache.DefaultDirectory) : null;
        if (encoder is not null)
        {
            // Scores stay lexical; the order is the bot's (lexical candidates reordered by meaning).
            var reranker = new Semantic.SemanticReranker(encoder, cachePath: Path.GetFullPath(indexPath).TrimEnd(Path.DirectorySeparatorChar) + ".semantic-vectors");
            var prepared = reranker.Prepare(knowledgeBase.ListArticles());
            context.Error.WriteLine(SemanticCache.Describe("index", prepared) + "; model: " + (encoder.LoadedFrom ?? "not loaded"));
            knowledgeBase.Semantic = reranker;
        }

        return queriesFile is null
            ? SearchOne(knowledgeBase, parsed.Positionals[0], top, parsed.Has(JsonFlag), context)
            : SearchBatch(knowledgeBase, queriesFile, top, context);
    }

    private static int SearchOne(KnowledgeBase knowledgeBase, string query, int top, bool json, CommandContext context)
    {
        var results = knowledgeBase.Search(query, top);
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(results, Json));
            return ExitCodes.Ok;
        }

        if (results.Count == 0)
        {
            context.Out.WriteLine("no matching articles");
            return ExitCodes.Ok;
        }

        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {result.Title}  [{result.Score:0.000}]"));
            context.Out.WriteLine($"   {result.Path}");
            context.Out.WriteLine($"   {Mark(result.Snippet, result.Highlights)}");
            if (result.Attribution is { } attribution)
            {
                context.Out.WriteLine($"   {attribution}");
            }
        }

        return ExitCodes.Ok;
    }

    private static int SearchBatch(KnowledgeBase knowledgeBase, string file, int top, CommandContext context)
    {
        var queries = QueryFile.Load(file);
        foreach (var query in queries)
        {
            var ranked = knowledgeBase.Rank(query.Text, top);
            for (var i = 0; i < ranked.Count; i++)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.Id}\t{i + 1}\t{ranked[i].Path}\t{ranked[i].Score:0.######}"));
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Marks highlights with [brackets] for the terminal.</summary>
    private static string Mark(string snippet, IReadOnlyList<TextSpan> highlights)
    {
        var text = new System.Text.StringBuilder(snippet);
        foreach (var span in highlights.OrderByDescending(h => h.Start))
        {
            text.Insert(span.Start + span.Length, ']').Insert(span.Start, '[');
        }

        return text.ToString();
    }
}

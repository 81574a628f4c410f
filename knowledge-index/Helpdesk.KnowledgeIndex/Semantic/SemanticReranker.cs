using System.Collections.Frozen;
using System.Diagnostics;
using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// Reorders the lexical candidates of a search by meaning: each candidate's score becomes
/// <c>score / best score + Weight × similarity</c>, where similarity blends the question's cosine with the article's
/// first passage and with its best passage (<see cref="SemanticRerankSettings"/>). It maps what users say to what
/// articles say when the words differ ("teams white screen" → "Teams doesn't load"), which no lexical stage here
/// could do (knowledge-index/README.md).
/// <para>
/// Articles are embedded by <see cref="Prepare"/> (slow: seconds per hundred articles on a laptop CPU; run it in
/// the background after a reindex; passages already embedded come from the cache). Until every candidate of a query
/// has vectors, that query keeps its lexical order, so search never waits for the model and an article edited a
/// moment ago is not ranked on stale vectors of another text. Scores returned to callers stay lexical (the chat's
/// confidence gate is calibrated on them); only the order changes. Thread-safe.
/// </para>
/// </summary>
public sealed class SemanticReranker
{
    private readonly ITextEncoder _encoder;
    private readonly string? _cachePath;
    private readonly System.Threading.Lock _prepareLock = new();
    private int _failures;
    private SemanticVectorCache? _cache;
    private volatile Prepared _prepared = new(FrozenDictionary<string, ArticleVectors>.Empty, QuerySpelling.Empty);

    /// <summary>Creates a reranker over <paramref name="encoder"/>.</summary>
    /// <param name="encoder">The embedding model.</param>
    /// <param name="settings">Passage and fusion settings (default: <see cref="SemanticRerankSettings.Default"/>).</param>
    /// <param name="cachePath">File that keeps passage vectors between runs; null keeps them in memory only.</param>
    public SemanticReranker(ITextEncoder encoder, SemanticRerankSettings? settings = null, string? cachePath = null)
    {
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        Settings = settings ?? SemanticRerankSettings.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Settings.PassageChars, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(Settings.PassagesPerArticle, 1);
        _cachePath = cachePath;
    }

    /// <summary>The settings in use.</summary>
    public SemanticRerankSettings Settings { get; }

    /// <summary>Queries that kept their lexical order because the model failed to encode them.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>The last such failure, if any.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Articles that have vectors.</summary>
    public int Articles => _prepared.Articles.Count;

    /// <summary>
    /// Embeds <paramref name="articles"/> (passages embedded by an earlier call or found in the cache file, read on the
    /// first call, are not embedded again), then makes them the
    /// set queries are reranked against; articles not in the list are forgotten. Concurrent calls run one after the
    /// other.
    /// </summary>
    public SemanticPreparation Prepare(IReadOnlyCollection<KnowledgeArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        lock (_prepareLock)
        {
            var clock = Stopwatch.StartNew();
            var loaded = _cache is null;
            var cache = _cache ??= SemanticVectorCache.Load(_cachePath, _encoder.ModelId);
            var passages = articles.ToDictionary(a => a.Id, a => SemanticPassages.For(a, Settings), StringComparer.Ordinal);
            var keys = passages.ToDictionary(p => p.Key, p => p.Value.Select(cache.KeyOf).ToArray(), StringComparer.Ordinal);
            var missing = new List<(string Key, string Text)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, texts) in passages)
            {
                for (var i = 0; i < texts.Length; i++)
                {
                    var key = keys[id][i];
                    if (!cache.TryGet(key, out _) && seen.Add(key))
                    {
                        missing.Add((key, texts[i]));
                    }
                }
            }

            if (missing.Count > 0)
            {
                var vectors = _encoder.EncodePassages(missing.Select(m => m.Text).ToArray(), cancellationToken);
                for (var i = 0; i < missing.Count; i++)
                {
                    cache.Add(missing[i].Key, vectors[i]);
                }
            }

            // The question model too, so the first question after a start or reindex does not wait for it.
            _encoder.Warm(cancellationToken);
            var built = new Dictionary<string, ArticleVectors>(StringComparer.Ordinal);
            foreach (var (id, articleKeys) in keys)
            {
                built[id] = new ArticleVectors(articleKeys.Select(k => cache.TryGet(k, out var v) ? v : throw new InvalidOperationException("vector missing after encoding")).ToArray());
            }

            cache.Retain(keys.Values.SelectMany(k => k).ToHashSet(StringComparer.Ordinal));
            cache.Save(_cachePath);
            var spelling = Settings.CorrectSpelling ? QuerySpelling.From(articles, _encoder.WholeWords) : QuerySpelling.Empty;
            _prepared = new Prepared(built.ToFrozenDictionary(StringComparer.Ordinal), spelling);
            return new SemanticPreparation(built.Count, keys.Values.Sum(k => k.Length), missing.Count, clock.Elapsed, loaded ? cache.LoadProblem : null);
        }
    }

    /// <summary>
    /// The fused scores of the candidates (<paramref name="ids"/> with lexical <paramref name="scores"/>), or null
    /// when any candidate has no vectors yet (the caller keeps the lexical order).
    /// </summary>
    internal float[]? Fuse(string query, IReadOnlyList<string> ids, IReadOnlyList<float> scores)
    {
        if (ids.Count == 0 || string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var prepared = _prepared;
        var articles = prepared.Articles;
        var vectors = new ArticleVectors[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            if (!articles.TryGetValue(ids[i], out var found))
            {
                return null;
            }

            vectors[i] = found;
        }

        float[] question;
        try
        {
            question = _encoder.EncodeQuery(Settings.CorrectSpelling ? prepared.Spelling.Correct(query) : query);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or ObjectDisposedException))
        {
            // A model failure must not fail the search: this query keeps its lexical order.
            Interlocked.Increment(ref _failures);
            LastFailure = ex.GetType().Name + ": " + ex.Message;
            return null;
        }

        var best = scores.Max();
        var fused = new float[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            var lexical = best > 0 ? scores[i] / best : 0f;
            fused[i] = lexical + (Settings.Weight * vectors[i].Similarity(question, Settings.FirstPassageShare));
        }

        return fused;
    }

    /// <summary>The vectors and vocabulary of the last preparation, swapped together.</summary>
    private sealed record Prepared(FrozenDictionary<string, ArticleVectors> Articles, QuerySpelling Spelling);
}

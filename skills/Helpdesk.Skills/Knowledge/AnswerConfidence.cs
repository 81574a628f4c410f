using System.Collections.Concurrent;
using Helpdesk.KnowledgeIndex.Analysis;
using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Indexing;
using Helpdesk.KnowledgeIndex.Search;
using Lucene.Net.Analysis.TokenAttributes;

namespace Helpdesk.Skills.Knowledge;

/// <summary>
/// How sure the bot can be that a search hit answers what the user asked, from 0 to 1:
/// <c>coverage × strength</c>.
/// <list type="bullet">
/// <item><b>coverage</b>: the share of the query's words (after the index's own analysis: stop words dropped, stems,
/// IT synonyms) that the article contains anywhere (title, summary, aliases, tags, headings, body); a word found only
/// as a typo of an article word (one edit, two from eight letters, same first letter — the index's own typo rule)
/// counts half.</item>
/// <item><b>strength</b>: the hit's relevance score relative to <see cref="FullStrengthScore"/>, capped at 1. Scores
/// of hits that answer the labeled queries start around 13–20; off-topic messages that happen to share a common
/// word mostly score below that.</item>
/// </list>
/// Raw scores alone are not comparable between queries and coverage alone is fooled by one-word messages; together
/// they separate questions the articles answer from chit-chat, errands and other junk (calibration: README).
/// Thread-safe; the analyzed words of recently scored articles are cached.
/// </summary>
public sealed class AnswerConfidence : IDisposable
{
    /// <summary>The score at which strength reaches 1.</summary>
    public const double FullStrengthScore = 25.0;

    /// <summary>What a word that only matches as a typo counts for in the coverage.</summary>
    public const double TypoMatchWeight = 0.5;

    private const int MaxQueryChars = 1000;
    private const int CacheLimit = 2048;

    private readonly KnowledgeAnalyzer _analyzer = new();
    private readonly ConcurrentDictionary<string, ArticleWords> _articles = new(StringComparer.Ordinal);
    private readonly SearchTuning _tuning = SearchTuning.Default;

    /// <summary>The confidence that <paramref name="hit"/> (for the full <paramref name="article"/>) answers <paramref name="query"/>.</summary>
    public double Of(string query, KnowledgeSearchResult hit, KnowledgeArticle article)
    {
        ArgumentNullException.ThrowIfNull(hit);
        ArgumentNullException.ThrowIfNull(article);
        return Coverage(query, article) * Strength(hit.Score);
    }

    /// <summary><paramref name="score"/> relative to <see cref="FullStrengthScore"/>, from 0 to 1.</summary>
    public static double Strength(float score) => Math.Clamp(score / FullStrengthScore, 0, 1);

    /// <summary>The share of the query's words found in <paramref name="article"/> (typo-only matches count half); 0 for no words.</summary>
    public double Coverage(string? query, KnowledgeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var groups = QueryGroups(query);
        if (groups.Count == 0)
        {
            return 0;
        }

        var words = WordsOf(article);
        var matched = 0.0;
        foreach (var group in groups)
        {
            if (group.Terms.Exists(words.Contains))
            {
                matched += 1;
            }
            else if (IsTypoOfAny(group, words))
            {
                matched += TypoMatchWeight;
            }
        }

        return matched / groups.Count;
    }

    public void Dispose() => _analyzer.Dispose();

    private bool IsTypoOfAny(QueryWord group, HashSet<string> words)
    {
        var surface = group.Surface;
        var typed = group.Terms[0];
        if (surface.Length < _tuning.FuzzyMinLength || surface.Length > _tuning.FuzzyMaxLength || !typed.All(char.IsLetter))
        {
            return false;
        }

        var maxEdits = surface.Length >= _tuning.FuzzyTwoEditsMinLength ? 2 : 1;
        foreach (var word in words)
        {
            if (word.Length > 1 && word[0] == typed[0] && Math.Abs(word.Length - typed.Length) <= maxEdits
                && EditDistance.AtMost(typed, word, maxEdits))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The query's words by position: the typed term first, then the synonyms stacked on it.</summary>
    private List<QueryWord> QueryGroups(string? text)
    {
        var groups = new List<QueryWord>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return groups;
        }

        if (text.Length > MaxQueryChars)
        {
            text = text[..MaxQueryChars];
        }

        using var stream = _analyzer.GetTokenStream(IndexFields.Body, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        var groupPosition = int.MinValue;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            var value = term.ToString();
            var isSynonym = string.Equals(type.Type, KnowledgeAnalyzer.SynonymTokenType, StringComparison.Ordinal);
            if (groups.Count > 0 && groupPosition == position)
            {
                if (!groups[^1].Terms.Contains(value))
                {
                    groups[^1].Terms.Add(value);
                }
            }
            else if (groups.Count < _tuning.MaxQueryTerms)
            {
                var surface = text[Math.Min(offset.StartOffset, text.Length)..Math.Min(offset.EndOffset, text.Length)];
                groups.Add(new QueryWord(isSynonym ? string.Empty : surface, [value]));
                groupPosition = position;
            }
        }

        stream.End();
        return groups;
    }

    private HashSet<string> WordsOf(KnowledgeArticle article)
    {
        var fingerprint = HashCode.Combine(article.Title, article.Summary, article.Markdown.Length, string.GetHashCode(article.Markdown, StringComparison.Ordinal));
        if (_articles.TryGetValue(article.Id, out var cached) && cached.Fingerprint == fingerprint)
        {
            return cached.Words;
        }

        var text = MarkdownText.Extract(article.Markdown);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in (IEnumerable<string?>)[article.Title, article.Summary, article.Category, text.FirstHeading, text.Prose, text.Code, .. article.Aliases, .. article.Tags, .. text.Headings])
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                AddWords(part, words);
            }
        }

        if (_articles.Count >= CacheLimit)
        {
            _articles.Clear();
        }

        _articles[article.Id] = new ArticleWords(fingerprint, words);
        return words;
    }

    private void AddWords(string text, HashSet<string> words)
    {
        using var stream = _analyzer.GetTokenStream(IndexFields.Body, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
    }

    /// <summary>One query position: the surface text of the typed word (empty if none) and its analyzed terms.</summary>
    private sealed record QueryWord(string Surface, List<string> Terms);

    private sealed record ArticleWords(int Fingerprint, HashSet<string> Words);
}

using System.Globalization;
using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Cli.Benchmark;

/// <summary>
/// Generates a large article set by recombining the paragraphs, titles, summaries and tags of a real corpus
/// (deterministic for a seed). Articles are produced lazily, so 100,000 of them never sit in memory at once.
/// </summary>
internal sealed class SyntheticCorpus
{
    private readonly IReadOnlyList<KnowledgeArticle> _source;
    private readonly string[] _paragraphs;

    public SyntheticCorpus(IReadOnlyList<KnowledgeArticle> source)
    {
        if (source.Count == 0)
        {
            throw new CommandFailedException("the corpus has no articles to recombine");
        }

        _source = source;
        _paragraphs = source
            .SelectMany(a => a.Markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length >= 40 && !p.StartsWith('#'))
            .ToArray();
    }

    /// <summary>Paragraphs available for recombination.</summary>
    public int ParagraphCount => _paragraphs.Length;

    /// <summary>Generates <paramref name="count"/> articles.</summary>
    public IEnumerable<KnowledgeArticle> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var model = _source[random.Next(_source.Count)];
            var other = _source[random.Next(_source.Count)];
            var paragraphs = random.Next(4, 13);
            var body = new System.Text.StringBuilder();
            body.Append("# ").Append(model.Title).Append("\n\n");
            for (var p = 0; p < paragraphs; p++)
            {
                if (p == paragraphs / 2)
                {
                    body.Append("## ").Append(other.Title).Append("\n\n");
                }

                body.Append(_paragraphs[random.Next(_paragraphs.Length)]).Append("\n\n");
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"synthetic-{i:D6}");
            yield return new KnowledgeArticle(
                id,
                $"synthetic/{id}.md",
                model.Title,
                other.Summary,
                model.Tags,
                model.Category,
                model.Aliases,
                model.Audience,
                model.Updated,
                model.Owner,
                body.ToString(),
                ArticleFormat.MicrosoftDocs,
                model.Attribution);
        }
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Turns the users' yes/no answers into relevance judgments in the files <c>kb eval</c> and <c>kb tune</c> read
/// (<c>qid&lt;TAB&gt;query</c> lines and TREC qrels <c>qid 0 path grade</c>), so the search can be measured and tuned on
/// real questions. Questions are grouped by <see cref="QuestionKey"/>. A question for which no article helped anyone
/// is left out: it has nothing relevant to rank (it belongs in the report's unanswered list).
/// </summary>
internal static class KnowledgeJudgments
{
    /// <summary>Prefix of the query ids.</summary>
    public const string IdPrefix = "fb";

    /// <summary>
    /// The judged questions; <paramref name="pathOf"/> maps an article id to its path, or null when the article is no
    /// longer indexed (its answers are dropped).
    /// </summary>
    public static IReadOnlyList<JudgedQuery> Build(IEnumerable<ArticleAnswer> answers, Func<string, string?> pathOf)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(pathOf);
        var paths = new Dictionary<string, string?>(StringComparer.Ordinal);
        return
        [
            .. answers
                .GroupBy(a => QuestionKey.For(a.Query), StringComparer.Ordinal)
                .Where(g => g.Key.Length > 0)
                .Select(g => new JudgedQuery(
                    Id(g.Key),
                    OneLine(g.Last().Query),
                    [
                        .. g.Select(a => (Answer: a, Path: Path(a.ArticleId)))
                            .Where(a => a.Path is not null)
                            .GroupBy(a => a.Path!, StringComparer.Ordinal)
                            .Select(j => Judge(j.Key, j.Count(a => a.Answer.Helped), j.Count(a => !a.Answer.Helped)))
                            .OrderBy(j => j.Path, StringComparer.Ordinal),
                    ]))
                .Where(q => q.Judgments.Any(j => j.Grade > 0))
                .OrderBy(q => q.Id, StringComparer.Ordinal),
        ];

        string? Path(string id) => paths.TryGetValue(id, out var path) ? path : paths[id] = pathOf(id);
    }

    /// <summary>The queries file: <c>qid&lt;TAB&gt;query</c> per line.</summary>
    public static string QueriesFile(IReadOnlyList<JudgedQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var text = new StringBuilder("# qid\tquery (from the bot's article feedback; questions redacted)\n");
        foreach (var query in queries)
        {
            text.Append(query.Id).Append('\t').Append(query.Text).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The judgments in TREC qrels format: <c>qid 0 path grade</c> per line.</summary>
    public static string QrelsFile(IReadOnlyList<JudgedQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var text = new StringBuilder("# qid 0 article-path grade (2 helped most who answered, 1 helped some, 0 helped nobody)\n");
        foreach (var query in queries)
        {
            foreach (var judgment in query.Judgments)
            {
                text.Append(CultureInfo.InvariantCulture, $"{query.Id} 0 {judgment.Path} {judgment.Grade}\n");
            }
        }

        return text.ToString();
    }

    private static ArticleJudgment Judge(string path, int helped, int notHelped) =>
        new(path, helped > notHelped ? 2 : helped > 0 ? 1 : 0, helped, notHelped);

    private static string Id(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var number = BinaryPrimitives.ReadUInt64BigEndian(hash) % 1_000_000_000_000UL;
        return IdPrefix + number.ToString("D12", CultureInfo.InvariantCulture);
    }

    // Tabs and line breaks would break the line format; the key already ignores white space.
    private static string OneLine(string text) => string.Join(' ', text.Split(['\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Cli.Benchmark;

/// <summary>
/// The benchmark's query mix: the labeled user queries, plus 2-5 word queries cut from random article titles,
/// one in ten with a typo (two letters swapped) so the fuzzy path is exercised too.
/// </summary>
internal static class BenchQueries
{
    public static IReadOnlyList<string> Build(IReadOnlyList<string> labeled, IReadOnlyList<KnowledgeArticle> articles, int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<string>(count);
        queries.AddRange(labeled.Take(count));
        while (queries.Count < count)
        {
            var words = articles[random.Next(articles.Count)].Title
                .Split([' ', '(', ')', ',', ':', '"'], StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.ToLowerInvariant())
                .ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            var start = random.Next(words.Length);
            var length = Math.Min(words.Length - start, random.Next(2, 6));
            var query = words.Skip(start).Take(Math.Max(1, length)).ToArray();
            if (random.Next(10) == 0)
            {
                var w = random.Next(query.Length);
                if (query[w].Length > 4)
                {
                    var chars = query[w].ToCharArray();
                    var at = random.Next(1, chars.Length - 1);
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    query[w] = new string(chars);
                }
            }

            queries.Add(string.Join(' ', query));
        }

        return queries;
    }
}

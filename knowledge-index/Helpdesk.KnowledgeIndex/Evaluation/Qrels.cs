using System.Globalization;

namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>
/// Graded relevance judgments in TREC qrels format: <c>qid 0 doc-id grade</c> per line (whitespace separated).
/// Grades: 0 not relevant, 1 partly relevant (related, helps somewhat), 2 relevant (answers the question).
/// </summary>
public sealed class Qrels
{
    private readonly Dictionary<string, Dictionary<string, int>> _judgments;

    private Qrels(Dictionary<string, Dictionary<string, int>> judgments) => _judgments = judgments;

    /// <summary>Query ids with at least one judgment.</summary>
    public IEnumerable<string> QueryIds => _judgments.Keys;

    /// <summary>Loads a qrels file.</summary>
    /// <exception cref="FormatException">A line is malformed (the message names file and line).</exception>
    public static Qrels Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"qrels file not found: {path}", path);
        }

        return Parse(File.ReadAllLines(path), path);
    }

    /// <summary>Parses qrels lines.</summary>
    public static Qrels Parse(IEnumerable<string> lines, string source)
    {
        var judgments = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 4 || !int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var grade) || grade < 0)
            {
                throw new FormatException($"{source}:{number}: expected 'qid 0 doc-id grade' with a grade of 0 or more");
            }

            var forQuery = judgments.TryGetValue(parts[0], out var existing) ? existing : judgments[parts[0]] = new(StringComparer.Ordinal);
            if (!forQuery.TryAdd(parts[2], grade))
            {
                throw new FormatException($"{source}:{number}: '{parts[2]}' is judged twice for query '{parts[0]}'");
            }
        }

        return new Qrels(judgments);
    }

    /// <summary>The judgments of a query (doc id → grade); empty when none.</summary>
    public IReadOnlyDictionary<string, int> For(string queryId) =>
        _judgments.TryGetValue(queryId, out var judged) ? judged : new Dictionary<string, int>();
}

namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>Reads query files: one <c>qid&lt;TAB&gt;query text</c> per line; blank lines and <c>#</c> comments are skipped.</summary>
public static class QueryFile
{
    /// <summary>Loads queries from a file.</summary>
    /// <exception cref="FormatException">A line is malformed or a qid repeats (the message names file and line).</exception>
    public static IReadOnlyList<EvalQuery> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"queries file not found: {path}", path);
        }

        return Parse(File.ReadAllLines(path), path);
    }

    /// <summary>Parses query lines.</summary>
    public static IReadOnlyList<EvalQuery> Parse(IEnumerable<string> lines, string source)
    {
        var queries = new List<EvalQuery>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || string.IsNullOrWhiteSpace(line[(tab + 1)..]))
            {
                throw new FormatException($"{source}:{number}: expected 'qid<TAB>query text'");
            }

            var id = line[..tab].Trim();
            if (!seen.Add(id))
            {
                throw new FormatException($"{source}:{number}: query id '{id}' is used twice");
            }

            queries.Add(new EvalQuery(id, line[(tab + 1)..].Trim()));
        }

        return queries;
    }
}

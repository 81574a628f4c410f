using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>Typed access to a parsed front matter mapping; records problems with their file line.</summary>
internal sealed class FrontMatterFields
{
    private readonly Dictionary<string, YamlNode> _values;
    private readonly Dictionary<string, int> _keyLines;
    private readonly string _file;
    private readonly List<ArticleProblem> _problems;

    private FrontMatterFields(string file, Dictionary<string, YamlNode> values, Dictionary<string, int> keyLines, List<ArticleProblem> problems)
    {
        _file = file;
        _values = values;
        _keyLines = keyLines;
        _problems = problems;
    }

    /// <summary>The keys present, in file order.</summary>
    public IEnumerable<string> Keys => _keyLines.OrderBy(k => k.Value).Select(k => k.Key);

    /// <summary>Parses the YAML; returns null (and records an error with its line) when it is not a valid mapping.</summary>
    public static FrontMatterFields? Parse(string file, FrontMatterSplit split, List<ArticleProblem> problems)
    {
        var lineOffset = split.YamlFirstLine - 1;
        if (string.IsNullOrWhiteSpace(split.Yaml))
        {
            problems.Add(new ArticleProblem(file, split.YamlFirstLine, 0, ProblemSeverity.Error, "the front matter is empty"));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(split.Yaml));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            var line = (int)Math.Max(1, ex.Start.Line) + lineOffset;
            var message = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
            problems.Add(new ArticleProblem(file, line, (int)ex.Start.Column, ProblemSeverity.Error, $"invalid YAML front matter: {Clean(message)}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // The scanner gave up without a position (e.g. an unclosed flow sequence): report where parsing stopped.
            var line = LastParsedLine(split.Yaml) + lineOffset;
            problems.Add(new ArticleProblem(file, line, 0, ProblemSeverity.Error, "invalid YAML front matter: unexpected text after this line (unclosed '[', '{' or quote?)"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            var node = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            var line = node is null ? split.YamlFirstLine : (int)node.Start.Line + lineOffset;
            problems.Add(new ArticleProblem(file, line, 0, ProblemSeverity.Error, "the front matter must be a YAML mapping of 'key: value' lines"));
            return null;
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        var keyLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var line = (int)keyNode.Start.Line + lineOffset;
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                problems.Add(new ArticleProblem(file, line, (int)keyNode.Start.Column, ProblemSeverity.Error, "front matter keys must be plain text"));
                return null;
            }

            if (!values.TryAdd(key, valueNode))
            {
                problems.Add(new ArticleProblem(file, line, (int)keyNode.Start.Column, ProblemSeverity.Error, $"duplicate front matter key '{key}'"));
                return null;
            }

            keyLines[key] = line;
        }

        return new FrontMatterFields(file, values, keyLines, problems);
    }

    /// <summary>True when the key is present.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The 1-based file line of a key, or of the front matter start when it is missing.</summary>
    public int LineOf(string key) => _keyLines.TryGetValue(key, out var line) ? line : 1;

    /// <summary>A scalar value, trimmed; null when missing or empty. A list where a scalar is expected is an error.</summary>
    public string? Scalar(string key)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        }

        Error(key, $"'{key}' must be a single value, not a list or mapping");
        return null;
    }

    /// <summary>A list of values; a scalar is split on commas. Empty entries are dropped.</summary>
    /// <param name="key">Front matter key.</param>
    /// <param name="lenient">
    /// Accept what third-party front matter contains: an item like <c>- sap:Sites\Error 404: Site</c> is a one-pair
    /// YAML mapping and is read back as "key: value"; other non-scalar items are skipped instead of being errors.
    /// </param>
    public IReadOnlyList<string> List(string key, bool lenient = false)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            return [];
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return (scalar.Value ?? string.Empty)
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                    {
                        items.Add(value.Trim());
                    }
                    else if (lenient && item is YamlMappingNode { Children.Count: 1 } pair
                        && pair.Children.First() is { Key: YamlScalarNode { Value: { } k }, Value: YamlScalarNode { Value: { } v } })
                    {
                        items.Add($"{k.Trim()}: {v.Trim()}");
                    }
                    else if (lenient)
                    {
                        continue;
                    }
                    else if (item is not YamlScalarNode)
                    {
                        Error(key, $"'{key}' must be a list of plain values");
                        return [];
                    }
                }

                return items;
            default:
                Error(key, $"'{key}' must be a list of values");
                return [];
        }
    }

    /// <summary>A date in one of the given formats; null (with an error) when present but unreadable.</summary>
    public DateOnly? Date(string key, ProblemSeverity severity, params string[] formats)
    {
        var text = Scalar(key);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Report(key, severity, $"'{key}' must be a date like {string.Join(" or ", formats)}; got '{text}'");
        return null;
    }

    /// <summary>Records an error for a key.</summary>
    public void Error(string key, string message) => Report(key, ProblemSeverity.Error, message);

    /// <summary>Records a problem for a key.</summary>
    public void Report(string key, ProblemSeverity severity, string message) =>
        _problems.Add(new ArticleProblem(_file, LineOf(key), 0, severity, message));

    /// <summary>The 1-based YAML line of the last event the parser produced before failing.</summary>
    private static int LastParsedLine(string yaml)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
        var line = 1;
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is { } current)
                {
                    line = (int)Math.Max(1, current.End.Line);
                }
            }
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            // Expected: the same failure as the main parse.
        }

        return line;
    }

    private static string Clean(string message) => message.Replace('\n', ' ').Replace('\r', ' ').Trim();
}

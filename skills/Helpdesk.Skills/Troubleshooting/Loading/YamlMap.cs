using Helpdesk.Skills.Troubleshooting.Model;
using Helpdesk.Skills.Troubleshooting.Validation;
using YamlDotNet.RepresentationModel;

namespace Helpdesk.Skills.Troubleshooting.Loading;

/// <summary>
/// Typed reads from one YAML mapping, each problem reported with its file and line. Keys are case-sensitive
/// (as YAML is); <see cref="ReportUnknownKeys"/> flags anything no read asked for (typos such as <c>nxet</c>).
/// </summary>
internal sealed class YamlMap
{
    private readonly string _file;
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<FlowProblem> _problems;

    public YamlMap(string file, YamlMappingNode node, List<FlowProblem> problems)
    {
        _file = file;
        _node = node;
        _problems = problems;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name } scalar)
            {
                Error(key, "keys must be plain words (e.g. 'next:')");
                continue;
            }

            if (!_entries.TryAdd(name, (scalar, value)))
            {
                Error(key, $"'{name}' is given twice in this mapping (first at line {_entries[name].Key.Start.Line})");
            }
        }
    }

    /// <summary>Where the mapping starts.</summary>
    public SourceLocation Location => At(_node);

    public SourceLocation At(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Where <paramref name="key"/>'s value is, or the mapping when the key is missing.</summary>
    public SourceLocation LocationOf(string key) => _entries.TryGetValue(key, out var entry) ? At(entry.Value) : Location;

    public bool Has(string key) => _entries.ContainsKey(key) && !IsNull(_entries[key].Value);

    /// <summary>A text value (trimmed; block scalars keep their lines); null when missing. Reports a missing required key.</summary>
    public string? String(string key, bool required = false, string? what = null)
    {
        _read.Add(key);
        if (!_entries.TryGetValue(key, out var entry) || IsNull(entry.Value))
        {
            if (required)
            {
                _problems.Add(new FlowProblem(Location, FlowProblemSeverity.Error, $"missing '{key}'{(what is null ? string.Empty : $" ({what})")}"));
            }

            return null;
        }

        if (entry.Value is not YamlScalarNode { Value: { } value })
        {
            Error(entry.Value, $"'{key}' must be text, not a {Describe(entry.Value)}");
            return null;
        }

        var text = entry.Value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded }
            ? value.TrimEnd()
            : value.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                Error(entry.Value, $"'{key}' is empty");
            }

            return null;
        }

        return text;
    }

    /// <summary>A reference to a node (<c>next: step-id</c>) with where it is written.</summary>
    public FlowEdge? Edge(string key, string? label, bool required = false)
    {
        var target = String(key, required, "the id of the node it leads to");
        return target is null ? null : new FlowEdge(label, target, LocationOf(key));
    }

    /// <summary>true/false (also yes/no, on/off); null when missing.</summary>
    public bool? Bool(string key)
    {
        var text = String(key);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                _problems.Add(new FlowProblem(LocationOf(key), FlowProblemSeverity.Error, $"'{key}' must be true or false, not '{text}'"));
                return null;
        }
    }

    /// <summary>A list of texts; a single text counts as a one-item list.</summary>
    public IReadOnlyList<(string Value, SourceLocation Location)> Strings(string key, bool required = false)
    {
        _read.Add(key);
        if (!_entries.TryGetValue(key, out var entry) || IsNull(entry.Value))
        {
            if (required)
            {
                _problems.Add(new FlowProblem(Location, FlowProblemSeverity.Error, $"missing '{key}' (a list)"));
            }

            return [];
        }

        if (entry.Value is YamlScalarNode { Value: { } single })
        {
            return string.IsNullOrWhiteSpace(single) ? [] : [(single.Trim(), At(entry.Value))];
        }

        if (entry.Value is not YamlSequenceNode sequence)
        {
            Error(entry.Value, $"'{key}' must be a list, not a {Describe(entry.Value)}");
            return [];
        }

        var items = new List<(string, SourceLocation)>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                items.Add((value.Trim(), At(item)));
            }
            else
            {
                Error(item, $"each item of '{key}' must be text, not a {Describe(item)}");
            }
        }

        if (required && items.Count == 0)
        {
            Error(entry.Value, $"'{key}' must have at least one item");
        }

        return items;
    }

    /// <summary>A list of mappings (nodes, choices).</summary>
    public IReadOnlyList<YamlMap> Maps(string key, bool required = false)
    {
        _read.Add(key);
        if (!_entries.TryGetValue(key, out var entry) || IsNull(entry.Value))
        {
            if (required)
            {
                _problems.Add(new FlowProblem(Location, FlowProblemSeverity.Error, $"missing '{key}' (a list)"));
            }

            return [];
        }

        if (entry.Value is not YamlSequenceNode sequence)
        {
            Error(entry.Value, $"'{key}' must be a list (each item starting with '- '), not a {Describe(entry.Value)}");
            return [];
        }

        var maps = new List<YamlMap>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping)
            {
                maps.Add(new YamlMap(_file, mapping, _problems));
            }
            else
            {
                Error(item, $"each item of '{key}' must be a mapping of 'key: value' lines, not a {Describe(item)}");
            }
        }

        return maps;
    }

    /// <summary>Reports every key present but not read, naming the keys this mapping allows.</summary>
    public void ReportUnknownKeys(string what)
    {
        var allowed = string.Join(", ", _read.Order(StringComparer.Ordinal));
        foreach (var (name, entry) in _entries)
        {
            if (!_read.Contains(name))
            {
                Error(entry.Key, $"unknown key '{name}' for {what} (allowed: {allowed})");
            }
        }
    }

    /// <summary>Marks keys as known without reading them (they belong to another kind and are reported there).</summary>
    public void Allow(params string[] keys)
    {
        foreach (var key in keys)
        {
            _read.Add(key);
        }
    }

    public void Error(string key, string message) =>
        _problems.Add(new FlowProblem(LocationOf(key), FlowProblemSeverity.Error, message));

    private void Error(YamlNode node, string message) =>
        _problems.Add(new FlowProblem(At(node), FlowProblemSeverity.Error, message));

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };
}

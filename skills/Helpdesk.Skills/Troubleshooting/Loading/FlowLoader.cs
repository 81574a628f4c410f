using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Troubleshooting.Model;
using Helpdesk.Skills.Troubleshooting.Validation;
using YamlDotNet.RepresentationModel;

namespace Helpdesk.Skills.Troubleshooting.Loading;

/// <summary>
/// Reads flow YAML into <see cref="Flow"/>s with the file and line of everything, reporting schema problems (missing
/// or unknown keys, wrong types, bad ids, bad priorities) as it goes. Graph checks (references, reachability, dead
/// ends, cycles, KB articles) are <see cref="FlowValidator"/>'s.
/// </summary>
public static partial class FlowLoader
{
    /// <summary>The resource-name prefix of the flows embedded in this assembly.</summary>
    public const string EmbeddedPrefix = "Helpdesk.Skills.Troubleshooting.flows.";

    /// <summary>The file name pattern of flow files.</summary>
    public const string FilePattern = "*.yaml";

    private static readonly string[] CommonKeys = ["id", "type", "title", "text", "articles"];

    /// <summary>Reads every <c>*.yaml</c> file in <paramref name="directory"/> (not sub-folders), in name order.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static FlowLoadResult LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"flows directory not found: {directory}");
        }

        var flows = new List<Flow>();
        var problems = new List<FlowProblem>();
        foreach (var path in Directory.EnumerateFiles(directory, FilePattern).Order(StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new FlowProblem(new SourceLocation(path, 1, 1), FlowProblemSeverity.Error, $"cannot read the file: {ex.Message}"));
                continue;
            }

            Add(Parse(path, text), flows, problems);
        }

        return new FlowLoadResult(flows, problems);
    }

    /// <summary>Reads the flows shipped inside this assembly (named <c>flows/&lt;file&gt;.yaml</c> in problems).</summary>
    public static FlowLoadResult LoadEmbedded()
    {
        var assembly = typeof(FlowLoader).Assembly;
        var flows = new List<Flow>();
        var problems = new List<FlowProblem>();
        foreach (var name in EmbeddedNames(assembly))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            Add(Parse("flows/" + name[EmbeddedPrefix.Length..], reader.ReadToEnd()), flows, problems);
        }

        return new FlowLoadResult(flows, problems);
    }

    /// <summary>Reads one flow file's text; <paramref name="file"/> is the name used in problems.</summary>
    public static FlowParseResult Parse(string file, string yaml)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(yaml);
        var problems = new List<FlowProblem>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            var message = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
            problems.Add(new FlowProblem(new SourceLocation(file, (int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column)), FlowProblemSeverity.Error, $"invalid YAML: {Clean(message)}"));
            return new FlowParseResult(null, problems);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count > 0 ? (int)stream.Documents[0].RootNode.Start.Line : 1;
            problems.Add(new FlowProblem(new SourceLocation(file, line, 1), FlowProblemSeverity.Error, "a flow file must be a YAML mapping (id:, title:, nodes: …)"));
            return new FlowParseResult(null, problems);
        }

        if (stream.Documents.Count > 1)
        {
            problems.Add(new FlowProblem(new SourceLocation(file, (int)stream.Documents[1].RootNode.Start.Line, 1), FlowProblemSeverity.Error, "one flow per file: remove the second YAML document ('---')"));
        }

        var map = new YamlMap(file, root, problems);
        var id = Id(map, "id", "the flow's id, e.g. vpn");
        var title = map.String("title", required: true, "the flow's full name");
        var label = map.String("label", required: true, "the short button text in the picker");
        var soundsLike = map.String("sounds_like", required: true, "finishes \"Sounds like …, shall we troubleshoot it together?\"");
        var category = map.String("category", required: true, "the ticket category for escalations");
        var priority = Priority(map, "priority", required: true);
        var services = map.Strings("services").Select(s => s.Value.ToLowerInvariant()).ToList();
        var triggers = map.Strings("triggers", required: true).Select(s => s.Value).ToList();
        var start = map.Edge("start", null, required: true);
        var nodes = map.Maps("nodes", required: true).Select(n => ParseNode(n)).OfType<FlowNode>().ToList();
        map.ReportUnknownKeys("a flow");

        if (id is null || start is null)
        {
            return new FlowParseResult(null, problems);
        }

        // Missing headers are already reported; the flow is still built so its steps get checked in the same run.
        var flow = new Flow
        {
            Id = id,
            Title = title ?? id,
            Label = label ?? id,
            SoundsLike = soundsLike ?? id,
            Category = category ?? "uncategorized",
            Priority = priority ?? TicketPriority.P3,
            Services = services,
            Triggers = triggers,
            Start = start,
            Nodes = nodes,
            Location = map.Location with { Line = 1, Column = 1 },
        };
        return new FlowParseResult(flow, problems);
    }

    private static FlowNode? ParseNode(YamlMap map)
    {
        var id = Id(map, "id", "the node's id, e.g. check-internet");
        var typeText = map.String("type", required: true, "question, instructions, check, input, action or outcome");
        map.Allow(CommonKeys);
        FlowNodeKind? kind = typeText switch
        {
            null => null,
            "question" => FlowNodeKind.Question,
            "instructions" => FlowNodeKind.Instructions,
            "check" => FlowNodeKind.Check,
            "input" => FlowNodeKind.Input,
            "action" => FlowNodeKind.Action,
            "outcome" => FlowNodeKind.Outcome,
            _ => null,
        };
        if (typeText is not null && kind is null)
        {
            map.Error("type", $"unknown node type '{typeText}' (use question, instructions, check, input, action or outcome)");
        }

        if (id is null || kind is null)
        {
            return null;
        }

        var node = new FlowNode
        {
            Id = id,
            Kind = kind.Value,
            Location = map.Location,
            Title = map.String("title"),
            Text = map.String("text", required: kind is FlowNodeKind.Question or FlowNodeKind.Instructions or FlowNodeKind.Check or FlowNodeKind.Input, "what the user sees"),
            Articles = map.Strings("articles").Select(a => new ArticleReference(a.Value, a.Location)).ToList(),
        };

        node = kind switch
        {
            FlowNodeKind.Question => node with { Choices = ParseChoices(map) },
            FlowNodeKind.Instructions => ParseInstructions(map, node),
            FlowNodeKind.Check => node with { Yes = map.Edge("yes", "Yes", required: true), No = map.Edge("no", "No", required: true) },
            FlowNodeKind.Input => ParseInput(map, node),
            FlowNodeKind.Action => ParseAction(map, node),
            _ => ParseOutcome(map, node),
        };
        map.ReportUnknownKeys($"{(typeText is "instructions" or "input" or "action" or "outcome" ? "an" : "a")} {typeText} node{(node.Action is { } action ? $" ({ActionName(action)})" : string.Empty)}");
        return node;
    }

    private static List<FlowChoice> ParseChoices(YamlMap map)
    {
        var choices = new List<FlowChoice>();
        foreach (var item in map.Maps("choices", required: true))
        {
            var label = item.String("label", required: true, "the button text");
            var next = item.String("next", required: true, "the id of the node it leads to");
            var synonyms = item.Strings("synonyms").Select(s => s.Value).ToList();
            item.ReportUnknownKeys("a choice");
            if (label is not null && next is not null)
            {
                choices.Add(new FlowChoice(label, next, synonyms, item.LocationOf("next")));
            }
        }

        if (choices.Count < 2 && map.Has("choices"))
        {
            map.Error("choices", "a question needs at least two choices (use an instructions or check node for one way on)");
        }

        return choices;
    }

    private static FlowNode ParseInstructions(YamlMap map, FlowNode node)
    {
        var next = map.Edge("next", "Done");
        var yes = map.Edge("yes", "Yes");
        var no = map.Edge("no", "No");
        var ask = map.String("ask");
        if (next is not null && (yes is not null || no is not null))
        {
            map.Error("next", "instructions take either 'next' (a Done button) or 'yes' and 'no' (\"Did that fix it?\"), not both");
        }
        else if (next is null && (yes is null || no is null))
        {
            map.Error(yes is null && no is null ? "id" : yes is null ? "no" : "yes",
                "instructions need 'next' (a Done button) or both 'yes' and 'no' (\"Did that fix it?\")");
        }

        if (ask is not null && next is not null)
        {
            map.Error("ask", "'ask' is the yes/no question after the steps; it needs 'yes' and 'no', not 'next'");
        }

        return node with { Next = next, Yes = yes, No = no, Ask = ask };
    }

    private static FlowNode ParseInput(YamlMap map, FlowNode node)
    {
        var capture = map.String("capture", required: true, "the name the answer is saved under, e.g. error_message");
        if (capture is not null && !CaptureName().IsMatch(capture))
        {
            map.Error("capture", $"capture names are lowercase words joined by '_', optionally after one dot (e.g. error_message, device.name), not '{capture}'");
        }

        return node with { Capture = capture, Next = map.Edge("next", null, required: true), Optional = map.Bool("optional") ?? false };
    }

    private static FlowNode ParseAction(YamlMap map, FlowNode node)
    {
        var name = map.String("action", required: true, "search_kb, check_incidents, lookup_user or escalate");
        FlowActionKind? action = name switch
        {
            null => null,
            "search_kb" => FlowActionKind.SearchKnowledge,
            "check_incidents" => FlowActionKind.CheckIncidents,
            "lookup_user" => FlowActionKind.LookupUser,
            "escalate" => FlowActionKind.Escalate,
            _ => null,
        };
        if (name is not null && action is null)
        {
            map.Error("action", $"unknown action '{name}' (use search_kb, check_incidents, lookup_user or escalate)");
        }

        node = node with { Action = action };
        return action switch
        {
            FlowActionKind.SearchKnowledge => node with
            {
                Query = map.String("query", required: true, "what to search the knowledge base for"),
                Yes = map.Edge("yes", "Yes", required: true),
                No = map.Edge("no", "No", required: true),
            },
            FlowActionKind.CheckIncidents => node with
            {
                Services = map.Strings("services").Select(s => s.Value.ToLowerInvariant()).ToList(),
                Next = map.Edge("next", null, required: true),
            },
            FlowActionKind.LookupUser => node with
            {
                Next = map.Edge("next", null, required: true),
                NotFound = map.Edge("not_found", "Not found"),
            },
            FlowActionKind.Escalate => Escalation(map, node),
            _ => node,
        };
    }

    private static FlowNode ParseOutcome(YamlMap map, FlowNode node)
    {
        var name = map.String("result", required: true, "resolved or escalate");
        FlowResult? result = name switch
        {
            null => null,
            "resolved" => FlowResult.Resolved,
            "escalate" => FlowResult.Escalate,
            _ => null,
        };
        if (name is not null && result is null)
        {
            map.Error("result", $"unknown result '{name}' (use resolved or escalate)");
        }

        node = node with { Result = result };
        return result == FlowResult.Escalate ? Escalation(map, node) : node;
    }

    private static FlowNode Escalation(YamlMap map, FlowNode node) => node with
    {
        Category = map.String("category"),
        Priority = Priority(map, "priority", required: false),
        Reason = map.String("reason", required: true, "one line for the agent taking over"),
    };

    private static TicketPriority? Priority(YamlMap map, string key, bool required)
    {
        var text = map.String(key, required, "P1, P2, P3 or P4");
        if (text is null)
        {
            return null;
        }

        if (text.Length == 2 && char.ToUpperInvariant(text[0]) == 'P' && text[1] is >= '1' and <= '4')
        {
            return (TicketPriority)int.Parse(text[1..], CultureInfo.InvariantCulture);
        }

        map.Error(key, $"priority must be P1, P2, P3 or P4, not '{text}'");
        return null;
    }

    private static string? Id(YamlMap map, string key, string what)
    {
        var id = map.String(key, required: true, what);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            map.Error(key, $"ids are lowercase letters, digits and dashes (e.g. check-internet), not '{id}'");
            return null;
        }

        return id;
    }

    internal static string ActionName(FlowActionKind action) => action switch
    {
        FlowActionKind.SearchKnowledge => "search_kb",
        FlowActionKind.CheckIncidents => "check_incidents",
        FlowActionKind.LookupUser => "lookup_user",
        _ => "escalate",
    };

    private static IEnumerable<string> EmbeddedNames(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static void Add(FlowParseResult result, List<Flow> flows, List<FlowProblem> problems)
    {
        problems.AddRange(result.Problems);
        if (result.Flow is { } flow)
        {
            flows.Add(flow);
        }
    }

    private static string Clean(string message) => message.Replace('\n', ' ').Replace('\r', ' ').Trim();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CaptureName();
}

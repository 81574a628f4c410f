using System.Text;
using System.Text.RegularExpressions;

namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>
/// <c>{name}</c> placeholders in a node's text, query and reason, filled from the case file's captured values: an
/// input node's <c>capture</c> name, or a directory fact from <c>lookup_user</c> (<see cref="DirectoryFacts"/>).
/// <c>{{</c> and <c>}}</c> write a literal brace.
/// </summary>
public static partial class FlowPlaceholders
{
    /// <summary>What <c>lookup_user</c> captures.</summary>
    public static IReadOnlyList<string> DirectoryFacts { get; } =
        ["user.name", "user.email", "user.department", "user.office", "user.manager", "user.locked", "device.name", "device.os", "device.compliant"];

    /// <summary>Shown for a placeholder whose value was never captured (e.g. the user skipped the question).</summary>
    public const string NotGiven = "(not given)";

    /// <summary>The placeholder names used in <paramref name="text"/>, in order.</summary>
    public static IEnumerable<string> Names(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Where(m => m.Groups["name"].Success).Select(m => m.Groups["name"].Value);

    /// <summary><paramref name="text"/> with each placeholder replaced by its value (<see cref="NotGiven"/> when missing).</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text, m => m.Value switch
        {
            "{{" => "{",
            "}}" => "}",
            _ => values.TryGetValue(m.Groups["name"].Value, out var value) && !string.IsNullOrWhiteSpace(value) ? value : NotGiven,
        });
    }

    /// <summary>A one-line version of <paramref name="value"/> safe to put inside Markdown text (no line breaks, no markup).</summary>
    public static string Inline(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\r' or '\n' or '\t' => ' ',
                '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' => '\'',
                _ => c,
            });
        }

        var text = builder.ToString().Trim();
        return text.Length > 300 ? text[..297] + "…" : text;
    }

    [GeneratedRegex(@"\{\{|\}\}|\{(?<name>[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

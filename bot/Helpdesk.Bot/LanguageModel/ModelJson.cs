using System.Text.Json;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>Strict reading of a model's JSON reply: exactly one object (a Markdown code fence around it is tolerated), only the expected properties.</summary>
internal static class ModelJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    /// <summary>The reply's object, or null when it is not exactly one JSON object whose properties are all in <paramref name="allowed"/>.</summary>
    public static JsonElement? Object(string text, params string[] allowed)
    {
        var json = Unfence(text);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal) || !seen.Add(property.Name))
                {
                    return null;
                }
            }

            return root.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The string property <paramref name="name"/>, or null when missing or not a string.</summary>
    public static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The array of strings <paramref name="name"/>, or null when missing, not an array, or holding anything but strings.</summary>
    public static IReadOnlyList<string>? Strings(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            items.Add(item.GetString()!);
        }

        return items;
    }

    private static string Unfence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal) || trimmed.Length < 6)
        {
            return trimmed;
        }

        var body = trimmed[3..^3];
        var newline = body.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? body.Trim() : body[(newline + 1)..].Trim();
    }
}

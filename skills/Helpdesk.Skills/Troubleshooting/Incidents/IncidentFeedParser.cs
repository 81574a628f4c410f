using System.Globalization;
using System.Text.Json;

namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>
/// Reads the incidents feed file: JSON, either <c>{"incidents": [ … ]}</c> or a bare array, each item with
/// <c>id</c>, <c>service</c>, <c>title</c>, <c>status</c> (investigating, identified, monitoring, resolved) and optional
/// <c>updated</c>, <c>eta</c> (ISO 8601) and <c>details</c>. Bad items are reported and skipped; the rest load.
/// </summary>
public static class IncidentFeedParser
{
    public static (IReadOnlyList<Incident> Incidents, IReadOnlyList<string> Problems) Parse(string json, DateTimeOffset defaultUpdated)
    {
        ArgumentNullException.ThrowIfNull(json);
        var incidents = new List<Incident>();
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return ([], [$"not valid JSON: {ex.Message}"]);
        }

        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind switch
            {
                JsonValueKind.Array => root,
                JsonValueKind.Object when root.TryGetProperty("incidents", out var list) && list.ValueKind == JsonValueKind.Array => list,
                _ => default,
            };
            if (items.ValueKind != JsonValueKind.Array)
            {
                return ([], ["expected {\"incidents\": [ … ]} or an array of incidents"]);
            }

            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var where = $"incidents[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{where}: expected an object");
                    continue;
                }

                var incident = ParseItem(item, where, defaultUpdated, problems);
                if (incident is null)
                {
                    continue;
                }

                if (!ids.Add(incident.Id))
                {
                    problems.Add($"{where}: duplicate id '{incident.Id}'");
                    continue;
                }

                incidents.Add(incident);
            }
        }

        return (incidents, problems);
    }

    /// <summary>Parses a status name (case-insensitive); null when unknown.</summary>
    public static IncidentStatus? ParseStatus(string? text) =>
        Enum.TryParse<IncidentStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(text, out _) ? status : null;

    private static Incident? ParseItem(JsonElement item, string where, DateTimeOffset defaultUpdated, List<string> problems)
    {
        var id = Text(item, "id");
        var service = Text(item, "service");
        var title = Text(item, "title");
        var statusText = Text(item, "status");
        var missing = new[] { ("id", id), ("service", service), ("title", title), ("status", statusText) }.Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{where}: missing {string.Join(", ", missing.Select(m => $"'{m}'"))}");
            return null;
        }

        if (ParseStatus(statusText) is not { } status)
        {
            problems.Add($"{where} ({id}): unknown status '{statusText}' (use investigating, identified, monitoring or resolved)");
            return null;
        }

        if (!TryDate(item, "updated", out var updated) || !TryDate(item, "eta", out var eta))
        {
            problems.Add($"{where} ({id}): 'updated' and 'eta' must be ISO 8601 dates with a time zone, e.g. 2026-12-01T09:30:00Z");
            return null;
        }

        return new Incident(id!, service!.ToLowerInvariant(), title!, status, updated ?? defaultUpdated, eta, Text(item, "details"), IncidentSource.Feed);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static bool TryDate(JsonElement item, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!item.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}

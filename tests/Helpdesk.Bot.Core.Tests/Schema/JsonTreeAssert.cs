using System.Text.Json;

namespace Helpdesk.Bot.Core.Tests.Schema;

/// <summary>
/// Semantic equality of two JSON documents: same members (in any order), same array items in the same order, and
/// identical scalars — numbers by their exact text ("3.50" is not "3.5"), strings by their decoded value (so
/// "&lt;at&gt;" equals its escaped form "\u003Cat\u003E", but "…34.567Z" is not "…34.567+00:00").
/// A failure names the JSON path of the first difference.
/// </summary>
internal static class JsonTreeAssert
{
    public static void Equal(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var difference = FindDifference(expected.RootElement, actual.RootElement, "$");
        Assert.True(difference is null, $"JSON differs at {difference}\nexpected: {expectedJson}\nactual:   {actualJson}");
    }

    private static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind} {expected.GetRawText()}, got {actual.ValueKind} {actual.GetRawText()}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var member in actual.EnumerateObject())
                {
                    actualMembers[member.Name] = member.Value;
                }

                var seen = 0;
                foreach (var member in expected.EnumerateObject())
                {
                    if (!actualMembers.TryGetValue(member.Name, out var actualValue))
                    {
                        return $"{path}.{member.Name}: missing";
                    }

                    seen++;
                    var inner = FindDifference(member.Value, actualValue, $"{path}.{member.Name}");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return seen == actualMembers.Count
                    ? null
                    : $"{path}: unexpected members {string.Join(", ", actualMembers.Keys.Where(k => !expected.TryGetProperty(k, out _)))}";
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}";
                }

                var index = 0;
                using (var e = expected.EnumerateArray())
                using (var a = actual.EnumerateArray())
                {
                    while (e.MoveNext() && a.MoveNext())
                    {
                        var inner = FindDifference(e.Current, a.Current, $"{path}[{index++}]");
                        if (inner is not null)
                        {
                            return inner;
                        }
                    }
                }

                return null;
            case JsonValueKind.String:
                return string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal)
                    ? null
                    : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
            default:
                return string.Equals(expected.GetRawText(), actual.GetRawText(), StringComparison.Ordinal)
                    ? null
                    : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
        }
    }
}

using System.Text.Json;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>A request the fake endpoint received.</summary>
public sealed record ModelRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, JsonElement Body)
{
    /// <summary>The text of the message with <paramref name="role"/> (system, user).</summary>
    public string Message(string role) => Body.GetProperty("messages").EnumerateArray()
        .Single(m => m.GetProperty("role").GetString() == role)
        .GetProperty("content") is { ValueKind: JsonValueKind.String } content
            ? content.GetString()!
            : string.Concat(Body.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == role).GetProperty("content").EnumerateArray().Select(p => p.GetProperty("text").GetString()));

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

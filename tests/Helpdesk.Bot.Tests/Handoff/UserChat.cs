using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>The user's Web Chat conversation over the host's Direct Line: send text, read what the bot (or agent) sent since.</summary>
public sealed class UserChat(HandoffTestHost host, string conversationId, string token, string userId, string userName)
{
    private string? _watermark;

    public string ConversationId { get; } = conversationId;

    public string Token { get; } = token;

    /// <summary>Sends <paramref name="text"/>, waits for the bot's turn, and returns the texts of the messages sent to the user since the last read.</summary>
    public async Task<IReadOnlyList<JsonElement>> SayAsync(string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Content = new StringContent(
            JsonSerializer.Serialize(new { type = "message", text, from = new { id = userId, name = userName, role = "user" }, locale = "en-US" }),
            Encoding.UTF8,
            "application/json");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.WhenIdleAsync();
        return await ReadAsync();
    }

    /// <summary>The bot's messages (not the user's echoes) since the last read.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadAsync()
    {
        var all = new List<JsonElement>();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={_watermark}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var response = await host.Client.SendAsync(request);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            var page = json.GetProperty("activities").EnumerateArray().ToList();
            if (json.TryGetProperty("watermark", out var w))
            {
                _watermark = w.GetString();
            }

            if (page.Count == 0)
            {
                break;
            }

            all.AddRange(page);
        }

        return all.Where(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("id").GetString() != userId).ToList();
    }

    public static string Texts(IEnumerable<JsonElement> messages) =>
        string.Join("\n", messages.Select(m => m.TryGetProperty("text", out var t) ? t.GetString() : string.Empty));
}

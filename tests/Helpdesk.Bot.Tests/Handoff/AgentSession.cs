using System.Net;
using System.Text;
using System.Text.Json;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>A signed-in console browser: the cookie jar and the antiforgery token its POSTs carry.</summary>
public sealed class AgentSession(HttpClient browser, string antiforgeryHeader, string antiforgeryToken)
{
    public HttpClient Browser { get; } = browser;

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Browser.GetAsync("/agent/api" + path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body = null, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/agent/api" + path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body ?? new { }), Encoding.UTF8, "application/json"),
        };
        if (withToken)
        {
            request.Headers.Add(antiforgeryHeader, antiforgeryToken);
        }

        using var response = await Browser.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> QueueAsync() => await GetAsync("/queue");

    public async Task<long> SingleCaseIdAsync()
    {
        var cases = (await QueueAsync()).GetProperty("cases").EnumerateArray().ToList();
        Assert.Single(cases);
        return cases[0].GetProperty("id").GetInt64();
    }
}

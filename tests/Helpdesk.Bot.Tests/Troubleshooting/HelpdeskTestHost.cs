using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Channels.DirectLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Troubleshooting;

/// <summary>
/// The real host with the real helpdesk bot, spoken to through the built-in Direct Line. Memory storage unless a data
/// folder is given (then SQLite there, so a second host on the same folder is a restarted server).
/// </summary>
internal sealed class HelpdeskTestHost : IAsyncDisposable
{
    public const string Secret = "troubleshooting-secret-0123456789";

    private readonly WebApplicationFactory<Program> _factory;

    public HelpdeskTestHost(
        string? dataDirectory = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        string environment = "Testing",
        Action<IServiceCollection>? services = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Storage:Provider", dataDirectory is null ? "Memory" : "Sqlite");
            builder.UseSetting("Storage:DataDirectory", dataDirectory ?? Path.GetTempPath());
            builder.UseSetting("DirectLine:Secret", Secret);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(collection =>
            {
                collection.AddSingleton<TimeProvider>(Time);
                services?.Invoke(collection);
            });
        });
        Client = _factory.CreateClient();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "helpdesk-ts-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteDataDirectory(string path)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    public async Task<string> StartConversationAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var response = await Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("conversationId").GetString()!;
    }

    /// <summary>Sends a message as the user and returns the texts of the bot's replies to it.</summary>
    public async Task<IReadOnlyList<JsonElement>> SayAsync(string conversationId, string text, string userId = "user-1")
    {
        var before = await ActivitiesAsync(conversationId);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { type = "message", text, from = new { id = userId, name = "Ada Lovelace" } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var response = await Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await Services.GetRequiredService<DirectLineTurnQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var after = await ActivitiesAsync(conversationId);
        return [.. after.Skip(before.Count).Where(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("id").GetString() != userId)];
    }

    /// <summary>
    /// Waits (up to 15 s) until the bot has written, on its own, a message to <paramref name="conversationId"/> whose text
    /// contains <paramref name="text"/> (a proactive message), and returns the text of every bot message there.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForBotMessageAsync(string conversationId, string text, string userId = "user-1")
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var texts = (await ActivitiesAsync(conversationId))
                .Where(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("id").GetString() != userId)
                .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty)
                .ToList();
            if (texts.Any(t => t.Contains(text, StringComparison.Ordinal)) || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                return texts;
            }

            await Task.Delay(25);
        }
    }

    public static string Texts(IReadOnlyList<JsonElement> replies) =>
        string.Join("\n---\n", replies.Select(r => r.TryGetProperty("text", out var t) ? t.GetString() : string.Empty));

    /// <summary>The response body as JSON; fails the test on an empty body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"empty body with {(int)response.StatusCode}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<List<JsonElement>> ActivitiesAsync(string conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var response = await Client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }
}

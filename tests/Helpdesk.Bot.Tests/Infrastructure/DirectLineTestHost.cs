using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Channels.DirectLine.Streaming;
using Helpdesk.Bot.Core.Turns;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>
/// The real host (WebApplicationFactory&lt;Program&gt;) with the Direct Line channel, a <see cref="FakeTimeProvider"/>
/// as the app's clock and <see cref="DirectLineTestBot"/> as the bot. Memory storage unless a data directory is
/// given (then SQLite there, so a second host on the same folder is a restart).
/// </summary>
public sealed class DirectLineTestHost : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789abcdef";

    private readonly WebApplicationFactory<Program> _factory;

    public DirectLineTestHost(string? dataDirectory = null, FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Storage:Provider", dataDirectory is null ? "Memory" : "Sqlite");
            builder.UseSetting("Storage:DataDirectory", dataDirectory ?? Path.GetTempPath());
            builder.UseSetting("DirectLine:Secret", Secret);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                services.AddSingleton<IBot, DirectLineTestBot>();
            });
        });
        Client = _factory.CreateClient();
    }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>A temporary data folder for SQLite hosts (delete with <see cref="DeleteDataDirectory"/>).</summary>
    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "helpdesk-dl-tests", Guid.NewGuid().ToString("N"));
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
            // Best effort: a pooled handle may linger on some platforms.
        }
    }

    /// <summary>Waits until every bot turn queued so far has run.</summary>
    public Task WhenIdleAsync() => Services.GetRequiredService<DirectLineTurnQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, object? body = null, string? rawBody = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (rawBody is not null)
        {
            request.Content = new StringContent(rawBody, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, string? bearer, object? body = null, int expectedStatus = 200)
    {
        using var response = await SendAsync(method, path, bearer, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == (int)response.StatusCode, $"Expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Starts a conversation with the secret (201) and returns its id, token and stream URL.</summary>
    public async Task<(string ConversationId, string Token, string StreamUrl)> StartConversationAsync(string? bearer = null, object? body = null)
    {
        var json = await SendJsonAsync(HttpMethod.Post, "/v3/directline/conversations", bearer ?? Secret, body, 201);
        return (json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!, json.GetProperty("streamUrl").GetString()!);
    }

    public async Task<string> PostMessageAsync(string conversationId, string bearer, string text, string? clientActivityId = null, string userId = "user-1")
    {
        var json = await SendJsonAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", bearer, new
        {
            type = "message",
            text,
            from = new { id = userId, name = "Test User", role = "user" },
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        return json.GetProperty("id").GetString()!;
    }

    public async Task<(JsonElement[] Activities, string? Watermark)> GetActivitiesAsync(string conversationId, string bearer, string? watermark = null)
    {
        var json = await SendJsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", bearer);
        var mark = json.TryGetProperty("watermark", out var w) ? w.GetString() : null;
        return ([.. json.GetProperty("activities").EnumerateArray()], mark);
    }

    /// <summary>Every activity of the conversation after <paramref name="watermark"/>, paging until a page is empty.</summary>
    public async Task<(List<JsonElement> Activities, string? Watermark)> GetAllActivitiesAsync(string conversationId, string bearer, string? watermark = null)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var (page, next) = await GetActivitiesAsync(conversationId, bearer, watermark);
            watermark = next;
            if (page.Length == 0)
            {
                return (all, watermark);
            }

            all.AddRange(page);
        }
    }

    /// <summary>
    /// Opens a WebSocket on a <c>streamUrl</c> through the test server and waits until the server subscribed it
    /// (typing is streamed live only, so a test that expects it must not post before that).
    /// </summary>
    public async Task<WebSocket> ConnectStreamAsync(string streamUrl)
    {
        var client = _factory.Server.CreateWebSocketClient();
        var socket = await client.ConnectAsync(new Uri(streamUrl), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var conversationId = Uri.UnescapeDataString(new Uri(streamUrl).AbsolutePath.Split('/')[^2]);
        var hub = Services.GetRequiredService<DirectLineStreamHub>();
        for (var i = 0; i < 500 && hub.Count(conversationId) == 0; i++)
        {
            await Task.Delay(10);
        }

        return socket;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}

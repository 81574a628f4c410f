using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.PasswordReset.Delivery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.PasswordReset;

/// <summary>
/// The real host (the real bot, embedded directory with the demo users, SQLite in a temporary folder, Development so
/// codes land in the outbox) with a fake clock and every log line captured at Trace level.
/// </summary>
public sealed partial class PasswordResetTestHost : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789abcdef";
    public const string AdminKey = "admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly WebApplicationFactory<Program> _factory;

    public PasswordResetTestHost(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "helpdesk-pr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Storage:DataDirectory", DataDirectory);
            builder.UseSetting("DirectLine:Secret", Secret);
            builder.UseSetting("PasswordReset:MinimumResponseTime", "00:00:00");
            builder.UseSetting("PasswordReset:PublicBaseUrl", "http://localhost");
            builder.UseSetting("PasswordReset:AdminApiKey", AdminKey);
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        });
        Client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, BaseAddress = new Uri("http://localhost") });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public CapturingLoggerProvider Logs { get; } = new();

    public string DataDirectory { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public string DatabasePath => Path.Combine(DataDirectory, "helpdesk.db");

    /// <summary>Waits until the bot's turns and the out-of-band queue are idle.</summary>
    public async Task WhenIdleAsync()
    {
        await Services.GetRequiredService<DirectLineTurnQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Services.GetRequiredService<OutOfBandDispatcher>().WhenIdleAsync(timeout.Token);
    }

    internal DevOutbox Outbox => Services.GetRequiredService<DevOutbox>();

    /// <summary>The digits of the newest code sent to <paramref name="to"/>.</summary>
    public string LastCodeTo(string to)
    {
        var message = Outbox.Messages.FirstOrDefault(m => m.To == to && m.Body.Contains("code", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("No code in the outbox for " + to);
        return CodeIn().Match(message.Body).Value;
    }

    public async Task<(string ConversationId, string Token)> StartConversationAsync()
    {
        var json = await SendJsonAsync(HttpMethod.Post, "/v3/directline/conversations", Secret, new { user = new { id = "dl_user1", name = "Ada" } }, 201);
        return (json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!);
    }

    /// <summary>Posts a message and returns the bot's replies to it (after its turn ran).</summary>
    public async Task<List<string>> SayAsync(string conversationId, string token, string text)
    {
        var before = await ActivitiesAsync(conversationId, token);
        await SendJsonAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, new
        {
            type = "message",
            text,
            from = new { id = "dl_user1", name = "Ada", role = "user" },
            channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
        });
        await WhenIdleAsync();
        var after = await ActivitiesAsync(conversationId, token);
        return [.. after.Skip(before.Count).Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.TryGetProperty("text", out _)).Select(a => a.GetProperty("text").GetString()!)];
    }

    /// <summary>Everything a client gets for the conversation (GET activities from watermark 0).</summary>
    public async Task<List<JsonElement>> ActivitiesAsync(string conversationId, string token)
    {
        var json = await SendJsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        return [.. json.GetProperty("activities").EnumerateArray()];
    }

    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, string? bearer, object? body = null, int expectedStatus = 200)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == (int)response.StatusCode, $"{method} {path}: expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Loads the reset page (antiforgery cookie) and returns the request token from its meta tag.</summary>
    public async Task<string> OpenResetPageAsync()
    {
        var html = await Client.GetStringAsync("/reset");
        return System.Net.WebUtility.HtmlDecode(MetaToken().Match(html).Groups[1].Value);
    }

    /// <summary>POSTs JSON to the reset page's API with the antiforgery header.</summary>
    public async Task<(int Status, JsonElement Body)> ResetApiAsync(string path, string? antiforgery, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (antiforgery is not null)
        {
            request.Headers.Add(Helpdesk.Bot.Hosting.AntiforgeryExtensions.HeaderName, antiforgery);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The token of the reset link in <paramref name="text"/>.</summary>
    public static string LinkTokenIn(string text)
    {
        var match = LinkToken().Match(text);
        Assert.True(match.Success, "No reset link in: " + text);
        return match.Groups[1].Value;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger; the temp folder is cleaned by the OS.
        }
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex CodeIn();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\">")]
    private static partial Regex MetaToken();

    [GeneratedRegex(@"http://localhost/reset#([A-Za-z0-9_\-]{43})")]
    private static partial Regex LinkToken();
}

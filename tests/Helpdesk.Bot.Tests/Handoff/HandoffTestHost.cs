using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Bot.Channels.DirectLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>
/// The real host with the real bot, the Direct Line channel as the user's client and the agent console's API as the
/// agents' client (each agent its own cookie jar). A <see cref="FakeTimeProvider"/> is the app's clock. SQLite in a
/// data folder when given (a second host on the same folder is a restart), otherwise in memory.
/// </summary>
public sealed partial class HandoffTestHost : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789abcdef";

    private readonly WebApplicationFactory<Program> _factory;

    public HandoffTestHost(string? dataDirectory = null, FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Storage:Provider", dataDirectory is null ? "Memory" : "Sqlite");
            builder.UseSetting("Storage:DataDirectory", dataDirectory ?? Path.GetTempPath());
            builder.UseSetting("DirectLine:Secret", Secret);
            builder.UseSetting("Handoff:Console:SeedDemoAgents", "true");
            builder.UseSetting("Handoff:BusinessHours:AlwaysOpen", "true");

            // Deflection (the best article before a person) is tested on its own; elsewhere it would only add a step.
            builder.UseSetting("Handoff:Deflection", "false");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(Time);
                services?.Invoke(s);
            });
        });
        _factory.StartServer();
        Client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public TestServer Server => _factory.Server;

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "helpdesk-handoff-tests", Guid.NewGuid().ToString("N"));
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

    /// <summary>A client with its own cookie jar (an agent's browser), not signed in.</summary>
    public HttpClient NewBrowser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the login form (antiforgery token from the page) and returns the console's antiforgery token.</summary>
    public static async Task<AgentSession> SignInAsync(HttpClient browser, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.GetStringAsync("/agent/login");
        var field = FormField().Match(page);
        Assert.True(field.Success, "The login page has no antiforgery field: " + page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field.Groups["name"].Value] = WebUtility.HtmlDecode(field.Groups["value"].Value),
            ["username"] = username,
            ["password"] = password,
        });
        using var response = await browser.PostAsync("/agent/login", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent", response.Headers.Location?.OriginalString);
        var session = JsonDocument.Parse(await browser.GetStringAsync("/agent/api/session")).RootElement;
        return new AgentSession(browser, session.GetProperty("antiforgeryHeader").GetString()!, session.GetProperty("antiforgeryToken").GetString()!);
    }

    public async Task<AgentSession> SignInAgentAsync() => await SignInAsync(NewBrowser(), "agent", "Agent-Demo-2026!");

    public async Task<AgentSession> SignInSupervisorAsync() => await SignInAsync(NewBrowser(), "supervisor", "Supervisor-Demo-2026!");

    // ---- the user's side: Direct Line ---------------------------------------------------------------------------

    public async Task<UserChat> StartChatAsync(string userId = "user-1", string userName = "Alex Wilber")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        request.Content = new StringContent(JsonSerializer.Serialize(new { user = new { id = userId, name = userName } }), Encoding.UTF8, "application/json");
        using var response = await Client.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var chat = new UserChat(this, json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!, userId, userName);
        await WhenIdleAsync();
        return chat;
    }

    /// <summary>Waits until every bot turn queued so far has run.</summary>
    public Task WhenIdleAsync() => Services.GetRequiredService<DirectLineTurnQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex FormField();
}

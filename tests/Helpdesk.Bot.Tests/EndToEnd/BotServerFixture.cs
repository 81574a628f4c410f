using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>
/// The REAL host (Program) on Kestrel, on a free loopback port, with SQLite storage in a temporary data folder —
/// so out-of-process clients (Chromium, Node) can reach it over real HTTP and WebSockets.
/// Its content root is the host project folder, so the page and wwwroot/lib/webchat.js are served from there.
/// </summary>
public sealed class BotServerFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "helpdesk-bot-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyList<(string Key, string Value)> _settings;
    private WebApplicationFactory<Program>? _factory;

    public BotServerFixture()
        : this([])
    {
    }

    /// <summary>A server with extra settings (e.g. other article folders).</summary>
    internal BotServerFixture(IReadOnlyList<(string Key, string Value)> settings)
    {
        _settings = settings;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Storage:DataDirectory", _dataDirectory);
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }
        });

        // An explicit endpoint, so the configured Urls (http://localhost:3978) never collide with a running bot.
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();

        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The host's server reports no addresses (is it Kestrel?).");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The host started without an http:// address: " + string.Join(", ", addresses));
        BaseUrl = address.TrimEnd('/');
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
        catch (IOException)
        {
            // A file still held open on a slow shutdown; the OS temp cleaner removes it.
        }
    }
}

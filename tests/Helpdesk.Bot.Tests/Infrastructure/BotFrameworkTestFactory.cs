using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Core.Turns;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>
/// The real host with in-memory storage, a test bot, and every Bot Framework HTTP client pointed at
/// <see cref="BotFrameworkFakeCloud"/>. <see cref="Authenticated"/> configures an app id (tokens required);
/// <see cref="Anonymous"/> none.
/// </summary>
internal sealed class BotFrameworkTestFactory : WebApplicationFactory<Program>
{
    public const string TeamsConversationId = "19:abc@thread.tacv2;messageid=123";

    private readonly bool _useTestBot;

    private BotFrameworkTestFactory(bool authenticated, bool useTestBot = true)
    {
        _useTestBot = useTestBot;
        Settings["Storage:Provider"] = "Memory";
        Settings["Bot:OpenIdMetadataUrl"] = BotFrameworkFakeCloud.MetadataUrl;
        Settings["Bot:EntraOpenIdMetadataUrl"] = BotFrameworkFakeCloud.EntraMetadataUrl;
        Settings["Bot:Authority"] = BotFrameworkFakeCloud.Authority;
        Settings["Bot:RetryBaseDelay"] = "00:00:00";
        Settings["Bot:MaxRetries"] = "2";
        Settings["Bot:AppId"] = authenticated ? BotFrameworkFakeCloud.AppId : string.Empty;
        Settings["Bot:AppPassword"] = authenticated ? BotFrameworkFakeCloud.AppPassword : string.Empty;
        Settings["Bot:AppType"] = "MultiTenant";
        Settings["Bot:TenantId"] = string.Empty;
    }

    public BotFrameworkFakeCloud Cloud { get; } = new();

    /// <summary>The host's clock (tokens are minted relative to it; retry waits advance only when the test says).</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));

    public BotFrameworkTestBot Bot { get; } = new();

    public BotFrameworkLogSink Logs { get; } = new();

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static BotFrameworkTestFactory Authenticated() => new(authenticated: true);

    public static BotFrameworkTestFactory Anonymous() => new(authenticated: false);

    /// <summary>No app id, and the real helpdesk bot (dialogs, Teams middleware) instead of <see cref="Bot"/>.</summary>
    public static BotFrameworkTestFactory AnonymousWithHelpdeskBot() => new(authenticated: false, useTestBot: false);

    /// <summary>A Teams-style message in a channel thread, addressed to the bot.</summary>
    public static JsonObject TeamsMessage(string text = "hello", string serviceUrl = BotFrameworkFakeCloud.ServiceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = "act-1",
        ["timestamp"] = "2025-01-01T10:00:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Ada", ["aadObjectId"] = "aad-user-1" },
        ["conversation"] = new JsonObject { ["id"] = TeamsConversationId, ["conversationType"] = "channel", ["tenantId"] = BotFrameworkFakeCloud.TenantId },
        ["recipient"] = new JsonObject { ["id"] = "28:" + BotFrameworkFakeCloud.AppId, ["name"] = "Helpdesk" },
        ["text"] = text,
        ["locale"] = "en-US",
    };

    /// <summary>Posts <paramref name="body"/> to /api/messages with an optional bearer token.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(string body, string? token = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotFrameworkProtocol.MessagesRoute)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostActivityAsync(JsonNode activity, string? token = null) =>
        PostActivityAsync(activity.ToJsonString(), token);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (_useTestBot)
            {
                services.AddSingleton<IBot>(Bot);
            }

            services.AddSingleton<TimeProvider>(Time);
            foreach (var name in new[] { BotFrameworkProtocol.ConnectorHttpClient, BotFrameworkProtocol.TokenHttpClient, BotFrameworkProtocol.OpenIdMetadataHttpClient })
            {
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => Cloud);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Cloud.Dispose();
        }
    }
}

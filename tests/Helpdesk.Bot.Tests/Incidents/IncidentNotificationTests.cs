using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Teams.Proactive;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Incidents;
using Helpdesk.Bot.Tests.Infrastructure;
using Helpdesk.Bot.Tests.Troubleshooting;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Incidents;

/// <summary>
/// A user subscribes to a known incident in a troubleshooting flow; an admin changes it through the admin API; the
/// update reaches the user's own conversation proactively — Direct Line through the built-in store, Teams through the
/// (fake) Bot Connector — with a gone conversation closing the subscription and a transient failure retried.
/// </summary>
public sealed class IncidentNotificationTests
{
    private const string Key = "admin-key-0123456789-abcdefghijklmnop";
    private const string Route = "/api/admin/incidents";
    private const string PersonalConversation = "a:1personal-incident-chat";
    private const string UpdateHeading = "Update on a known issue";

    [Fact]
    public async Task AdminUpdatesThenResolves_DirectLineSubscriberToldBothTimesThenNothingMore()
    {
        await using var host = new HelpdeskTestHost(settings: new Dictionary<string, string?> { ["Incidents:AdminApiKey"] = Key });
        using (await AdminAsync(host.Client, HttpMethod.Post, Route, new { id = "INC-VPN1", service = "vpn", title = "VPN connections failing" }))
        {
        }

        var conversation = await host.StartConversationAsync();
        await SubscribeOverDirectLineAsync(host, conversation);

        using (var patch = await AdminAsync(host.Client, HttpMethod.Patch, $"{Route}/INC-VPN1", new { status = "identified", details = "A certificate expired; use the hotspot meanwhile." }))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }

        var texts = await host.WaitForBotMessageAsync(conversation, UpdateHeading);
        var update = Assert.Single(texts, t => t.Contains(UpdateHeading, StringComparison.Ordinal));
        Assert.Contains("VPN connections failing", update, StringComparison.Ordinal);
        Assert.Contains("Status: **Identified**", update, StringComparison.Ordinal);
        Assert.Contains("use the hotspot meanwhile", update, StringComparison.Ordinal);

        using (await AdminAsync(host.Client, HttpMethod.Post, $"{Route}/INC-VPN1/resolve", new { }))
        {
        }

        texts = await host.WaitForBotMessageAsync(conversation, "**Resolved:** VPN connections failing");
        Assert.Contains(texts, t => t.Contains("**Resolved:** VPN connections failing", StringComparison.Ordinal));

        // Nothing more after the resolution, however often the dispatcher looks.
        var dispatcher = host.Services.GetRequiredService<IncidentNotificationDispatcher>();
        Assert.Equal(0, await dispatcher.DispatchAsync(CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IIncidentStore>().OpenSubscriptionsAsync(CancellationToken.None));
        var final = await host.WaitForBotMessageAsync(conversation, "**Resolved:**");
        Assert.Equal(texts.Count, final.Count);
    }

    [Fact]
    public async Task AdminUpdate_TeamsSubscriber_PostedToTheirConversationThroughTheConnector()
    {
        using var factory = TeamsFactory();
        using var admin = factory.CreateClient();
        using (await AdminAsync(admin, HttpMethod.Post, Route, new { id = "INC-VPN2", service = "vpn", title = "VPN connections failing" }))
        {
        }

        await SubscribeOverTeamsAsync(factory);
        var before = factory.Cloud.ConnectorRequests.Count;

        using (await AdminAsync(admin, HttpMethod.Patch, $"{Route}/INC-VPN2", new { status = "monitoring" }))
        {
        }

        var call = await WaitForConnectorCallAsync(factory, before, UpdateHeading);
        Assert.Equal($"https://smba.connector.test/amer/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities", call.Uri.AbsoluteUri);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Contains("Status: **Monitoring**", call.Activity.Text, StringComparison.Ordinal);
        Assert.Null(call.Activity.ReplyToId);
    }

    [Fact]
    public async Task AdminUpdate_TeamsConversationGone_SubscriptionClosedReferenceDeadAndLoggedWithoutContent()
    {
        using var factory = TeamsFactory();
        using var admin = factory.CreateClient();
        using (await AdminAsync(admin, HttpMethod.Post, Route, new { id = "INC-VPN3", service = "vpn", title = "VPN connections failing" }))
        {
        }

        await SubscribeOverTeamsAsync(factory);
        factory.Cloud.ScriptConnector(() => Error(HttpStatusCode.NotFound, "ConversationNotFound", "Conversation not found."));
        var before = factory.Cloud.ConnectorRequests.Count;

        using (await AdminAsync(admin, HttpMethod.Patch, $"{Route}/INC-VPN3", new { status = "identified", details = "Secret-free details" }))
        {
        }

        var store = factory.Services.GetRequiredService<IConversationReferenceStore>();
        var incidents = factory.Services.GetRequiredService<IIncidentStore>();
        await WaitUntilAsync(async () => (await incidents.OpenSubscriptionsAsync(CancellationToken.None)).Count == 0);
        Assert.True((await store.GetAsync(ChannelIds.Msteams, PersonalConversation, CancellationToken.None))!.IsDead);
        Assert.Equal(before + 1, factory.Cloud.ConnectorRequests.Count);

        // A later change tries nobody.
        var dispatcher = factory.Services.GetRequiredService<IncidentNotificationDispatcher>();
        using (await AdminAsync(admin, HttpMethod.Post, $"{Route}/INC-VPN3/resolve", new { }))
        {
        }

        Assert.Equal(0, await dispatcher.DispatchAsync(CancellationToken.None));
        Assert.Equal(before + 1, factory.Cloud.ConnectorRequests.Count);
        Assert.True(factory.Logs.Contains("subscription closed"));
        Assert.False(factory.Logs.Contains("Secret-free details"));
        Assert.False(factory.Logs.Contains(PersonalConversation));
        Assert.False(factory.Logs.Contains("29:user-1"));
    }

    [Fact]
    public async Task AdminUpdate_TeamsThrottles_RetriedAfterBackoffAndDeliveredOnce()
    {
        using var factory = TeamsFactory();
        using var admin = factory.CreateClient();
        using (await AdminAsync(admin, HttpMethod.Post, Route, new { id = "INC-VPN4", service = "vpn", title = "VPN connections failing" }))
        {
        }

        await SubscribeOverTeamsAsync(factory);

        // The adapter's own quick retries (Bot:MaxRetries 2) all throttled: the dispatcher's attempt fails.
        factory.Cloud.ScriptConnector(
            () => BotFrameworkFakeCloud.Status(HttpStatusCode.TooManyRequests, "0"),
            () => BotFrameworkFakeCloud.Status(HttpStatusCode.TooManyRequests, "0"),
            () => BotFrameworkFakeCloud.Status(HttpStatusCode.TooManyRequests, "0"));
        var before = factory.Cloud.ConnectorRequests.Count;
        var dispatcher = factory.Services.GetRequiredService<IncidentNotificationDispatcher>();
        var rounds = dispatcher.Rounds;

        using (await AdminAsync(admin, HttpMethod.Patch, $"{Route}/INC-VPN4", new { status = "identified" }))
        {
        }

        await WaitUntilAsync(() => Task.FromResult(factory.Cloud.ConnectorRequests.Count >= before + 3 && dispatcher.Rounds > rounds));
        Assert.Equal(before + 3, factory.Cloud.ConnectorRequests.Count);
        var subscription = Assert.Single(await factory.Services.GetRequiredService<IIncidentStore>().OpenSubscriptionsAsync(CancellationToken.None));
        Assert.False((await factory.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(ChannelIds.Msteams, PersonalConversation, CancellationToken.None))!.IsDead);

        // Backing off: another round before the interval has passed sends nothing.
        Assert.Equal(0, await dispatcher.DispatchAsync(CancellationToken.None));
        Assert.Equal(before + 3, factory.Cloud.ConnectorRequests.Count);

        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var call = await WaitForConnectorCallAsync(factory, before + 3, UpdateHeading);
        Assert.Contains("Status: **Identified**", call.Activity.Text, StringComparison.Ordinal);
        Assert.Equal(0, await dispatcher.DispatchAsync(CancellationToken.None));
        Assert.Single(factory.Cloud.ConnectorRequests.Skip(before + 3), r => r.Body.Contains(UpdateHeading, StringComparison.Ordinal));
        Assert.Equal("INC-VPN4", subscription.IncidentId);
    }

    private static BotFrameworkTestFactory TeamsFactory()
    {
        var factory = BotFrameworkTestFactory.AnonymousWithHelpdeskBot();
        factory.Settings["Incidents:AdminApiKey"] = Key;
        factory.Settings["Incidents:NotificationInterval"] = "00:00:30";
        return factory;
    }

    private static async Task SubscribeOverDirectLineAsync(HelpdeskTestHost host, string conversation)
    {
        Assert.Contains("Sounds like a VPN problem", HelpdeskTestHost.Texts(await host.SayAsync(conversation, "vpn keeps disconnecting")), StringComparison.Ordinal);
        Assert.Contains("**Known issue:** VPN connections failing", HelpdeskTestHost.Texts(await host.SayAsync(conversation, "yes")), StringComparison.Ordinal);
        Assert.Contains("You're on the list for updates", HelpdeskTestHost.Texts(await host.SayAsync(conversation, "Notify me of updates")), StringComparison.Ordinal);
    }

    private static async Task SubscribeOverTeamsAsync(BotFrameworkTestFactory factory)
    {
        await TeamsSayAsync(factory, "vpn keeps disconnecting", "Sounds like a VPN problem");
        await TeamsSayAsync(factory, "yes", "Known issue:");
        await TeamsSayAsync(factory, "Notify me of updates", "You're on the list for updates");
    }

    private static async Task TeamsSayAsync(BotFrameworkTestFactory factory, string text, string expected)
    {
        var before = factory.Cloud.ConnectorRequests.Count;
        var activity = BotFrameworkTestFactory.TeamsMessage(text);
        activity["id"] = "act-" + Guid.NewGuid().ToString("N");
        activity["conversation"] = new JsonObject { ["id"] = PersonalConversation, ["conversationType"] = "personal", ["tenantId"] = BotFrameworkFakeCloud.TenantId };
        using var response = await factory.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        var replies = string.Join("\n", factory.Cloud.ConnectorRequests.Skip(before).Select(r => r.Body));
        Assert.Contains(expected, replies, StringComparison.Ordinal);
    }

    private static async Task<BotFrameworkRecordedRequest> WaitForConnectorCallAsync(BotFrameworkTestFactory factory, int skip, string text)
    {
        BotFrameworkRecordedRequest? found = null;
        await WaitUntilAsync(() =>
        {
            found = factory.Cloud.ConnectorRequests.Skip(skip).FirstOrDefault(r => r.Body.Contains(text, StringComparison.Ordinal));
            return Task.FromResult(found is not null);
        });
        return found!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "timed out waiting for the incident dispatcher");
            await Task.Delay(25);
        }
    }

    private static async Task<HttpResponseMessage> AdminAsync(HttpClient client, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", Key);
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) => new(status)
    {
        Content = new StringContent(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), Encoding.UTF8, "application/json"),
    };
}

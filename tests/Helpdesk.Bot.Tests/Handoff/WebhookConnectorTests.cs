using System.Net;
using Helpdesk.Bot.Handoff;
using Helpdesk.Bot.Handoff.Itsm;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Skills.Cases;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>The generic ticket webhook: signed deliveries, retries on transient failures, ticket number from the answer.</summary>
public sealed class WebhookConnectorTests
{
    private const string Secret = "whsec-0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CreateAsync_TwoFailuresThenSuccess_RetriedSignedSameDeliveryTicketFromAnswer()
    {
        var attempts = 0;
        var handler = new RecordedHttpHandler().On(_ => true, () => ++attempts < 3
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"ticketNumber\":\"EXT-4711\"}") });

        var number = await Connector(handler).CreateAsync(Case(), Context(), CancellationToken.None);

        Assert.Equal("EXT-4711", number);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Single(handler.Requests.Select(r => r.Headers[WebhookSignature.DeliveryHeader]).Distinct());
        foreach (var request in handler.Requests)
        {
            Assert.Equal("case.created", request.Headers[WebhookSignature.EventHeader]);
            Assert.True(WebhookSignature.Verify(Secret, request.Headers[WebhookSignature.TimestampHeader], request.Headers[WebhookSignature.SignatureHeader], request.Body, Now, TimeSpan.FromMinutes(5)));
            Assert.False(WebhookSignature.Verify("another-secret-0123456789abcdef0123", request.Headers[WebhookSignature.TimestampHeader], request.Headers[WebhookSignature.SignatureHeader], request.Body, Now, TimeSpan.FromMinutes(5)));
        }

        var body = handler.Requests[0].Json;
        Assert.Equal("case.created", body.GetProperty("event").GetString());
        Assert.Equal("HD-000003", body.GetProperty("data").GetProperty("caseNumber").GetString());
        Assert.Equal("VPN drops.", body.GetProperty("data").GetProperty("context").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Deliver_ClientError_NotRetried()
    {
        var handler = new RecordedHttpHandler().On(_ => true, () => new HttpResponseMessage(HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Connector(handler).AddWorkNoteAsync("HD-000003", "note", CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Deliver_AlwaysFailing_GivesUpAfterMaxAttempts()
    {
        var handler = new RecordedHttpHandler().On(_ => true, () => new HttpResponseMessage(HttpStatusCode.BadGateway));

        await Assert.ThrowsAsync<HttpRequestException>(() => Connector(handler).ResolveAsync("HD-000003", "done", CancellationToken.None));

        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public void Verify_OldTimestamp_Rejected()
    {
        var body = "{}"u8.ToArray();
        var old = Now.AddMinutes(-10).ToUnixTimeSeconds();

        Assert.False(WebhookSignature.Verify(Secret, old.ToString(System.Globalization.CultureInfo.InvariantCulture), WebhookSignature.Sign(Secret, old, body), body, Now, TimeSpan.FromMinutes(5)));
    }

    private static WebhookItsmConnector Connector(RecordedHttpHandler handler)
    {
        var time = new FakeTimeProvider(Now);
        return new WebhookItsmConnector(
            new SingleClientFactory(handler),
            Options.Create(new ItsmOptions { Connector = "Webhook", Webhook = new ItsmWebhookOptions { Url = "https://tickets.contoso.example/hooks/helpdesk", Secret = Secret, RetryBaseDelay = TimeSpan.Zero } }),
            new BuiltInItsmConnector(new SqlHandoffStore(SqliteHandoffDialect.InMemory()), time),
            time,
            NullLogger<WebhookItsmConnector>.Instance);
    }

    private static HandoffCase Case() => new()
    {
        Id = 3,
        ConversationKey = "webchat/c",
        AdapterName = "directline",
        ReferenceJson = "{}",
        Priority = TicketPriority.P3,
        Category = "network/vpn",
        Reason = "VPN drops",
        ChannelId = "webchat",
        ContextJson = "{}",
    };

    private static HandoffContext Context() => new()
    {
        User = new HandoffUser("u", "Alex", null, null, false, null),
        Channel = new HandoffChannel("webchat", "c"),
        Category = "network/vpn",
        Priority = "P3",
        Trigger = "UserAsked",
        Reason = "VPN drops",
        Summary = "VPN drops.",
        EscalatedAt = Now,
    };
}

using System.Net;
using System.Text.Json;
using Helpdesk.Bot.PasswordReset.Delivery;
using Helpdesk.Bot.Tests.PasswordReset.EntraId;
using Helpdesk.Skills.PasswordReset.Delivery;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.PasswordReset;

/// <summary>The pluggable HTTP SMS provider at the HTTP level.</summary>
public sealed class HttpSmsSenderTests
{
    private static readonly Func<Uri, bool> Endpoint = u => u.AbsoluteUri == "https://sms.example/v1/messages";

    [Fact]
    public async Task Send_PostsJsonWithTheBearerKey()
    {
        var provider = new RecordedGraphHandler().On(HttpMethod.Post, Endpoint, HttpStatusCode.Accepted, """{"id":"msg-1"}""");
        var sender = Sender(provider, new SmsOptions { Endpoint = "https://sms.example/v1/messages", ApiKey = "sms-key", From = "Contoso" });

        await sender.SendAsync(new OutOfBandMessage(DeliveryChannel.Sms, "+15550100001", string.Empty, "Contoso IT help: your verification code is 123456", "code"), default);

        var request = Assert.Single(provider.Requests);
        Assert.Equal("Bearer sms-key", request.Authorization);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("+15550100001", body.RootElement.GetProperty("to").GetString());
        Assert.Equal("Contoso", body.RootElement.GetProperty("from").GetString());
        Assert.Contains("123456", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ProviderFails_Throws()
    {
        var provider = new RecordedGraphHandler().On(HttpMethod.Post, Endpoint, HttpStatusCode.BadGateway, null);
        var sender = Sender(provider, new SmsOptions { Endpoint = "https://sms.example/v1/messages", ApiKey = "k", ApiKeyHeader = "X-Api-Key" });

        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(new OutOfBandMessage(DeliveryChannel.Sms, "+1555", string.Empty, "x", "code"), default));
        Assert.Null(Assert.Single(provider.Requests).Authorization);
    }

    private static HttpSmsSender Sender(HttpMessageHandler handler, SmsOptions options) => new(new Factory(handler), Options.Create(options));

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}

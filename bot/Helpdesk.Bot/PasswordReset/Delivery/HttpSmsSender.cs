using System.Net.Http.Headers;
using System.Net.Http.Json;
using Helpdesk.Skills.PasswordReset.Delivery;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.PasswordReset.Delivery;

/// <summary>Sends text messages through the configured HTTP provider (see <see cref="SmsOptions"/>); any non-2xx answer is a failure.</summary>
internal sealed class HttpSmsSender(IHttpClientFactory clients, IOptions<SmsOptions> options) : IOutOfBandSender
{
    public const string ClientName = "password-reset-sms";

    public DeliveryChannel Channel => DeliveryChannel.Sms;

    public async Task SendAsync(OutOfBandMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sms = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Endpoint)
        {
            Content = JsonContent.Create(new SmsRequest(message.To, sms.From, message.Body)),
        };
        if (!string.IsNullOrEmpty(sms.ApiKey))
        {
            if (string.Equals(sms.ApiKeyHeader, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.ApiKey);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(sms.ApiKeyHeader, sms.ApiKey);
            }
        }

        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The SMS provider answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    private sealed record SmsRequest(string To, string? From, string Text);
}

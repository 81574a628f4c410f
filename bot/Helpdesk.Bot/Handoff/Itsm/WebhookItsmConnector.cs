using System.Net;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Handoff.Store;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>
/// Any ticket system behind a webhook: each event (<c>case.created</c>, <c>case.note</c>, <c>case.resolved</c>) is a
/// JSON POST signed with HMAC-SHA256 (<see cref="WebhookSignature"/>), retried with exponential backoff on 408, 429,
/// 5xx and network errors (same delivery id on every attempt, so the receiver can de-duplicate). The receiver may
/// answer <c>case.created</c> with <c>{"ticketNumber":"…"}</c>; otherwise the case number is the ticket number.
/// Status questions are answered from the queue's own store.
/// </summary>
internal sealed class WebhookItsmConnector(
    IHttpClientFactory httpClientFactory,
    IOptions<ItsmOptions> options,
    BuiltInItsmConnector builtIn,
    TimeProvider time,
    ILogger<WebhookItsmConnector> logger) : IItsmConnector
{
    public const string ConnectorName = "webhook";
    public const string HttpClientName = "itsm-webhook";

    private readonly ItsmWebhookOptions _options = options.Value.Webhook;

    public string Name => ConnectorName;

    public async Task<string> CreateAsync(HandoffCase handoff, HandoffContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var answer = await DeliverAsync("case.created", new
        {
            caseNumber = handoff.Number,
            priority = handoff.Priority.ToString(),
            category = handoff.Category,
            shortDescription = handoff.Reason,
            description = HandoffContextText.Render(context, handoff.Number),
            context,
        }, cancellationToken);
        return answer is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("ticketNumber", out var number) && number.GetString() is { Length: > 0 } ticket
            ? ticket
            : handoff.Number;
    }

    public async Task AddWorkNoteAsync(string ticketNumber, string note, CancellationToken cancellationToken) =>
        await DeliverAsync("case.note", new { ticketNumber, note }, cancellationToken);

    public async Task ResolveAsync(string ticketNumber, string note, CancellationToken cancellationToken) =>
        await DeliverAsync("case.resolved", new { ticketNumber, note }, cancellationToken);

    public Task<TicketStatus?> GetStatusAsync(string ticketNumber, CancellationToken cancellationToken) => builtIn.GetStatusAsync(ticketNumber, cancellationToken);

    private async Task<JsonElement?> DeliverAsync(string eventName, object payload, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { @event = eventName, sentAt = time.GetUtcNow(), data = payload }, HandoffJson.Options);
        var delivery = Guid.NewGuid().ToString("N");
        var client = httpClientFactory.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(_options.Secret!, timestamp, body));
            request.Headers.Add(WebhookSignature.EventHeader, eventName);
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery);
            TimeSpan? retryAfter = null;
            HttpStatusCode? status = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.Timeout);
                using var response = await client.SendAsync(request, timeout.Token);
                status = response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    try
                    {
                        return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
                    }
                    catch (JsonException)
                    {
                        return null;
                    }
                }

                if (!IsTransient(response.StatusCode))
                {
                    throw new HttpRequestException($"The ticket webhook refused {eventName} ({(int)response.StatusCode}).", null, response.StatusCode);
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception ex) when (ex is HttpRequestException { StatusCode: null } or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                status = null;
            }

            if (attempt >= _options.MaxAttempts)
            {
                throw new HttpRequestException($"The ticket webhook did not accept {eventName} after {attempt} attempts (last: {(status is null ? "no answer" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture))}).", null, status);
            }

            var delay = retryAfter ?? _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
            logger.LogWarning("Ticket webhook: {Event} attempt {Attempt} failed ({Status}); retrying in {Delay}", eventName, attempt, status, delay);
            await Task.Delay(delay > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : delay, time, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}

using System.Globalization;
using System.Net;
using Helpdesk.Bot.Channels.BotFramework;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// Sees every response of the model endpoint: a 429 (rate limited) or 503 (overloaded) pauses the model for what the
/// endpoint asks — <c>retry-after-ms</c> (Azure OpenAI, OpenAI) or <c>Retry-After</c> (seconds or an HTTP date).
/// </summary>
internal sealed class RateLimitHandler(LanguageModelThrottle throttle, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            throttle.PauseFor(RetryAfter(response));
        }

        return response;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.NonValidated.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0 && milliseconds < TimeSpan.MaxValue.TotalMilliseconds)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        return BotFrameworkRetryAfter.From(response, time.GetUtcNow());
    }
}

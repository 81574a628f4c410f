using System.Net;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// Retries Bot Connector and token calls that failed transiently (408, 429, 5xx except 501/505, connection
/// failures, attempt time-outs) with exponential backoff and jitter, honouring <c>Retry-After</c>. Attempts are
/// bounded by <see cref="BotFrameworkOptions.MaxRetries"/>; a Retry-After longer than
/// <see cref="BotFrameworkOptions.MaxRetryDelay"/> ends the retries. All waits go through <see cref="TimeProvider"/>.
/// </summary>
internal sealed class BotFrameworkRetryHandler(
    IOptions<BotFrameworkOptions> options,
    TimeProvider timeProvider,
    ILogger<BotFrameworkRetryHandler> logger) : DelegatingHandler
{
    private readonly BotFrameworkOptions _options = options.Value;

    /// <summary>True for statuses worth another attempt.</summary>
    public static bool IsTransient(HttpStatusCode status) => status switch
    {
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => true,
        HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported => false,
        _ => (int)status >= 500,
    };

    /// <summary>
    /// Exponential backoff for retry number <paramref name="retry"/> (1-based): base × 2^(retry−1), capped at
    /// <paramref name="max"/>, scaled by <paramref name="jitter"/> (0..1) into the upper half so retries spread out.
    /// </summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan max, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        var clampedJitter = Math.Clamp(jitter, 0, 1);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * clampedJitter));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            Exception? failure = null;
            using (var timeout = new CancellationTokenSource(_options.AttemptTimeout, timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    response = await base.SendAsync(request, linked.Token);
                }
                catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
                {
                    failure = ex;
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
                {
                    failure = new HttpRequestException($"The call did not answer within {_options.AttemptTimeout}.", ex, HttpStatusCode.RequestTimeout);
                }
            }

            if (response is not null && !IsTransient(response.StatusCode))
            {
                return response;
            }

            if (attempt > _options.MaxRetries)
            {
                if (response is null)
                {
                    ExceptionDispatchInfo.Throw(failure!);
                }

                return response;
            }

            var retryAfter = response is null ? null : BotFrameworkRetryAfter.From(response, timeProvider.GetUtcNow());
            if (retryAfter > _options.MaxRetryDelay)
            {
                logger.LogWarning(
                    "{Host} answered {Status} with Retry-After {RetryAfter}, beyond the {MaxDelay} limit; not retrying",
                    request.RequestUri?.Host, (int)response!.StatusCode, retryAfter, _options.MaxRetryDelay);
                return response;
            }

            var delay = retryAfter ?? Backoff(attempt, _options.RetryBaseDelay, _options.MaxRetryDelay, Random.Shared.NextDouble());
            logger.LogWarning(
                "{Host} call failed ({Reason}); retry {Retry} of {MaxRetries} in {Delay}",
                request.RequestUri?.Host,
                response is null ? failure!.GetType().Name : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                attempt,
                _options.MaxRetries,
                delay);
            response?.Dispose();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }
    }

    private static bool IsTransient(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.SecureConnectionError or HttpRequestError.UserAuthenticationError or HttpRequestError.ConfigurationLimitExceeded
            or HttpRequestError.VersionNegotiationError or HttpRequestError.InvalidResponse => false,
        _ => true,
    };
}

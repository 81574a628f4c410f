using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// Limits <c>POST /api/webchat/token</c> per client IP (it mints conversations and needs no credentials):
/// <see cref="DirectLineOptions.WebChatTokenPermitLimit"/> per <see cref="DirectLineOptions.WebChatTokenWindow"/>, no queueing.
/// </summary>
internal sealed class WebChatTokenRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public WebChatTokenRateLimiter(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value.WebChatTokenPermitLimit;
        var window = options.Value.WebChatTokenWindow;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes a permit for <paramref name="address"/>; null when granted, else how long to wait.</summary>
    public TimeSpan? TryAcquire(IPAddress? address)
    {
        var key = address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}

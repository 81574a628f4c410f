namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// Remembers the endpoint's last "slow down" (HTTP 429 or 503 with <c>Retry-After</c> / <c>retry-after-ms</c>): until
/// then no call is made and the offline path answers at once. Thread-safe.
/// </summary>
internal sealed class LanguageModelThrottle(TimeProvider time)
{
    /// <summary>The pause after a 429/503 that gave no Retry-After.</summary>
    public static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(10);

    /// <summary>The longest pause honoured (a larger Retry-After is capped).</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(5);

    private long _retryAtTicks;

    /// <summary>When calls may be made again; null when they may be made now.</summary>
    public DateTimeOffset? RetryAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _retryAtTicks);
            return ticks == 0 || ticks <= time.GetUtcNow().UtcTicks ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Pauses calls for <paramref name="wait"/> (default <see cref="DefaultPause"/>, at most <see cref="MaxPause"/>) from now.</summary>
    public void PauseFor(TimeSpan? wait)
    {
        var pause = wait is null || wait < TimeSpan.Zero ? DefaultPause : wait.Value > MaxPause ? MaxPause : wait.Value;
        var until = time.GetUtcNow().Add(pause).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _retryAtTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _retryAtTicks, until, current) != current);
    }
}

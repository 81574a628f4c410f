using System.Threading.Channels;
using Helpdesk.Skills.PasswordReset.Delivery;

namespace Helpdesk.Bot.PasswordReset.Delivery;

/// <summary>
/// Sends codes, temporary passwords and notices in the background (so a turn's duration never tells whether a message
/// went out), with up to <see cref="MaxAttempts"/> tries per message. Logs the purpose and channel only — never the
/// address or the body.
/// </summary>
internal sealed class OutOfBandDispatcher(IEnumerable<IOutOfBandSender> senders, TimeProvider time, ILogger<OutOfBandDispatcher> logger)
    : BackgroundService, IOutOfBandDispatcher
{
    public const int MaxAttempts = 3;
    public const int QueueCapacity = 1000;

    private readonly Dictionary<DeliveryChannel, IOutOfBandSender> _senders = senders.GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Last());
    private readonly Channel<OutOfBandMessage> _queue = Channel.CreateBounded<OutOfBandMessage>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private int _pending;

    public bool Supports(DeliveryChannel channel) => _senders.ContainsKey(channel);

    public void Enqueue(OutOfBandMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _pending);
        if (!_senders.ContainsKey(message.Channel) || !_queue.Writer.TryWrite(message))
        {
            Interlocked.Decrement(ref _pending);
            logger.LogError("Out-of-band {Purpose} message by {Channel} dropped: {Reason}", message.Purpose, message.Channel, _senders.ContainsKey(message.Channel) ? "queue full" : "no sender configured");
        }
    }

    /// <summary>Completes when every queued message was handled (tests).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await DeliverAsync(message, stoppingToken);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private async Task DeliverAsync(OutOfBandMessage message, CancellationToken stoppingToken)
    {
        var sender = _senders[message.Channel];
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                await sender.SendAsync(message, stoppingToken);
                logger.LogInformation("Out-of-band {Purpose} message sent by {Channel}", message.Purpose, message.Channel);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Out-of-band {Purpose} message by {Channel}: attempt {Attempt} of {MaxAttempts} failed ({ExceptionType})", message.Purpose, message.Channel, attempt, MaxAttempts, ex.GetType().FullName);
                if (attempt < MaxAttempts)
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt * 2), time, stoppingToken);
                }
            }
        }

        logger.LogError("Out-of-band {Purpose} message by {Channel} could not be delivered", message.Purpose, message.Channel);
    }
}

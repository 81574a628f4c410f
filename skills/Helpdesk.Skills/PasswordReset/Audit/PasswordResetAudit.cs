using Helpdesk.Skills.PasswordReset.Limits;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Skills.PasswordReset.Audit;

/// <summary>
/// Writes audit entries and raises anomaly alerts: when failures for one account or from one source reach
/// <see cref="PasswordResetOptions.AlertFailureThreshold"/> within the alert window (once, at the threshold), a
/// Warning with <see cref="AnomalyEventId"/> is logged, an <see cref="AuditEvents.AnomalyAlert"/> entry is written and
/// every <see cref="IAuditAlertSink"/> and <see cref="AlertRaised"/> handler is told.
/// </summary>
public sealed class PasswordResetAudit(SqliteAuditLog log, IEnumerable<IAuditAlertSink> sinks, PasswordResetOptions options, TimeProvider time, ILogger<PasswordResetAudit> logger)
{
    /// <summary>The log event id of anomaly alerts (for alert rules on the log stream).</summary>
    public static readonly EventId AnomalyEventId = new(4101, "PasswordResetAnomaly");

    private readonly IAuditAlertSink[] _sinks = [.. sinks];

    /// <summary>Raised in-process for every anomaly alert.</summary>
    public event EventHandler<AuditAlert>? AlertRaised;

    public Task<AuditRecord> RecordAsync(AuditEntry entry, CancellationToken cancellationToken) => log.AppendAsync(entry, cancellationToken);

    /// <summary>Raises the alerts a failure tally calls for.</summary>
    public async Task CheckAnomaliesAsync(FailureTally tally, string account, string source, RecoveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(context);
        if (tally.AccountFailuresForAlert == options.AlertFailureThreshold)
        {
            await RaiseAsync(new AuditAlert("account-failures", account, tally.AccountFailuresForAlert, options.AlertWindow, time.GetUtcNow()), context, cancellationToken);
        }

        if (tally.SourceFailuresForAlert == options.AlertFailureThreshold)
        {
            await RaiseAsync(new AuditAlert("source-failures", source, tally.SourceFailuresForAlert, options.AlertWindow, time.GetUtcNow()), context, cancellationToken);
        }
    }

    private async Task RaiseAsync(AuditAlert alert, RecoveryContext context, CancellationToken cancellationToken)
    {
        logger.LogWarning(
            AnomalyEventId,
            "Password reset anomaly: {Kind} for {Subject}: {Failures} failed verifications within {Window}",
            alert.Kind,
            alert.Subject,
            alert.Failures,
            alert.Window);
        await log.AppendAsync(
            new AuditEntry(AuditEvents.AnomalyAlert, alert.Kind == "account-failures" ? alert.Subject : "-", context.Channel, context.ConversationId, context.Source, "alert", $"kind={alert.Kind}; failures={alert.Failures}"),
            cancellationToken);
        AlertRaised?.Invoke(this, alert);
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.OnAlertAsync(alert, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError("An audit alert sink failed: {ExceptionType}", ex.GetType().FullName);
            }
        }
    }
}

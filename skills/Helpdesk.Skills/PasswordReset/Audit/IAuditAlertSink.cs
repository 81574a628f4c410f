namespace Helpdesk.Skills.PasswordReset.Audit;

/// <summary>Receives anomaly alerts in-process (a SIEM forwarder, a chat notification, tests).</summary>
public interface IAuditAlertSink
{
    Task OnAlertAsync(AuditAlert alert, CancellationToken cancellationToken);
}

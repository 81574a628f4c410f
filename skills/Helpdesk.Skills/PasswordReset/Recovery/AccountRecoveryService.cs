using Helpdesk.Skills.PasswordReset.Audit;
using Helpdesk.Skills.PasswordReset.Delivery;
using Helpdesk.Skills.PasswordReset.Directory;
using Helpdesk.Skills.PasswordReset.Limits;
using Helpdesk.Skills.PasswordReset.Links;
using Helpdesk.Skills.PasswordReset.Policy;
using Helpdesk.Skills.PasswordReset.Security;
using Helpdesk.Skills.PasswordReset.Verification;

namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>
/// The chat side of self-service recovery: identify the account, verify the user with something they have, then
/// unlock or issue a reset — with the limits, the audit and anti-enumeration. A name that matches no account is
/// treated exactly like one that does (same answers, a code record and limits of its own, similar timing), and a
/// code is only ever delivered to a method the account has registered.
/// </summary>
public sealed class AccountRecoveryService(
    IAccountDirectory directory,
    VerificationLimiter limiter,
    OneTimeCodeService codes,
    TotpVerifier totp,
    ResetLinkService links,
    IOutOfBandDispatcher dispatcher,
    RecoveryMessages messages,
    PasswordResetAudit audit,
    SecretHasher hasher,
    PasswordResetOptions options,
    TimeProvider time)
{
    /// <summary>The methods offered to everyone (what is configured, not what an account has: that would tell whether it exists).</summary>
    public IReadOnlyList<VerificationMethodKind> OfferedMethods
    {
        get
        {
            var methods = new List<VerificationMethodKind> { VerificationMethodKind.Totp };
            if (dispatcher.Supports(DeliveryChannel.Email))
            {
                methods.Add(VerificationMethodKind.Email);
            }

            if (dispatcher.Supports(DeliveryChannel.Sms))
            {
                methods.Add(VerificationMethodKind.Sms);
            }

            return methods;
        }
    }

    /// <summary>Wrong authenticator codes accepted in a row before another method is offered.</summary>
    public int MaxTotpAttempts => options.MaxCodeAttempts;

    public int CodeLength(VerificationMethodKind method) => method == VerificationMethodKind.Totp ? TotpVerifier.Digits : options.CodeLength;

    /// <summary>The account the channel says the user is (a Teams object id or UPN), or null.</summary>
    public async Task<DirectoryAccount?> FindChannelAccountAsync(string? objectId, string? userPrincipalName, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(objectId) && await directory.FindByIdAsync(objectId, cancellationToken) is { IsEnabled: true } byId)
        {
            return byId;
        }

        return !string.IsNullOrWhiteSpace(userPrincipalName) && await directory.FindAsync(userPrincipalName, cancellationToken) is { IsEnabled: true } byName
            ? byName
            : null;
    }

    /// <summary>The target for an account the channel identified.</summary>
    public static RecoveryTarget TargetFor(DirectoryAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new RecoveryTarget("acct:" + account.Id, account.Id, account.SignInName, account.SignInName);
    }

    /// <summary>The target for a name the user typed (already normalized); whether it exists stays inside the target.</summary>
    public async Task<RecoveryTarget> IdentifyAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        var account = await directory.FindAsync(identifier, cancellationToken);
        if (account is { IsEnabled: true })
        {
            return new RecoveryTarget("acct:" + account.Id, account.Id, identifier, account.SignInName);
        }

        var key = hasher.LookupKey("identifier", identifier);
        return new RecoveryTarget("ident:" + key, null, identifier, "unknown:" + key[..16].ToLowerInvariant());
    }

    /// <summary>Starts a verification by <paramref name="method"/>: creates and sends a code, or asks for the authenticator code.</summary>
    public async Task<StartOutcome> StartAsync(RecoveryTarget target, VerificationMethodKind method, RecoveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var started = time.GetTimestamp();
        try
        {
            if (method == VerificationMethodKind.Totp)
            {
                var blocked = await limiter.CheckBlocksAsync(context, target.Subject, cancellationToken);
                if (!blocked.Allowed)
                {
                    await AuditRefusalAsync(target, context, blocked, method, cancellationToken);
                    return new StartOutcome(StartKind.Refused, Refusal: blocked);
                }

                await audit.RecordAsync(Entry(AuditEvents.VerificationStarted, target, context, "ok", "method=totp"), cancellationToken);
                return new StartOutcome(StartKind.TotpRequested);
            }

            var decision = await limiter.CheckCodeRequestAsync(context, target.Subject, cancellationToken);
            if (!decision.Allowed)
            {
                await AuditRefusalAsync(target, context, decision, method, cancellationToken);
                return new StartOutcome(StartKind.Refused, Refusal: decision);
            }

            var code = await codes.IssueAsync(target.Subject, method, context.ConversationId, cancellationToken);
            await limiter.RecordCodeIssuedAsync(context, target.Subject, cancellationToken);
            var outcome = "unknown-account";
            if (target.AccountId is not null)
            {
                var account = await directory.FindByIdAsync(target.AccountId, cancellationToken);
                var (channel, to) = method == VerificationMethodKind.Sms ? (DeliveryChannel.Sms, account?.MobilePhone) : (DeliveryChannel.Email, account?.AlternateEmail);
                if (!string.IsNullOrWhiteSpace(to))
                {
                    dispatcher.Enqueue(messages.Code(channel, to, code.Code, options.CodeLifetime));
                    outcome = "sent";
                }
                else
                {
                    outcome = "no-method";
                }
            }

            await audit.RecordAsync(Entry(AuditEvents.CodeSent, target, context, outcome, $"method={Method(method)}"), cancellationToken);
            return new StartOutcome(StartKind.CodeSent, code.Id, code.ExpiresAt);
        }
        finally
        {
            await PadAsync(started, cancellationToken);
        }
    }

    /// <summary>Checks the user's answer (digits) to the verification in progress.</summary>
    public async Task<AnswerOutcome> CheckAsync(RecoveryTarget target, VerificationMethodKind method, string? codeId, string answer, RecoveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var decision = await limiter.CheckAttemptAsync(context, target.Subject, cancellationToken);
        if (!decision.Allowed)
        {
            await AuditRefusalAsync(target, context, decision, method, cancellationToken);
            return new AnswerOutcome(null, 0, decision, false);
        }

        await limiter.RecordAttemptAsync(context, target.Subject, cancellationToken);
        var result = method == VerificationMethodKind.Totp
            ? await totp.CheckAsync(target.AccountId, answer, cancellationToken)
            : codeId is null
                ? new CodeCheckResult(CodeCheckStatus.Exhausted, 0)
                : await codes.CheckAsync(codeId, target.Subject, answer, cancellationToken);
        var (verifiedEvent, rejectedEvent) = method == VerificationMethodKind.Totp
            ? (AuditEvents.TotpVerified, AuditEvents.TotpRejected)
            : (AuditEvents.CodeVerified, AuditEvents.CodeRejected);
        if (result.Verified)
        {
            await audit.RecordAsync(Entry(verifiedEvent, target, context, "ok", $"method={Method(method)}"), cancellationToken);
            return new AnswerOutcome(result.Status, 0, null, false);
        }

        var tally = await limiter.RecordFailureAsync(context, target.Subject, cancellationToken);
        await audit.RecordAsync(Entry(rejectedEvent, target, context, "failed", $"method={Method(method)}; reason={result.Status.ToString().ToLowerInvariant()}"), cancellationToken);
        await audit.CheckAnomaliesAsync(tally, target.AuditName, context.Source, context, cancellationToken);
        if (tally.Blocked)
        {
            await audit.RecordAsync(Entry(AuditEvents.Blocked, target, context, "blocked", $"until={(time.GetUtcNow() + options.BlockDuration):O}"), cancellationToken);
        }

        return new AnswerOutcome(result.Status, result.AttemptsLeft, null, tally.Blocked);
    }

    /// <summary>The verified account, fresh from the directory (null if it vanished).</summary>
    public async Task<DirectoryAccount?> GetAccountAsync(RecoveryTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.AccountId is null ? null : await directory.FindByIdAsync(target.AccountId, cancellationToken);
    }

    /// <summary>Unlocks a verified account and tells its mailbox.</summary>
    public async Task UnlockAsync(DirectoryAccount account, RecoveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(context);
        await directory.UnlockAsync(account, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditEvents.AccountUnlocked, account.SignInName, context.Channel, context.ConversationId, context.Source, "ok", $"directory={directory.Name}"), cancellationToken);
        Notify(account, to => messages.AccountUnlocked(to, account.SignInName, time.GetUtcNow()));
    }

    /// <summary>Gives a verified user a way to a new password: a single-use link, or a temporary password sent out of band.</summary>
    public async Task<ResetIssue> IssueResetAsync(DirectoryAccount account, RecoveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(context);
        if (await limiter.CooldownEndsAsync(account.Id, cancellationToken) is { } ends)
        {
            await audit.RecordAsync(new AuditEntry(AuditEvents.RateLimited, account.SignInName, context.Channel, context.ConversationId, context.Source, "refused", $"reason=cooldown; until={ends:O}"), cancellationToken);
            return new ResetIssue(ResetIssueKind.CoolingDown, CooldownEnds: ends);
        }

        if (options.UsesTemporaryPasswords && TemporaryPasswordRoute(account) is { } route)
        {
            var password = TemporaryPasswordGenerator.Generate();
            var result = await directory.SetPasswordAsync(account, password, mustChangeAtNextSignIn: true, cancellationToken);
            if (!result.Succeeded)
            {
                await audit.RecordAsync(new AuditEntry(AuditEvents.TemporaryPasswordIssued, account.SignInName, context.Channel, context.ConversationId, context.Source, "failed", $"directory={directory.Name}"), cancellationToken);
                return new ResetIssue(ResetIssueKind.Failed);
            }

            dispatcher.Enqueue(messages.TemporaryPassword(route.Channel, route.To, password));
            await limiter.RecordResetAsync(account.Id, cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditEvents.TemporaryPasswordIssued, account.SignInName, context.Channel, context.ConversationId, context.Source, "ok", $"delivery={route.Channel.ToString().ToLowerInvariant()}; must-change=true"), cancellationToken);
            return new ResetIssue(ResetIssueKind.TemporaryPassword, DeliveredBy: route.Channel);
        }

        var link = await links.IssueAsync(account.Id, context, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditEvents.LinkIssued, account.SignInName, context.Channel, context.ConversationId, context.Source, "ok", $"expires={link.ExpiresAt:O}"), cancellationToken);
        return new ResetIssue(ResetIssueKind.Link, link);
    }

    /// <summary>Records that the user was handed to a person without being verified.</summary>
    public Task RecordEscalationAsync(RecoveryTarget? target, RecoveryContext context, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return audit.RecordAsync(new AuditEntry(AuditEvents.Escalated, target?.AuditName ?? "-", context.Channel, context.ConversationId, context.Source, "escalated", $"reason={reason}"), cancellationToken);
    }

    /// <summary>Records that the directory could not be reached.</summary>
    public Task RecordDirectoryUnavailableAsync(RecoveryTarget? target, RecoveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return audit.RecordAsync(new AuditEntry(AuditEvents.DirectoryUnavailable, target?.AuditName ?? "-", context.Channel, context.ConversationId, context.Source, "failed", $"directory={directory.Name}"), cancellationToken);
    }

    private (DeliveryChannel Channel, string To)? TemporaryPasswordRoute(DirectoryAccount account)
    {
        if (!string.IsNullOrWhiteSpace(account.AlternateEmail) && dispatcher.Supports(DeliveryChannel.Email))
        {
            return (DeliveryChannel.Email, account.AlternateEmail);
        }

        return !string.IsNullOrWhiteSpace(account.MobilePhone) && dispatcher.Supports(DeliveryChannel.Sms)
            ? (DeliveryChannel.Sms, account.MobilePhone)
            : null;
    }

    private void Notify(DirectoryAccount account, Func<string, OutOfBandMessage> message)
    {
        if (!dispatcher.Supports(DeliveryChannel.Email))
        {
            return;
        }

        foreach (var to in new[] { account.Email, account.AlternateEmail }.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            dispatcher.Enqueue(message(to!));
        }
    }

    private Task AuditRefusalAsync(RecoveryTarget target, RecoveryContext context, LimitDecision decision, VerificationMethodKind method, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            Entry(decision.Reason == "blocked" ? AuditEvents.Blocked : AuditEvents.RateLimited, target, context, "refused", $"method={Method(method)}; reason={decision.Reason}; scope={decision.Scope}"),
            cancellationToken);

    private static AuditEntry Entry(string auditEvent, RecoveryTarget target, RecoveryContext context, string outcome, string? detail) =>
        new(auditEvent, target.AuditName, context.Channel, context.ConversationId, context.Source, outcome, detail);

    private static string Method(VerificationMethodKind method) => method.ToString().ToLowerInvariant();

    private async Task PadAsync(long started, CancellationToken cancellationToken)
    {
        var remaining = options.MinimumResponseTime - time.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, time, cancellationToken);
        }
    }
}

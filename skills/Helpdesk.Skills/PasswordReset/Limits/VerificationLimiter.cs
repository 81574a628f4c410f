using System.Globalization;
using Helpdesk.Skills.PasswordReset.Storage;

namespace Helpdesk.Skills.PasswordReset.Limits;

/// <summary>
/// The limits on verification, counted in SQLite so they hold across restarts and conversations: codes per account
/// and per conversation per hour, attempts per conversation and per source per hour, a block (account, conversation
/// and source) after too many failures, and a cooldown after a successful reset. The account subject is the
/// directory account when it exists and a keyed hash of what was typed when it does not, so a made-up name is
/// limited exactly like a real one.
/// </summary>
public sealed class VerificationLimiter(PasswordResetDb db, PasswordResetOptions options, TimeProvider time)
{
    public const string CodeIssued = "code";
    public const string Attempt = "attempt";
    public const string Failure = "failure";

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>May a code be sent for <paramref name="subject"/> in <paramref name="context"/>?</summary>
    public async Task<LimitDecision> CheckCodeRequestAsync(RecoveryContext context, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var blocked = await CheckBlocksAsync(context, subject, cancellationToken);
        if (!blocked.Allowed)
        {
            return blocked;
        }

        var since = time.GetUtcNow() - Hour;
        if (await CountAsync(LimitScope.Account, subject, CodeIssued, since, cancellationToken) >= options.MaxCodesPerAccountPerHour)
        {
            return LimitDecision.Deny("too-many-codes", LimitScope.Account, await OldestPlusAsync(LimitScope.Account, subject, CodeIssued, since, Hour, cancellationToken));
        }

        if (await CountAsync(LimitScope.Conversation, context.ConversationId, CodeIssued, since, cancellationToken) >= options.MaxCodesPerConversationPerHour)
        {
            return LimitDecision.Deny("too-many-codes", LimitScope.Conversation, await OldestPlusAsync(LimitScope.Conversation, context.ConversationId, CodeIssued, since, Hour, cancellationToken));
        }

        return LimitDecision.Allow;
    }

    /// <summary>May the user try an answer (a code or an authenticator code) now?</summary>
    public async Task<LimitDecision> CheckAttemptAsync(RecoveryContext context, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var blocked = await CheckBlocksAsync(context, subject, cancellationToken);
        if (!blocked.Allowed)
        {
            return blocked;
        }

        var since = time.GetUtcNow() - Hour;
        if (await CountAsync(LimitScope.Conversation, context.ConversationId, Attempt, since, cancellationToken) >= options.MaxAttemptsPerConversationPerHour)
        {
            return LimitDecision.Deny("too-many-attempts", LimitScope.Conversation, await OldestPlusAsync(LimitScope.Conversation, context.ConversationId, Attempt, since, Hour, cancellationToken));
        }

        if (await CountAsync(LimitScope.Source, context.Source, Attempt, since, cancellationToken) >= options.MaxAttemptsPerSourcePerHour)
        {
            return LimitDecision.Deny("too-many-attempts", LimitScope.Source, await OldestPlusAsync(LimitScope.Source, context.Source, Attempt, since, Hour, cancellationToken));
        }

        return LimitDecision.Allow;
    }

    /// <summary>Is self-service blocked for any of the account, the conversation or the source?</summary>
    public async Task<LimitDecision> CheckBlocksAsync(RecoveryContext context, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = PasswordResetDb.ToUnixMs(time.GetUtcNow());
        var rows = await db.QueryAsync(
            """
            SELECT scope, until FROM pr_blocks
            WHERE until > $now AND ((scope = 'account' AND subject = $account) OR (scope = 'conversation' AND subject = $conversation) OR (scope = 'source' AND subject = $source))
            ORDER BY until DESC LIMIT 1
            """,
            r => (Scope: r.GetString(0), Until: r.GetInt64(1)),
            cancellationToken,
            ("$now", now),
            ("$account", subject),
            ("$conversation", context.ConversationId),
            ("$source", context.Source));
        return rows.Count == 0 ? LimitDecision.Allow : LimitDecision.Deny("blocked", rows[0].Scope, PasswordResetDb.FromUnixMs(rows[0].Until));
    }

    public Task RecordCodeIssuedAsync(RecoveryContext context, string subject, CancellationToken cancellationToken) =>
        RecordAsync(CodeIssued, [(LimitScope.Account, subject), (LimitScope.Conversation, context.ConversationId), (LimitScope.Source, context.Source)], cancellationToken);

    public Task RecordAttemptAsync(RecoveryContext context, string subject, CancellationToken cancellationToken) =>
        RecordAsync(Attempt, [(LimitScope.Account, subject), (LimitScope.Conversation, context.ConversationId), (LimitScope.Source, context.Source)], cancellationToken);

    /// <summary>Counts a failed verification; blocks the account, conversation and source once the abuse threshold is reached.</summary>
    public async Task<FailureTally> RecordFailureAsync(RecoveryContext context, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await RecordAsync(Failure, [(LimitScope.Account, subject), (LimitScope.Conversation, context.ConversationId), (LimitScope.Source, context.Source)], cancellationToken);
        var now = time.GetUtcNow();
        var abuseSince = now - options.AbuseWindow;
        var alertSince = now - options.AlertWindow;
        var account = await CountAsync(LimitScope.Account, subject, Failure, abuseSince, cancellationToken);
        var source = await CountAsync(LimitScope.Source, context.Source, Failure, abuseSince, cancellationToken);
        var conversation = await CountAsync(LimitScope.Conversation, context.ConversationId, Failure, abuseSince, cancellationToken);
        var blocked = false;
        if (account >= options.AbuseFailureThreshold || source >= options.AbuseFailureThreshold || conversation >= options.AbuseFailureThreshold)
        {
            var until = now + options.BlockDuration;
            var reason = account >= options.AbuseFailureThreshold ? "account-failures" : source >= options.AbuseFailureThreshold ? "source-failures" : "conversation-failures";
            await BlockAsync(LimitScope.Account, subject, until, reason, cancellationToken);
            await BlockAsync(LimitScope.Conversation, context.ConversationId, until, reason, cancellationToken);
            await BlockAsync(LimitScope.Source, context.Source, until, reason, cancellationToken);
            blocked = true;
        }

        return new FailureTally(
            account,
            source,
            blocked,
            await CountAsync(LimitScope.Account, subject, Failure, alertSince, cancellationToken),
            await CountAsync(LimitScope.Source, context.Source, Failure, alertSince, cancellationToken));
    }

    /// <summary>Records a successful reset (starts the cooldown).</summary>
    public Task RecordResetAsync(string accountId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "INSERT INTO pr_resets (account_id, at) VALUES ($id, $at) ON CONFLICT(account_id) DO UPDATE SET at = excluded.at",
            cancellationToken,
            ("$id", accountId),
            ("$at", PasswordResetDb.ToUnixMs(time.GetUtcNow())));

    /// <summary>When the cooldown after the last reset of <paramref name="accountId"/> ends, or null when not cooling down.</summary>
    public async Task<DateTimeOffset?> CooldownEndsAsync(string accountId, CancellationToken cancellationToken)
    {
        if (options.CooldownAfterReset <= TimeSpan.Zero)
        {
            return null;
        }

        var at = await db.ScalarAsync("SELECT at FROM pr_resets WHERE account_id = $id", cancellationToken, ("$id", accountId));
        if (at is null)
        {
            return null;
        }

        var ends = PasswordResetDb.FromUnixMs(Convert.ToInt64(at, CultureInfo.InvariantCulture)) + options.CooldownAfterReset;
        return ends > time.GetUtcNow() ? ends : null;
    }

    private Task BlockAsync(string scope, string subject, DateTimeOffset until, string reason, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            INSERT INTO pr_blocks (scope, subject, until, reason) VALUES ($scope, $subject, $until, $reason)
            ON CONFLICT(scope, subject) DO UPDATE SET until = MAX(until, excluded.until), reason = excluded.reason
            """,
            cancellationToken,
            ("$scope", scope),
            ("$subject", subject),
            ("$until", PasswordResetDb.ToUnixMs(until)),
            ("$reason", reason));

    private async Task RecordAsync(string kind, (string Scope, string Subject)[] subjects, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        foreach (var (scope, subject) in subjects)
        {
            using var insert = PasswordResetDb.Command(
                connection,
                "INSERT INTO pr_events (scope, subject, kind, at) VALUES ($scope, $subject, $kind, $at)",
                ("$scope", scope),
                ("$subject", subject),
                ("$kind", kind),
                ("$at", PasswordResetDb.ToUnixMs(now)));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        // Counters older than every window are of no use: keep the table small.
        var horizon = new[] { Hour, options.AbuseWindow, options.AlertWindow }.Max();
        using var prune = PasswordResetDb.Command(connection, "DELETE FROM pr_events WHERE at < $cutoff", ("$cutoff", PasswordResetDb.ToUnixMs(now - horizon)));
        prune.Transaction = transaction;
        await prune.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<int> CountAsync(string scope, string subject, string kind, DateTimeOffset since, CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await db.ScalarAsync(
                "SELECT COUNT(*) FROM pr_events WHERE scope = $scope AND subject = $subject AND kind = $kind AND at > $since",
                cancellationToken,
                ("$scope", scope),
                ("$subject", subject),
                ("$kind", kind),
                ("$since", PasswordResetDb.ToUnixMs(since))),
            CultureInfo.InvariantCulture);

    private async Task<DateTimeOffset?> OldestPlusAsync(string scope, string subject, string kind, DateTimeOffset since, TimeSpan window, CancellationToken cancellationToken)
    {
        var oldest = await db.ScalarAsync(
            "SELECT MIN(at) FROM pr_events WHERE scope = $scope AND subject = $subject AND kind = $kind AND at > $since",
            cancellationToken,
            ("$scope", scope),
            ("$subject", subject),
            ("$kind", kind),
            ("$since", PasswordResetDb.ToUnixMs(since)));
        return oldest is null ? null : PasswordResetDb.FromUnixMs(Convert.ToInt64(oldest, CultureInfo.InvariantCulture)) + window;
    }
}

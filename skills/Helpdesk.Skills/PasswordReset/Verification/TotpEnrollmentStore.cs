using Helpdesk.Skills.PasswordReset.Security;
using Helpdesk.Skills.PasswordReset.Storage;

namespace Helpdesk.Skills.PasswordReset.Verification;

/// <summary>
/// Authenticator-app enrolments, keyed by the directory account id, kept by the bot (no directory exposes a
/// software-token secret for verification): the secret is encrypted at rest (AES-GCM, bound to the account id) and
/// the last time step accepted is kept so a code works once.
/// </summary>
public sealed class TotpEnrollmentStore(PasswordResetDb db, SecretBox box, TimeProvider time)
{
    private const string Associated = "totp:";

    /// <summary>Enrols (or re-enrols) <paramref name="accountId"/> with <paramref name="secret"/>.</summary>
    public Task EnrollAsync(string accountId, byte[] secret, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(secret);
        return db.ExecuteAsync(
            """
            INSERT INTO pr_totp (account_id, secret, enrolled_at, last_step) VALUES ($id, $secret, $now, -1)
            ON CONFLICT(account_id) DO UPDATE SET secret = excluded.secret, enrolled_at = excluded.enrolled_at, last_step = -1
            """,
            cancellationToken,
            ("$id", accountId),
            ("$secret", box.Protect(secret, Associated + accountId)),
            ("$now", PasswordResetDb.ToUnixMs(time.GetUtcNow())));
    }

    /// <summary>True when <paramref name="accountId"/> has an enrolment.</summary>
    public async Task<bool> IsEnrolledAsync(string accountId, CancellationToken cancellationToken) =>
        await db.ScalarAsync("SELECT 1 FROM pr_totp WHERE account_id = $id", cancellationToken, ("$id", accountId)) is not null;

    /// <summary>The secret and the last accepted time step, or null when not enrolled.</summary>
    public async Task<(byte[] Secret, long LastStep)?> GetAsync(string accountId, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync(
            "SELECT secret, last_step FROM pr_totp WHERE account_id = $id",
            r => ((byte[])r.GetValue(0), r.GetInt64(1)),
            cancellationToken,
            ("$id", accountId));
        return rows.Count == 0 ? null : (box.Unprotect(rows[0].Item1, Associated + accountId), rows[0].Item2);
    }

    /// <summary>Marks <paramref name="step"/> used; false when it (or a later step) was used already.</summary>
    public async Task<bool> TryUseStepAsync(string accountId, long step, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            "UPDATE pr_totp SET last_step = $step WHERE account_id = $id AND last_step < $step",
            cancellationToken,
            ("$id", accountId),
            ("$step", step)) == 1;

    /// <summary>Removes the enrolment of <paramref name="accountId"/>.</summary>
    public Task RemoveAsync(string accountId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM pr_totp WHERE account_id = $id", cancellationToken, ("$id", accountId));
}

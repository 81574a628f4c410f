using System.Globalization;
using System.Security.Cryptography;
using Helpdesk.Skills.PasswordReset.Security;
using Helpdesk.Skills.PasswordReset.Storage;

namespace Helpdesk.Skills.PasswordReset.Verification;

/// <summary>
/// One-time codes sent by e-mail or text message: random digits (at least 6), valid for
/// <see cref="PasswordResetOptions.CodeLifetime"/>, stored only as a keyed hash, compared in constant time, good for
/// one right answer and at most <see cref="PasswordResetOptions.MaxCodeAttempts"/> answers in all. Every check is one
/// atomic update, so parallel answers cannot get more tries than allowed.
/// </summary>
public sealed class OneTimeCodeService(PasswordResetDb db, SecretHasher hasher, PasswordResetOptions options, TimeProvider time)
{
    private const string Purpose = "otp";

    /// <summary>Creates a code for <paramref name="subject"/> (an account, or a decoy for a name that matched none).</summary>
    public async Task<IssuedCode> IssueAsync(string subject, VerificationMethodKind method, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var code = RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, options.CodeLength)).ToString(CultureInfo.InvariantCulture).PadLeft(options.CodeLength, '0');
        var now = time.GetUtcNow();
        var expires = now + options.CodeLifetime;
        await db.ExecuteAsync(
            """
            INSERT INTO pr_codes (id, subject, method, conversation, hash, created_at, expires_at, attempts)
            VALUES ($id, $subject, $method, $conversation, $hash, $now, $expires, 0)
            """,
            cancellationToken,
            ("$id", id),
            ("$subject", subject),
            ("$method", method.ToString()),
            ("$conversation", conversationId),
            ("$hash", hasher.Hash(Purpose, id, code)),
            ("$now", PasswordResetDb.ToUnixMs(now)),
            ("$expires", PasswordResetDb.ToUnixMs(expires)));

        // Dead codes are of no use; drop those expired a day ago.
        await db.ExecuteAsync("DELETE FROM pr_codes WHERE expires_at < $cutoff", cancellationToken, ("$cutoff", PasswordResetDb.ToUnixMs(now - TimeSpan.FromDays(1))));
        return new IssuedCode(id, code, expires);
    }

    /// <summary>Checks <paramref name="answer"/> (digits only) against the code <paramref name="codeId"/> issued for <paramref name="subject"/>.</summary>
    public async Task<CodeCheckResult> CheckAsync(string codeId, string subject, string answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var now = PasswordResetDb.ToUnixMs(time.GetUtcNow());
        await using var connection = await db.OpenAsync(cancellationToken);

        // Take one attempt, atomically, only while the code is alive.
        byte[]? hash = null;
        var attempts = 0;
        using (var take = PasswordResetDb.Command(
            connection,
            """
            UPDATE pr_codes SET attempts = attempts + 1
            WHERE id = $id AND subject = $subject AND consumed_at IS NULL AND expires_at > $now AND attempts < $max
            RETURNING attempts, hash
            """,
            ("$id", codeId),
            ("$subject", subject),
            ("$now", now),
            ("$max", options.MaxCodeAttempts)))
        {
            await using var reader = await take.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                attempts = reader.GetInt32(0);
                hash = (byte[])reader.GetValue(1);
            }
        }

        if (hash is null)
        {
            using var why = PasswordResetDb.Command(connection, "SELECT expires_at, consumed_at FROM pr_codes WHERE id = $id AND subject = $subject", ("$id", codeId), ("$subject", subject));
            await using var reader = await why.ExecuteReaderAsync(cancellationToken);
            var expired = await reader.ReadAsync(cancellationToken) && reader.IsDBNull(1) && reader.GetInt64(0) <= now;
            return new CodeCheckResult(expired ? CodeCheckStatus.Expired : CodeCheckStatus.Exhausted, 0);
        }

        if (!hasher.Matches(hash, Purpose, codeId, answer))
        {
            var left = Math.Max(0, options.MaxCodeAttempts - attempts);
            return new CodeCheckResult(left == 0 ? CodeCheckStatus.Exhausted : CodeCheckStatus.Wrong, left);
        }

        using var consume = PasswordResetDb.Command(connection, "UPDATE pr_codes SET consumed_at = $now WHERE id = $id AND consumed_at IS NULL", ("$id", codeId), ("$now", now));
        return await consume.ExecuteNonQueryAsync(cancellationToken) == 1
            ? new CodeCheckResult(CodeCheckStatus.Verified, 0)
            : new CodeCheckResult(CodeCheckStatus.Exhausted, 0);
    }
}

using System.Security.Cryptography;
using OtpNet;

namespace Helpdesk.Skills.PasswordReset.Verification;

/// <summary>
/// Checks authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) with one step of clock drift
/// either way, once per step: a code that was accepted cannot be used again. An account that is not enrolled costs
/// the same work (a code computed under a throw-away secret) and is simply wrong.
/// </summary>
public sealed class TotpVerifier(TotpEnrollmentStore enrollments, TimeProvider time)
{
    public const int Digits = 6;
    public const int StepSeconds = 30;

    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    /// <summary>Checks <paramref name="code"/> (6 digits) for <paramref name="accountId"/> (null: no account matched).</summary>
    public async Task<CodeCheckResult> CheckAsync(string? accountId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var enrollment = accountId is null ? null : await enrollments.GetAsync(accountId, cancellationToken);
        var secret = enrollment?.Secret ?? RandomNumberGenerator.GetBytes(20);
        try
        {
            var totp = new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
            var matched = totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, Drift);
            if (!matched || enrollment is null || accountId is null)
            {
                return new CodeCheckResult(CodeCheckStatus.Wrong, 0);
            }

            return await enrollments.TryUseStepAsync(accountId, step, cancellationToken)
                ? new CodeCheckResult(CodeCheckStatus.Verified, 0)
                : new CodeCheckResult(CodeCheckStatus.Replayed, 0);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The current code for <paramref name="secret"/> (tests and the demo README).</summary>
    public static string CodeAt(byte[] secret, DateTimeOffset at) => new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits).ComputeTotp(at.UtcDateTime);

    /// <summary>The otpauth:// URI an authenticator app scans (Key Uri Format).</summary>
    public static string EnrollmentUri(byte[] secret, string issuer, string accountName) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(accountName)}?secret={Base32Encoding.ToString(secret).TrimEnd('=')}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
}

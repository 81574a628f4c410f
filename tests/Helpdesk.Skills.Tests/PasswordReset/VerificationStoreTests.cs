using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Audit;
using Helpdesk.Skills.PasswordReset.Verification;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Skills.Tests.PasswordReset;

public sealed class VerificationStoreTests : IDisposable
{
    private readonly PasswordResetHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Issue_StoresOnlyAKeyedHash()
    {
        var codes = new OneTimeCodeService(_h.Db, _h.Hasher, _h.Options, _h.Time);
        var issued = await codes.IssueAsync("acct:x", VerificationMethodKind.Email, "c1", default);

        var stored = await _h.Db.QueryAsync("SELECT * FROM pr_codes", r => Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) + (r.GetValue(i) is byte[] b ? Convert.ToHexString(b) + System.Text.Encoding.Latin1.GetString(b) : string.Empty)).ToList(), default);
        Assert.DoesNotContain(stored.SelectMany(r => r), v => v!.Contains(issued.Code, StringComparison.Ordinal));
        Assert.Equal(6, issued.Code.Length);
        Assert.Equal(_h.Time.GetUtcNow() + TimeSpan.FromMinutes(10), issued.ExpiresAt);
    }

    [Fact]
    public async Task Check_ParallelWrongAnswers_NeverMoreThanThreeAttempts()
    {
        var codes = new OneTimeCodeService(_h.Db, _h.Hasher, _h.Options, _h.Time);
        var issued = await codes.IssueAsync("acct:x", VerificationMethodKind.Email, "c1", default);
        var wrong = issued.Code == "000000" ? "111111" : "000000";

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => codes.CheckAsync(issued.Id, "acct:x", wrong, default)));

        Assert.Equal(2, results.Count(r => r.Status == CodeCheckStatus.Wrong));
        Assert.Equal(10, results.Count(r => r.Status == CodeCheckStatus.Exhausted));
        Assert.Equal(CodeCheckStatus.Exhausted, (await codes.CheckAsync(issued.Id, "acct:x", issued.Code, default)).Status);
    }

    [Fact]
    public async Task Check_RightCodeTwice_SecondIsUsedUp()
    {
        var codes = new OneTimeCodeService(_h.Db, _h.Hasher, _h.Options, _h.Time);
        var issued = await codes.IssueAsync("acct:x", VerificationMethodKind.Sms, "c1", default);

        Assert.Equal(CodeCheckStatus.Verified, (await codes.CheckAsync(issued.Id, "acct:x", issued.Code, default)).Status);
        Assert.Equal(CodeCheckStatus.Exhausted, (await codes.CheckAsync(issued.Id, "acct:x", issued.Code, default)).Status);
    }

    [Fact]
    public async Task Check_CodeOfAnotherSubject_NeverMatches()
    {
        var codes = new OneTimeCodeService(_h.Db, _h.Hasher, _h.Options, _h.Time);
        var issued = await codes.IssueAsync("acct:victim", VerificationMethodKind.Email, "c1", default);

        Assert.NotEqual(CodeCheckStatus.Verified, (await codes.CheckAsync(issued.Id, "acct:attacker", issued.Code, default)).Status);
    }

    [Fact]
    public void Totp_Rfc6238TestVector_SixDigits()
    {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", T = 59 s: 94287082 (8 digits) → 287082.
        var secret = System.Text.Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal("287082", TotpVerifier.CodeAt(secret, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", TotpVerifier.CodeAt(secret, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }

    [Fact]
    public async Task Totp_SecretAtRest_Encrypted()
    {
        var secret = OtpNet.Base32Encoding.ToBytes(Helpdesk.Skills.PasswordReset.Embedded.EmbeddedDemoUsers.All[0].TotpSecret!);
        await _h.Embedded.FindAsync("ada", default);
        var stored = await _h.Db.QueryAsync("SELECT secret FROM pr_totp WHERE account_id = 'emb-ada'", r => (byte[])r.GetValue(0), default);

        Assert.False(stored[0].AsSpan().IndexOf(secret) >= 0);
        Assert.Equal(secret, (await _h.Enrollments.GetAsync("emb-ada", default))!.Value.Secret);
    }

    [Fact]
    public async Task AuditLog_UpdateOrDelete_RefusedByTheDatabase()
    {
        await _h.AuditLog.AppendAsync(new AuditEntry(AuditEvents.CodeSent, "ada", "test", "c1", "test:u1", "sent"), default);
        await using var connection = await _h.Database.OpenAsync(default);
        foreach (var sql in new[] { "UPDATE audit_log SET outcome = 'x'", "DELETE FROM audit_log" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AuditLog_RecordChangedBehindItsBack_ChainShowsWhere()
    {
        for (var i = 0; i < 5; i++)
        {
            await _h.AuditLog.AppendAsync(new AuditEntry(AuditEvents.CodeSent, "ada", "test", "c" + i, "test:u1", "sent"), default);
        }

        Assert.Equal(new AuditChainVerification(true, 5, null), await _h.AuditLog.VerifyAsync(default));

        await using (var connection = await _h.Database.OpenAsync(default))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET account = 'mallory' WHERE seq = 3";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(new AuditChainVerification(false, 2, 3), await _h.AuditLog.VerifyAsync(default));
    }

    [Theory]
    [InlineData("forgot my pasword", PasswordResetIntent.Reset)]
    [InlineData("my password expired", PasswordResetIntent.Reset)]
    [InlineData("i'm locked out", PasswordResetIntent.Unlock)]
    [InlineData("acount locked", PasswordResetIntent.Unlock)]
    [InlineData("cant sign in", PasswordResetIntent.CantSignIn)]
    [InlineData("I can't log in", PasswordResetIntent.CantSignIn)]
    public void Phrases_ManyWordingsAndTypos_Recognized(string text, PasswordResetIntent intent)
    {
        Assert.Equal(intent, PasswordResetPhrases.Recognize(text));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("printer is broken")]
    public void Phrases_NotAboutAccounts_NoIntent(string text)
    {
        Assert.Null(PasswordResetPhrases.Recognize(text));
    }
}

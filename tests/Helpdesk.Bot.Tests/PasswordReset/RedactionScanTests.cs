using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Skills.PasswordReset.Embedded;
using Helpdesk.Skills.PasswordReset.Verification;
using OtpNet;

namespace Helpdesk.Bot.Tests.PasswordReset;

/// <summary>
/// Scripted runs through the real host over Direct Line with SQLite — reset by e-mail code with a wrong code first,
/// the reset page (weak then strong password, then a replay), an unlock with an authenticator code, a user typing a
/// password into the chat — then every row of every table of the database (state, transcripts, audit, codes, links…;
/// the in-memory outbox aside) and every captured log line is scanned for the codes, link, token and passwords used.
/// </summary>
public sealed class RedactionScanTests : IAsyncLifetime
{
    private const string StrongPassword = "Velvet lantern orbit quarry 91";
    private const string WeakPassword = "passwordpassword";
    private const string VolunteeredPassword = "Hunter2-Secret!x";

    private PasswordResetTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new PasswordResetTestHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ScriptedRuns_NoSecretInAnyStoredRowOrLogLine()
    {
        var secrets = new List<string> { StrongPassword, WeakPassword, VolunteeredPassword };

        // 1. Reset by e-mail code, one wrong code first.
        var (conversation, token) = await _host.StartConversationAsync();
        await _host.WhenIdleAsync();
        Assert.Contains(await _host.SayAsync(conversation, token, "Reset my password"), r => r.Contains("user name or work e-mail", StringComparison.Ordinal));
        Assert.Contains(await _host.SayAsync(conversation, token, "ada@contoso.example"), r => r.Contains("How would you like", StringComparison.Ordinal));
        Assert.Contains(await _host.SayAsync(conversation, token, "E-mail me a code"), r => r.Contains("I've just sent", StringComparison.Ordinal));
        var code = _host.LastCodeTo("ada.lovelace@home.example");
        var wrong = code == "000000" ? "111111" : "000000";
        secrets.Add(code);
        secrets.Add(wrong);
        Assert.Contains(await _host.SayAsync(conversation, token, wrong), r => r.Contains("isn't right", StringComparison.Ordinal));
        var replies = await _host.SayAsync(conversation, token, code);
        var linkReply = Assert.Single(replies, r => r.Contains("/reset#", StringComparison.Ordinal));
        var linkToken = PasswordResetTestHost.LinkTokenIn(linkReply);
        secrets.Add(linkToken);
        secrets.Add("http://localhost/reset#" + linkToken);

        // The client sees its code as redacted, and the real link (served from memory, never stored).
        var seen = await _host.ActivitiesAsync(conversation, token);
        Assert.Contains(seen, a => a.GetProperty("from").GetProperty("role").GetString() == "user" && a.GetProperty("text").GetString() == RedactionMarker.Text);
        Assert.Contains(seen, a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains(linkToken, StringComparison.Ordinal));

        // 2. The reset page: weak password refused, strong accepted, the link is then dead.
        var antiforgery = await _host.OpenResetPageAsync();
        var (status, body) = await _host.ResetApiAsync("/reset/api/state", antiforgery, new { token = linkToken });
        Assert.Equal(200, status);
        Assert.Equal("valid", body.GetProperty("status").GetString());
        (status, body) = await _host.ResetApiAsync("/reset/api/submit", antiforgery, new { token = linkToken, password = WeakPassword, confirmation = WeakPassword });
        Assert.Equal(422, status);
        Assert.Contains(body.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("common or leaked", StringComparison.Ordinal));
        (status, _) = await _host.ResetApiAsync("/reset/api/submit", antiforgery, new { token = linkToken, password = StrongPassword, confirmation = StrongPassword });
        Assert.Equal(200, status);
        (status, body) = await _host.ResetApiAsync("/reset/api/submit", antiforgery, new { token = linkToken, password = StrongPassword, confirmation = StrongPassword });
        Assert.Equal(410, status);
        Assert.Equal("used", body.GetProperty("reason").GetString());
        var directory = (EmbeddedDirectory)_host.Services.GetService(typeof(EmbeddedDirectory))!;
        Assert.Equal(SignInResult.Succeeded, await directory.SignInAsync("ada", StrongPassword, default));

        // 3. Unlock with an authenticator code.
        var (unlockConversation, unlockToken) = await _host.StartConversationAsync();
        await _host.WhenIdleAsync();
        await _host.SayAsync(unlockConversation, unlockToken, "Unlock my account");
        await _host.SayAsync(unlockConversation, unlockToken, "sam");
        Assert.Contains(await _host.SayAsync(unlockConversation, unlockToken, "Authenticator app"), r => r.Contains("authenticator app", StringComparison.Ordinal));
        var totp = TotpVerifier.CodeAt(Base32Encoding.ToBytes(EmbeddedDemoUsers.All.Single(u => u.Account.UserName == "sam").TotpSecret!), _host.Time.GetUtcNow());
        secrets.Add(totp);
        Assert.Contains(await _host.SayAsync(unlockConversation, unlockToken, totp), r => r.Contains("unlocked", StringComparison.Ordinal));

        // 4. A user types a password into the chat unprompted.
        await _host.SayAsync(unlockConversation, unlockToken, "my password is " + VolunteeredPassword);

        // After the link's lifetime the client, too, only gets the redacted reply.
        _host.Time.Advance(TimeSpan.FromMinutes(11));
        var later = await _host.ActivitiesAsync(conversation, token);
        Assert.DoesNotContain(later, a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains(linkToken, StringComparison.Ordinal));

        await _host.WhenIdleAsync();
        // The scan reads real rows: a non-secret it must find is found.
        Assert.NotEmpty(SecretScanner.ScanDatabase(_host.DatabasePath, ["ada@contoso.example"]));
        var inDatabase = SecretScanner.ScanDatabase(_host.DatabasePath, secrets);
        Assert.True(inDatabase.Count == 0, "Secrets stored: " + string.Join(Environment.NewLine, inDatabase));
        var logLines = _host.Logs.Lines.Select(l => $"{l.Category} {l.Level}: {l.Message}").ToList();
        Assert.True(logLines.Count > 50, "Too few log lines captured to mean anything: " + logLines.Count);
        var inLogs = SecretScanner.ScanLines(logLines, secrets);
        Assert.True(inLogs.Count == 0, "Secrets logged: " + string.Join(Environment.NewLine, inLogs));

        // The audit saw it all, without the secrets.
        var audit = await _host.SendJsonAsync(HttpMethod.Get, "/api/admin/password-reset/audit?format=json", null, expectedStatus: 401);
        Assert.Equal(401, audit.GetProperty("status").GetInt32());
    }
}

using Helpdesk.Bot.Tests.EndToEnd;
using Helpdesk.Skills.PasswordReset.Verification;
using OtpNet;

namespace Helpdesk.Bot.Tests.PasswordReset.ActiveDirectory;

/// <summary>
/// The whole product against the real Samba AD domain controller: the host configured with
/// <c>PasswordReset:Directory=ActiveDirectory</c> (LDAPS, the least-privilege service account, the test CA trusted
/// explicitly), an authenticator enrolled through the admin API, a real lockout from failed binds, then "I can't sign
/// in" over Direct Line → verified → unlocked → reset link → new password on the reset page → an LDAP bind with it.
/// </summary>
[Collection(SambaDomainCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ActiveDirectoryEndToEndTests(SambaDomainFixture dc)
{
    [EndToEndFact(EndToEndRequirements.Samba)]
    public async Task CantSignIn_LockedAdUser_UnlockedThenResetOnThePageThenBindsWithTheNewPassword()
    {
        Assert.True(dc.Unavailable is null, dc.Unavailable);
        await using var host = new PasswordResetTestHost(new Dictionary<string, string?>
        {
            ["PasswordReset:Directory"] = "ActiveDirectory",
            ["PasswordReset:ActiveDirectory:Host"] = SambaDomainFixture.Host,
            ["PasswordReset:ActiveDirectory:Port"] = "636",
            ["PasswordReset:ActiveDirectory:BaseDn"] = SambaDomainFixture.BaseDn,
            ["PasswordReset:ActiveDirectory:BindUser"] = SambaDomainFixture.ServiceUser,
            ["PasswordReset:ActiveDirectory:BindPassword"] = SambaDomainFixture.ServicePassword,
            ["PasswordReset:ActiveDirectory:TrustedCaDirectory"] = dc.CaDirectory,
        });

        // An administrator enrols max's authenticator app (AD holds no such secret).
        var enrolled = await host.SendJsonAsync(HttpMethod.Post, "/api/admin/password-reset/enrollments", null, new { account = "max" }, 401);
        Assert.Equal(401, enrolled.GetProperty("status").GetInt32());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/password-reset/enrollments") { Content = System.Net.Http.Json.JsonContent.Create(new { account = "max" }) };
        request.Headers.Add("X-Api-Key", PasswordResetTestHost.AdminKey);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var enrollment = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("max@helpdesk.test", enrollment.GetProperty("account").GetString());
        Assert.StartsWith("otpauth://totp/", enrollment.GetProperty("otpauthUri").GetString(), StringComparison.Ordinal);
        var secret = Base32Encoding.ToBytes(enrollment.GetProperty("secret").GetString()!);

        // A real lockout: three bad passwords.
        for (var i = 0; i < 3; i++)
        {
            Assert.False(dc.CanBind("max@helpdesk.test", "bad guess " + i));
        }

        Assert.NotEqual("0", dc.ReadAttribute("max", "lockoutTime"));

        var (conversation, token) = await host.StartConversationAsync();
        await host.WhenIdleAsync();
        Assert.Contains(await host.SayAsync(conversation, token, "I can't sign in"), r => r.Contains("user name", StringComparison.Ordinal));
        Assert.Contains(await host.SayAsync(conversation, token, "max"), r => r.Contains("How would you like", StringComparison.Ordinal));
        Assert.Contains(await host.SayAsync(conversation, token, "Authenticator app"), r => r.Contains("authenticator app", StringComparison.Ordinal));
        var verified = await host.SayAsync(conversation, token, TotpVerifier.CodeAt(secret, host.Time.GetUtcNow()));
        Assert.Contains(verified, r => r.Contains("Your account was locked — I've unlocked it.", StringComparison.Ordinal));
        Assert.Equal("0", dc.ReadAttribute("max", "lockoutTime"));
        Assert.True(dc.CanBind("max@helpdesk.test", SambaDomainFixture.StartPassword));

        var link = Assert.Single(await host.SayAsync(conversation, token, "yes"), r => r.Contains("/reset#", StringComparison.Ordinal));
        var antiforgery = await host.OpenResetPageAsync();
        const string newPassword = "Quiet harbor lanterns glow at 7 tonight";
        var (status, body) = await host.ResetApiAsync("/reset/api/submit", antiforgery, new { token = PasswordResetTestHost.LinkTokenIn(link), password = newPassword, confirmation = newPassword });

        Assert.True(status == 200, body.ToString());
        Assert.True(dc.CanBind("max@helpdesk.test", newPassword));
        await host.WhenIdleAsync(); // the notification goes through the out-of-band queue, after the page's answer
        Assert.Contains(host.Outbox.Messages, m => m.To == "max@helpdesk.test" && m.Subject.Contains("password was changed", StringComparison.Ordinal));
    }
}

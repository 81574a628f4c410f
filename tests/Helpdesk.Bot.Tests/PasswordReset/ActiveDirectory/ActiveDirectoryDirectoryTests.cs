using Helpdesk.Bot.PasswordReset.Directories.ActiveDirectory;
using Helpdesk.Bot.Tests.EndToEnd;
using Helpdesk.Skills.PasswordReset.Directory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.PasswordReset.ActiveDirectory;

/// <summary>The Active Directory directory against a real Samba AD domain controller, through the least-privilege service account.</summary>
[Collection(SambaDomainCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ActiveDirectoryDirectoryTests(SambaDomainFixture dc)
{
    [EndToEndFact(EndToEndRequirements.Samba)]
    public async Task Find_BySamAccountNameUpnOrMail_ReadsAccountAndRegisteredMethods()
    {
        var directory = Directory();
        var bySam = await directory.FindAsync("ada", default);
        var byUpn = await directory.FindAsync("ADA@helpdesk.test", default);
        var byMail = await directory.FindAsync("ada@helpdesk.test", default);

        Assert.NotNull(bySam);
        Assert.Equal(bySam, byUpn);
        Assert.Equal(bySam, byMail);
        Assert.Equal("ada", bySam.UserName);
        Assert.Equal("ada@helpdesk.test", bySam.UserPrincipalName);
        Assert.Equal("ada.lovelace@home.example", bySam.AlternateEmail);
        Assert.Equal("+15550100001", bySam.MobilePhone);
        Assert.True(Guid.TryParse(bySam.Id, out _));
        Assert.True(bySam.IsEnabled);
        Assert.Equal(bySam, await directory.FindByIdAsync(bySam.Id, default));
        Assert.Null(await directory.FindAsync("nobody-here", default));
        Assert.Null(await directory.FindAsync("*", default));
        Assert.Null((await directory.FindAsync("lee", default))!.AlternateEmail);
    }

    [EndToEndFact(EndToEndRequirements.Samba)]
    public async Task SetPassword_ThroughTheServiceAccount_NewPasswordBinds()
    {
        var directory = Directory();
        var ada = (await directory.FindAsync("ada", default))!;
        const string newPassword = "Copper kettle drifts over 9 quiet dunes";
        var before = long.Parse(dc.ReadAttribute("ada", "pwdLastSet")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(dc.CanBind("ada@helpdesk.test", SambaDomainFixture.StartPassword));
        Assert.False(dc.CanBind("ada@helpdesk.test", newPassword));

        var result = await directory.SetPasswordAsync(ada, newPassword, mustChangeAtNextSignIn: false, default);

        Assert.True(result.Succeeded, result.Problem);
        Assert.True(dc.CanBind("ada@helpdesk.test", newPassword));
        Assert.True(long.Parse(dc.ReadAttribute("ada", "pwdLastSet")!, System.Globalization.CultureInfo.InvariantCulture) > before);
        Assert.False(dc.CanBind("ada@helpdesk.test", SambaDomainFixture.StartPassword)); // the previous password no longer works
    }

    [EndToEndFact(EndToEndRequirements.Samba)]
    public async Task Unlock_AfterARealLockoutFromFailedBinds_ClearsItAndTheRightPasswordBindsAgain()
    {
        var directory = Directory();
        for (var i = 0; i < 3; i++)
        {
            Assert.False(dc.CanBind("sam@helpdesk.test", "wrong password " + i));
        }

        var locked = (await directory.FindAsync("sam", default))!;
        Assert.True(locked.IsLocked);
        Assert.False(dc.CanBind("sam@helpdesk.test", SambaDomainFixture.StartPassword)); // locked: even the right password fails
        Assert.NotEqual("0", dc.ReadAttribute("sam", "lockoutTime"));

        await directory.UnlockAsync(locked, default);

        Assert.False((await directory.FindAsync("sam", default))!.IsLocked);
        Assert.Equal("0", dc.ReadAttribute("sam", "lockoutTime"));
        Assert.True(dc.CanBind("sam@helpdesk.test", SambaDomainFixture.StartPassword));
    }

    [EndToEndFact(EndToEndRequirements.Samba)]
    public async Task SetPassword_MustChange_SetsPwdLastSetToZero()
    {
        var directory = Directory();
        var lee = (await directory.FindAsync("lee", default))!;

        var result = await directory.SetPasswordAsync(lee, "Temporary-Kp7w2-Rm4xq-Ht9zc", mustChangeAtNextSignIn: true, default);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal("0", dc.ReadAttribute("lee", "pwdLastSet"));
    }

    [EndToEndFact(EndToEndRequirements.Samba)]
    public async Task Administrator_NotSelfServiceable_AndTheServiceAccountHasNoRightsOnIt()
    {
        var directory = Directory();
        var admin = await directory.FindAsync("Administrator", default);

        // Privileged accounts (adminCount=1) are never offered self-service…
        Assert.NotNull(admin);
        Assert.False(admin.IsEnabled);

        // …and the service account's rights stop at OU=Staff: the DC itself refuses.
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.SetPasswordAsync(admin, "Some other long Passphrase 42", false, default));
        Assert.True(dc.CanBind(SambaDomainFixture.AdminUser, SambaDomainFixture.AdminPassword));
    }

    [EndToEndFact(EndToEndRequirements.Samba)]
    public async Task SetPassword_RefusedByTheDomainsComplexityPolicy_RejectedWithAReasonAndNothingChanged()
    {
        var directory = Directory();
        var sam = (await directory.FindAsync("sam", default))!;

        var result = await directory.SetPasswordAsync(sam, "only lowercase words in this long passphrase", false, default);

        Assert.False(result.Succeeded);
        Assert.Contains("password policy", result.Problem, StringComparison.Ordinal);
        Assert.True(dc.CanBind("sam@helpdesk.test", SambaDomainFixture.StartPassword) || (await directory.FindAsync("sam", default))!.IsLocked);
    }

    [EndToEndFact(EndToEndRequirements.Samba)]
    public async Task Find_UntrustedCertificate_RefusedAsUnavailable()
    {
        var directory = Directory(trustedCa: Path.GetTempPath());

        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.FindAsync("ada", default));
    }

    [EndToEndFact(EndToEndRequirements.Samba)]
    public async Task Find_WrongServicePassword_Unavailable()
    {
        var directory = Directory(password: "not the password");

        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.FindAsync("ada", default));
    }

    private ActiveDirectoryDirectory Directory(string? trustedCa = null, string? password = null)
    {
        Assert.True(dc.Unavailable is null, dc.Unavailable);
        return new ActiveDirectoryDirectory(
            Options.Create(new ActiveDirectoryOptions
            {
                Host = SambaDomainFixture.Host,
                Port = SambaDomainFixture.LdapsPort,
                BaseDn = SambaDomainFixture.BaseDn,
                BindUser = SambaDomainFixture.ServiceUser,
                BindPassword = password ?? SambaDomainFixture.ServicePassword,
                TrustedCaDirectory = trustedCa ?? dc.CaDirectory,
            }),
            NullLogger<ActiveDirectoryDirectory>.Instance);
    }
}

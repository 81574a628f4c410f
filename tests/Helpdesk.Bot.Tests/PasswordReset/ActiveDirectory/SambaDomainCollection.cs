namespace Helpdesk.Bot.Tests.PasswordReset.ActiveDirectory;

/// <summary>One Samba domain controller for every Active Directory test (its LDAP ports are fixed).</summary>
[CollectionDefinition(Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SambaDomainCollection : ICollectionFixture<SambaDomainFixture>
{
    public const string Name = "SambaDomain";
}

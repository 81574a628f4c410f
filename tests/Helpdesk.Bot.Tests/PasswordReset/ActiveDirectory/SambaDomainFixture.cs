using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Helpdesk.Bot.Tests.EndToEnd;

namespace Helpdesk.Bot.Tests.PasswordReset.ActiveDirectory;

/// <summary>
/// A real Samba Active Directory domain controller for the tests: provisioned fresh in a temporary folder (realm
/// HELPDESK.TEST, no DNS), with its own test CA and a certificate for <c>localhost</c>, started with only the LDAP
/// service (LDAP 389 / LDAPS 636 on loopback — ports Samba forces, so only these tests use them), a lockout policy of
/// 3 bad passwords, demo users in <c>OU=Staff</c>, and a least-privilege service account with rights on that OU only
/// (read users; "Reset Password" right; write lockoutTime and pwdLastSet) — not on CN=Users, where the
/// administrators live. Password complexity stays on, as in a default domain. Samba runs interactive, so it exits when this process goes away; a leftover instance
/// from a crashed run (recorded in the pid file) is stopped first. Linux only (Samba's AD DC).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SambaDomainFixture : IAsyncLifetime
{
    public const string Realm = "HELPDESK.TEST";
    public const string BaseDn = "DC=helpdesk,DC=test";
    // OpenLDAP replaces "localhost" by the machine's own name in the TLS host check: connect by address (in the certificate's SANs).
    public const string Host = "127.0.0.1";
    public const int LdapsPort = 636;
    public const string AdminUser = "Administrator@helpdesk.test";
    public const string AdminPassword = "Adm1n!Helpdesk-Test#2026";
    public const string ServiceUser = "svc-helpdesk@helpdesk.test";
    public const string ServicePassword = "Svc!Helpdesk-Least-Priv#2026";
    public const string StartPassword = "Start!Passw0rd-long-1";
    public const string StaffOu = "OU=Staff," + BaseDn;

    private static readonly string RootDirectory = Path.Combine(Path.GetTempPath(), "helpdesk-samba-tests");
    private static readonly string PidFile = Path.Combine(RootDirectory, "samba.pid");

    private readonly StringBuilder _output = new();
    private Process? _samba;
    private string _directory = string.Empty;

    /// <summary>The folder of trusted CA certificates (hashed names) that makes the DC's certificate trusted.</summary>
    public string CaDirectory { get; private set; } = string.Empty;

    public string ConfigFile => Path.Combine(_directory, "etc", "smb.conf");

    /// <summary>Why the domain controller is not there (tools missing and not CI); null when it runs.</summary>
    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        if (EndToEndEnvironment.Missing(EndToEndRequirements.Samba) is { } missing && !EndToEndEnvironment.IsCi)
        {
            Unavailable = missing;
            return;
        }

        Directory.CreateDirectory(RootDirectory);
        await StopLeftoverAsync();
        _directory = Path.Combine(RootDirectory, "dc-" + Guid.NewGuid().ToString("N")[..8]);
        CaDirectory = Path.Combine(_directory, "ca");
        var tls = Path.Combine(_directory, "tls");
        Directory.CreateDirectory(CaDirectory);
        Directory.CreateDirectory(tls);
        await CreateCertificatesAsync(tls);

        await RunAsync("samba-tool",
        [
            "domain", "provision", "--realm=" + Realm, "--domain=HELPDESK", "--server-role=dc", "--dns-backend=NONE",
            "--adminpass=" + AdminPassword, "--targetdir=" + _directory, "--host-name=dc1",
            "--option=interfaces=lo", "--option=bind interfaces only=yes", "--option=server services=ldap",
            "--option=tls enabled=yes", $"--option=tls keyfile={tls}/key.pem", $"--option=tls certfile={tls}/cert.pem", $"--option=tls cafile={tls}/ca.pem",
            $"--option=log file={_directory}/log.%m", $"--option=pid directory={_directory}/run",
        ], TimeSpan.FromMinutes(3));
        // Samba accepts the previous password for 60 minutes after a reset by default ("old password allowed period",
        // the counterpart of Windows' OldPasswordAllowedPeriod); the tests check it no longer works. Provision does not
        // write this setting from --option, so it goes into the generated smb.conf directly.
        var config = await File.ReadAllTextAsync(ConfigFile);
        await File.WriteAllTextAsync(ConfigFile, config.Replace("[global]\n", "[global]\n\told password allowed period = 0\n", StringComparison.Ordinal));
        await RunAsync("samba-tool", ["domain", "passwordsettings", "set", "-s", ConfigFile, "--account-lockout-threshold=3", "--account-lockout-duration=30", "--reset-account-lockout-after=30", "--min-pwd-age=0"], TimeSpan.FromMinutes(1));

        StartSamba();
        await WaitUntilReadyAsync();
        await RunAsync("samba-tool", ["ou", "create", StaffOu, "-s", ConfigFile], TimeSpan.FromMinutes(1));

        await CreateUserAsync("ada", "Ada", "Lovelace", "ada.lovelace@home.example", "+15550100001");
        await CreateUserAsync("sam", "Sam", "Rivera", "sam.rivera@home.example", "+15550100002");
        await CreateUserAsync("lee", "Lee", "Chen", null, null);
        await CreateUserAsync("max", "Max", "Keller", "max.keller@home.example", null);
        await RunAsync("samba-tool", ["user", "create", "svc-helpdesk", ServicePassword, "-s", ConfigFile, "--description=Helpdesk.Bot service account (least privilege)"], TimeSpan.FromMinutes(1));
        var sid = (await RunAsync("samba-tool", ["user", "show", "svc-helpdesk", "-s", ConfigFile, "--attributes=objectSid"], TimeSpan.FromMinutes(1)))
            .Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("objectSid:", StringComparison.Ordinal))["objectSid:".Length..].Trim();
        const string userClass = "bf967aba-0de6-11d0-a285-00aa003049e2";
        foreach (var ace in new[]
        {
            $"(OA;CI;CR;00299570-246d-11d0-a768-00aa006e0529;{userClass};{sid})", // Reset Password (User-Force-Change-Password)
            $"(OA;CI;WP;28630ebf-41d5-11d1-a9c1-0000f80367c1;{userClass};{sid})", // write lockoutTime
            $"(OA;CI;WP;bf967a0a-0de6-11d0-a285-00aa003049e2;{userClass};{sid})", // write pwdLastSet
        })
        {
            await RunAsync("samba-tool", ["dsacl", "set", "-s", ConfigFile, "--objectdn=" + StaffOu, "--sddl=" + ace], TimeSpan.FromMinutes(1));
        }
    }

    public async Task DisposeAsync()
    {
        if (_samba is { HasExited: false })
        {
            _samba.StandardInput.Close(); // interactive samba exits on end of input
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _samba.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _samba.Kill(entireProcessTree: true);
            }
        }

        _samba?.Dispose();
        File.Delete(PidFile);
        if (_directory.Length > 0)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    /// <summary>True when <paramref name="user"/> can bind with <paramref name="password"/> (false: invalid credentials or locked out).</summary>
    public bool CanBind(string user, string password)
    {
        try
        {
            using var connection = Connect(user, password);
            connection.Bind();
            return true;
        }
        catch (LdapException ex) when (ex.ErrorCode == 49)
        {
            return false;
        }
    }

    /// <summary>An attribute of a user, read as the administrator.</summary>
    public string? ReadAttribute(string samAccountName, string attribute)
    {
        using var connection = Connect(AdminUser, AdminPassword);
        connection.Bind();
        var response = (SearchResponse)connection.SendRequest(new SearchRequest(BaseDn, $"(sAMAccountName={samAccountName})", SearchScope.Subtree, attribute));
        var values = response.Entries.Count == 1 ? response.Entries[0].Attributes[attribute] : null;
        return values is { Count: > 0 } ? (string)values.GetValues(typeof(string))[0] : null;
    }

    public LdapConnection Connect(string user, string password)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(Host, LdapsPort, true, false))
        {
            AuthType = AuthType.Basic,
            Credential = new NetworkCredential(user, password),
            Timeout = TimeSpan.FromSeconds(15),
        };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.SecureSocketLayer = true;
        connection.SessionOptions.TrustedCertificatesDirectory = CaDirectory;
        connection.SessionOptions.StartNewTlsSessionContext();
        return connection;
    }

    private async Task CreateUserAsync(string name, string given, string surname, string? alternateEmail, string? mobile)
    {
        await RunAsync("samba-tool", ["user", "create", name, StartPassword, "-s", ConfigFile, "--userou=OU=Staff", $"--mail-address={name}@helpdesk.test", "--given-name=" + given, "--surname=" + surname], TimeSpan.FromMinutes(1));
        if (alternateEmail is null && mobile is null)
        {
            return;
        }

        using var connection = Connect(AdminUser, AdminPassword);
        connection.Bind();
        var request = new ModifyRequest($"CN={given} {surname},{StaffOu}");
        if (alternateEmail is not null)
        {
            request.Modifications.Add(new DirectoryAttributeModification { Name = "otherMailbox", Operation = DirectoryAttributeOperation.Replace });
            request.Modifications[^1].Add(alternateEmail);
        }

        if (mobile is not null)
        {
            request.Modifications.Add(new DirectoryAttributeModification { Name = "mobile", Operation = DirectoryAttributeOperation.Replace });
            request.Modifications[^1].Add(mobile);
        }

        connection.SendRequest(request);
    }

    private async Task CreateCertificatesAsync(string tls)
    {
        await RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", $"{tls}/ca.key", "-out", $"{tls}/ca.pem", "-days", "2", "-subj", "/CN=Helpdesk.Bot test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], TimeSpan.FromMinutes(1));
        await RunAsync("openssl", ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", $"{tls}/key.pem", "-out", $"{tls}/server.csr", "-subj", "/CN=localhost"], TimeSpan.FromMinutes(1));
        await File.WriteAllTextAsync($"{tls}/ext.cnf", "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        await RunAsync("openssl", ["x509", "-req", "-in", $"{tls}/server.csr", "-CA", $"{tls}/ca.pem", "-CAkey", $"{tls}/ca.key", "-CAcreateserial", "-out", $"{tls}/cert.pem", "-days", "2", "-extfile", $"{tls}/ext.cnf"], TimeSpan.FromMinutes(1));
        File.SetUnixFileMode($"{tls}/key.pem", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Copy($"{tls}/ca.pem", Path.Combine(CaDirectory, "ca.pem"));
        await RunAsync("openssl", ["rehash", CaDirectory], TimeSpan.FromMinutes(1));
    }

    private void StartSamba()
    {
        var start = new ProcessStartInfo(EndToEndEnvironment.FindOnPath("samba") ?? "/usr/sbin/samba")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-s", ConfigFile, "-i", "--debug-stdout" })
        {
            start.ArgumentList.Add(argument);
        }

        _samba = Process.Start(start) ?? throw new InvalidOperationException("samba did not start.");
        _samba.OutputDataReceived += (_, e) => Keep(e.Data);
        _samba.ErrorDataReceived += (_, e) => Keep(e.Data);
        _samba.BeginOutputReadLine();
        _samba.BeginErrorReadLine();
        File.WriteAllText(PidFile, _samba.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > 20_000)
            {
                _output.Remove(0, _output.Length - 20_000);
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var started = TimeProvider.System.GetTimestamp();
        Exception? last = null;
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(90))
        {
            if (_samba!.HasExited)
            {
                throw new InvalidOperationException($"samba exited with code {_samba.ExitCode}:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var connection = Connect(AdminUser, AdminPassword);
                connection.Bind();
                return;
            }
            catch (LdapException ex)
            {
                last = ex;
                await Task.Delay(500);
            }
        }

        throw new InvalidOperationException($"Samba's LDAPS did not answer within 90 s ({last?.Message}):{Environment.NewLine}{Output()}");
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static async Task StopLeftoverAsync()
    {
        if (File.Exists(PidFile) && int.TryParse(await File.ReadAllTextAsync(PidFile), out var pid))
        {
            try
            {
                using var leftover = Process.GetProcessById(pid);
                if (leftover.ProcessName.StartsWith("samba", StringComparison.Ordinal))
                {
                    leftover.Kill(entireProcessTree: true);
                    await leftover.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
                }
            }
            catch (ArgumentException)
            {
                // Not running any more.
            }
        }

        foreach (var old in Directory.GetDirectories(RootDirectory, "dc-*"))
        {
            try
            {
                Directory.Delete(old, recursive: true);
            }
            catch (IOException)
            {
                // Still in use by something; leave it.
            }
        }

        var started = TimeProvider.System.GetTimestamp();
        while (PortInUse(LdapsPort) || PortInUse(389))
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException("The LDAP ports 389/636 are in use by another program (another Samba or slapd?): the Samba AD tests need them (Samba cannot use other ports).");
            }

            await Task.Delay(500);
        }
    }

    private static bool PortInUse(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<string> RunAsync(string tool, string[] arguments, TimeSpan timeout)
    {
        var path = EndToEndEnvironment.FindOnPath(tool) ?? ("/usr/sbin/" + tool);
        var result = await ProcessRunner.RunAsync(path, arguments, Path.GetTempPath(), timeout);
        if (result.ExitCode != 0 || result.TimedOut)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments.Where(a => !a.Contains("pass", StringComparison.OrdinalIgnoreCase)))} failed ({(result.TimedOut ? "timed out" : "exit " + result.ExitCode)}):{Environment.NewLine}{result.StandardError}{result.StandardOutput}");
        }

        return result.StandardOutput;
    }
}

namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>What the machine offers the end-to-end tests: CI flag, Node.js, npm, Chromium, bash and python3.</summary>
public static class EndToEndEnvironment
{
    /// <summary>Overrides the Chromium executable (default <c>/usr/bin/chromium</c>).</summary>
    public const string ChromiumPathVariable = "CHROMIUM_PATH";

    private const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>True when <c>CI=true</c>: end-to-end tests must run (and fail if a tool is missing), never skip.</summary>
    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } value &&
        (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumPathVariable) is { Length: > 0 } path ? path : DefaultChromiumPath;

    /// <summary>A description of the missing tools, or <see langword="null"/> when all are present.</summary>
    public static string? Missing(EndToEndRequirements requirements)
    {
        var missing = new List<string>();
        if (requirements.HasFlag(EndToEndRequirements.Node))
        {
            if (FindOnPath("node") is null)
            {
                missing.Add("Node.js ('node' is not on PATH)");
            }

            if (FindOnPath("npm") is null)
            {
                missing.Add("npm ('npm' is not on PATH)");
            }
        }

        if (requirements.HasFlag(EndToEndRequirements.Python))
        {
            foreach (var tool in new[] { "bash", "python3" })
            {
                if (FindOnPath(tool) is null)
                {
                    missing.Add($"{tool} ('{tool}' is not on PATH)");
                }
            }
        }

        if (requirements.HasFlag(EndToEndRequirements.Chromium) && !File.Exists(ChromiumPath))
        {
            missing.Add($"Chromium (not found at {ChromiumPath}; install it with 'apt-get install chromium' or set {ChromiumPathVariable})");
        }

        if (requirements.HasFlag(EndToEndRequirements.Samba))
        {
            foreach (var tool in new[] { "samba", "samba-tool", "openssl" })
            {
                if (FindOnPath(tool) is null && !File.Exists("/usr/sbin/" + tool))
                {
                    missing.Add($"{tool} (install Samba's AD DC: 'apt-get install samba samba-ad-dc samba-ad-provision samba-dsdb-modules winbind openssl')");
                }
            }

            if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            {
                missing.Add("root on Linux (a Samba domain controller binds the LDAP ports 389/636)");
            }
        }

        if (requirements.HasFlag(EndToEndRequirements.SmtpSink) && !File.Exists("/usr/lib/python3/dist-packages/aiosmtpd/__init__.py"))
        {
            missing.Add("python3-aiosmtpd (a real SMTP sink: 'apt-get install python3-aiosmtpd')");
        }

        return missing.Count == 0 ? null : "Missing " + string.Join(", ", missing);
    }

    /// <summary>The full path of an executable found on PATH, or <see langword="null"/>.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in new[] { name, name + ".exe", name + ".cmd" })
            {
                var full = Path.Combine(directory, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }
}

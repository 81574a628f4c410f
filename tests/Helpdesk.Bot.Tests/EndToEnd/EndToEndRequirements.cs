namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>Tools an end-to-end test needs on the machine.</summary>
[Flags]
public enum EndToEndRequirements
{
    None = 0,

    /// <summary>Node.js and npm (the scripted clients in tests/e2e).</summary>
    Node = 1,

    /// <summary>Chromium (Web Chat in a real browser).</summary>
    Chromium = 2,

    /// <summary>bash and python3 (the Teams app package build script).</summary>
    Python = 4,

    /// <summary>A Samba Active Directory domain controller (samba, samba-tool, openssl; run as root).</summary>
    Samba = 8,

    /// <summary>A real SMTP server to send to (python3 with aiosmtpd).</summary>
    SmtpSink = 16,
}

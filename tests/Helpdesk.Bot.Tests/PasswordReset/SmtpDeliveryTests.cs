using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Helpdesk.Bot.Tests.EndToEnd;

namespace Helpdesk.Bot.Tests.PasswordReset;

/// <summary>
/// Codes by e-mail through a real SMTP server: aiosmtpd (Debian's python3-aiosmtpd) on a free loopback port, storing
/// what it receives in a maildir; the bot is configured with <c>PasswordReset:Smtp</c> and sends with MailKit.
/// </summary>
public sealed partial class SmtpDeliveryTests
{
    [EndToEndFact(EndToEndRequirements.SmtpSink)]
    public async Task EmailCode_ThroughARealSmtpServer_ArrivesAndVerifies()
    {
        var maildir = Path.Combine(Path.GetTempPath(), "helpdesk-smtp-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        using var sink = StartSink(maildir, port);
        try
        {
            await WaitForPortAsync(port, sink);
            await using var host = new PasswordResetTestHost(new Dictionary<string, string?>
            {
                ["PasswordReset:Smtp:Host"] = "127.0.0.1",
                ["PasswordReset:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PasswordReset:Smtp:Security"] = "None",
                ["PasswordReset:Smtp:From"] = "it-help@contoso.example",
            });
            var (conversation, token) = await host.StartConversationAsync();
            await host.WhenIdleAsync();
            await host.SayAsync(conversation, token, "reset my password");
            await host.SayAsync(conversation, token, "ada");
            Assert.Contains(await host.SayAsync(conversation, token, "E-mail me a code"), r => r.Contains("I've just sent", StringComparison.Ordinal));
            await host.WhenIdleAsync();

            var mail = await WaitForMailAsync(maildir);
            Assert.Contains("To: ada.lovelace@home.example", mail, StringComparison.Ordinal);
            Assert.Contains("Subject: Your Contoso verification code", mail, StringComparison.Ordinal);
            var code = Code().Match(mail).Groups[1].Value;
            Assert.Equal(6, code.Length);
            Assert.Contains(await host.SayAsync(conversation, token, code), r => r.Contains("you're verified", StringComparison.Ordinal));
            Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(code, StringComparison.Ordinal) && Regex.IsMatch(l.Message, $@"(?<!\d){code}(?!\d)"));
        }
        finally
        {
            if (!sink.HasExited)
            {
                sink.Kill(entireProcessTree: true);
            }

            try
            {
                Directory.Delete(maildir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static Process StartSink(string maildir, int port)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Mailbox", "-l", $"127.0.0.1:{port}", maildir })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, Process sink)
    {
        for (var i = 0; i < 100; i++)
        {
            if (sink.HasExited)
            {
                throw new InvalidOperationException("aiosmtpd exited: " + await sink.StandardError.ReadToEndAsync());
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("aiosmtpd did not listen on port " + port);
    }

    private static async Task<string> WaitForMailAsync(string maildir)
    {
        for (var i = 0; i < 100; i++)
        {
            var folder = Path.Combine(maildir, "new");
            if (Directory.Exists(folder) && Directory.GetFiles(folder) is [var file, ..])
            {
                return await File.ReadAllTextAsync(file);
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("No mail arrived in " + maildir);
    }

    [GeneratedRegex(@"Your verification code is (\d{6})")]
    private static partial Regex Code();
}

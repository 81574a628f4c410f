using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>
/// Runs the scripted real clients in tests/e2e with Node.js. Their npm dependencies are installed once per test run
/// (<c>npm ci</c>, only when node_modules is missing or older than package-lock.json), under an in-process lock and
/// a cross-process file lock so parallel test runs don't install over each other.
/// </summary>
public static class NodeE2EScripts
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static bool _installed;

    public static async Task<NodeScriptResult> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        await EnsureDependenciesAsync();
        var node = EndToEndEnvironment.FindOnPath("node")
            ?? throw new InvalidOperationException("Node.js ('node') is not on PATH: install Node.js 18+ to run the end-to-end tests.");
        var process = await ProcessRunner.RunAsync(node, [script, .. arguments], RepositoryPaths.NodeE2E, timeout);
        return NodeScriptResult.From(script, process);
    }

    public static async Task EnsureDependenciesAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_installed)
            {
                return;
            }

            using (await AcquireFileLockAsync())
            {
                if (!IsInstalled())
                {
                    var npm = EndToEndEnvironment.FindOnPath("npm")
                        ?? throw new InvalidOperationException("npm is not on PATH: install Node.js/npm to run the end-to-end tests.");
                    var result = await ProcessRunner.RunAsync(npm, ["ci", "--no-audit", "--no-fund"], RepositoryPaths.NodeE2E, InstallTimeout);
                    if (result.ExitCode != 0 || !IsInstalled())
                    {
                        throw new InvalidOperationException(
                            $"npm ci in {RepositoryPaths.NodeE2E} failed (exit code {result.ExitCode}):{Environment.NewLine}{result.StandardError}{result.StandardOutput}");
                    }
                }
            }

            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    // npm ci writes node_modules/.package-lock.json after a complete install.
    private static bool IsInstalled()
    {
        var installed = new FileInfo(Path.Combine(RepositoryPaths.NodeE2E, "node_modules", ".package-lock.json"));
        var lockFile = new FileInfo(Path.Combine(RepositoryPaths.NodeE2E, "package-lock.json"));
        return installed.Exists && installed.LastWriteTimeUtc >= lockFile.LastWriteTimeUtc;
    }

    private static async Task<FileStream> AcquireFileLockAsync()
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RepositoryPaths.NodeE2E)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"helpdesk-bot-e2e-npm-{key}.lock");
        using var deadline = new CancellationTokenSource(InstallTimeout);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
            }
        }
    }
}

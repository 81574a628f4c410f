using System.Diagnostics;
using Helpdesk.Bot.Tests.EndToEnd;
using Npgsql;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>
/// A real PostgreSQL server the tests start themselves: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c>
/// listening only on a Unix socket in that folder (no TCP port, so parallel runs never collide), trust auth for the
/// test user. As root (CI), the server runs as the <c>postgres</c> system user through <c>runuser</c>.
/// Binaries: Debian's postgresql package (<c>/usr/lib/postgresql/*/bin</c>). When they are missing the tests skip
/// with the reason — except under <c>CI=true</c>, where starting fails the tests.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const int Port = 5432;
    private string? _root;
    private string? _bin;
    private bool _asPostgresUser;

    /// <summary>Null when running; otherwise why not.</summary>
    public string? Unavailable { get; private set; }

    public string ConnectionString { get; private set; } = string.Empty;

    public static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    public async Task InitializeAsync()
    {
        _bin = FindBinDirectory();
        if (_bin is null)
        {
            Unavailable = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; apt-get install postgresql)";
            if (EndToEndEnvironment.IsCi)
            {
                throw new InvalidOperationException(Unavailable + " — required under CI=true.");
            }

            return;
        }

        _root = Path.Combine("/tmp", "helpdesk-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        _asPostgresUser = Environment.UserName == "root";
        if (_asPostgresUser)
        {
            await RunAsync("/bin/chown", ["postgres:postgres", _root], asPostgres: false);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "helpdesk", "--auth=trust", "-E", "UTF8", "--no-sync"], _asPostgresUser);
        await RunAsync(
            Path.Combine(_bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o", $"-c listen_addresses='' -k {_root} -p {Port} -c fsync=off -c max_connections=200", "start"],
            _asPostgresUser);
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = _root,
            Port = Port,
            Username = "helpdesk",
            Database = "postgres",
            Pooling = true,
            MaxPoolSize = 50,
        }.ToString();
    }

    /// <summary>A fresh, empty database on the server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    public async Task DisposeAsync()
    {
        if (_root is null || _bin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], _asPostgresUser);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var startInfo = asPostgres ? new ProcessStartInfo("/usr/sbin/runuser") : new ProcessStartInfo(file);
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                startInfo.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = _root is not null && File.Exists(Path.Combine(_root, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(_root, "server.log")) : string.Empty;
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await output}{await error}{log}");
        }
    }
}

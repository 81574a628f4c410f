using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Helpdesk.Bot.Core.State;

/// <summary>
/// One SQLite database file shared by the stores that default to it (bot state, Direct Line transcripts…).
/// Connections are pooled; each opened connection waits up to 5 s on a busy database instead of failing.
/// The database is put in WAL mode once, so readers never block the writer. SQLite has one writer at a time: this
/// process's writers take turns through <see cref="EnterWriteAsync"/> (waiting asynchronously, in order) instead of
/// sleeping in SQLite's busy handler on a thread-pool thread; the busy timeout still covers other processes.
/// </summary>
public sealed class SqliteDatabase
{
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    private readonly Lazy<Task> _initialize;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // The database's own connection and its prepared statements, used only inside a session (under the gate).
    private readonly Dictionary<string, SqliteCommand> _sessionCommands = new(StringComparer.Ordinal);
    private SqliteConnection? _sessionConnection;

    // Pooled physical connections keep their pragmas: set them once per native handle, not on every open.
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    // An in-memory database exists while a connection to it is open: held here, it lives exactly as long as this
    // object can be used (whoever keeps the database keeps its data, whatever else is collected).
    private readonly SqliteConnection? _keepAlive;

    public SqliteDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 5 };
        ConnectionString = builder.ToString();
        _initialize = new Lazy<Task>(InitializeAsync);
    }

    private SqliteDatabase(string connectionString, SqliteConnection keepAlive)
        : this(connectionString)
    {
        _keepAlive = keepAlive;
    }

    public string ConnectionString { get; }

    /// <summary>True for a database made by <see cref="InMemory"/>.</summary>
    public bool IsInMemory => _keepAlive is not null;

    /// <summary>
    /// A private in-memory database (shared cache, so every pooled connection sees the same data) that lives as long
    /// as the returned object: it holds one connection to it open.
    /// </summary>
    public static SqliteDatabase InMemory(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = name,
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString();
        var keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        return new SqliteDatabase(connectionString, keepAlive);
    }

    /// <summary>A database file at <paramref name="path"/> (created with its folder if missing).</summary>
    public static SqliteDatabase ForFile(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteDatabase(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
    }

    /// <summary>An open connection with the pragmas every store relies on.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _initialize.Value;
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var handle = connection.Handle;
            if (handle is null || !_configured.TryGetValue(handle, out _))
            {
                using var pragma = connection.CreateCommand();
                pragma.CommandText = ConnectionPragmas;
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                if (handle is not null)
                {
                    _configured.AddOrUpdate(handle, handle);
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits (asynchronously) until no other writer of this process is writing to the database; dispose the result
    /// after the write's commit. Hold it only around the write itself.
    /// </summary>
    public async Task<SqliteWriteLock> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return new SqliteWriteLock(_writeGate);
    }

    /// <summary>
    /// Like <see cref="EnterWriteAsync"/> (the same turns), on the database's own connection with prepared statements:
    /// for the small reads and writes every bot turn makes, which then neither take a pooled connection nor prepare
    /// their statements again, and find the pages they touch in that connection's cache.
    /// </summary>
    public async Task<SqliteSession> EnterSessionAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            _sessionConnection ??= await OpenAsync(cancellationToken);
            return new SqliteSession(_writeGate, _sessionConnection, _sessionCommands);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>Runs <paramref name="sql"/> once (schema creation), on a fresh connection.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when the database answers a trivial query.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private async Task InitializeAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync();
    }
}

using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Helpdesk.Bot.Core.State;

/// <summary>
/// This process's turn at the database (<see cref="SqliteDatabase.EnterSessionAsync"/>) on the database's own
/// long-lived connection: its page cache stays warm (only other connections' writes invalidate it) and its statements
/// stay prepared (<see cref="Command"/>). Dispose it right after the work; a transaction left open is rolled back.
/// </summary>
public sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands;
    private SemaphoreSlim? _gate;

    internal SqliteSession(SemaphoreSlim gate, SqliteConnection connection, Dictionary<string, SqliteCommand> commands)
    {
        _gate = gate;
        Connection = connection;
        _commands = commands;
    }

    public SqliteConnection Connection { get; }

    /// <summary>The prepared command for <paramref name="sql"/>, with no parameters; valid until the session ends.</summary>
    public SqliteCommand Command(string sql)
    {
        ObjectDisposedException.ThrowIf(_gate is null, this);
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>Runs a statement without parameters or results (BEGIN, COMMIT, ROLLBACK).</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken) =>
        await Command(sql).ExecuteNonQueryAsync(cancellationToken);

    public void Dispose()
    {
        var gate = Interlocked.Exchange(ref _gate, null);
        if (gate is null)
        {
            return;
        }

        try
        {
            if (Connection.Handle is { } handle && raw.sqlite3_get_autocommit(handle) == 0)
            {
                using var rollback = Connection.CreateCommand();
                rollback.CommandText = "ROLLBACK";
                rollback.ExecuteNonQuery();
            }
        }
        finally
        {
            gate.Release();
        }
    }
}

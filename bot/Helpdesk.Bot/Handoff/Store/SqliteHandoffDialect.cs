using System.Data.Common;
using Helpdesk.Bot.Core.State;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Handoff.Store;

/// <summary>
/// The handoff store in the bot's SQLite database (the default). With <see cref="InMemory"/> (Storage:Provider=Memory)
/// it is a private shared-cache in-memory database, kept alive by one open connection.
/// </summary>
internal sealed class SqliteHandoffDialect(SqliteDatabase database, SqliteConnection? keepAlive = null) : HandoffSqlDialect, IDisposable
{
    private const int SqliteConstraint = 19;

    public override string Name => "sqlite";

    public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override bool HasSingleWriterProcess => true;

    /// <summary>A fresh in-memory database that lives as long as the returned dialect.</summary>
    public static SqliteHandoffDialect InMemory()
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = "helpdesk-handoff-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString();
        var keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        return new SqliteHandoffDialect(new SqliteDatabase(connectionString), keepAlive);
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    public override async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => await database.EnterWriteAsync(cancellationToken);

    public override async Task InTransactionAsync(Func<Func<string, DbCommand>, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var session = await database.EnterSessionAsync(cancellationToken);
        await session.ExecuteAsync("BEGIN IMMEDIATE", cancellationToken);

        // A failure leaves the transaction open: ending the session rolls it back.
        await write(session.Command);
        await session.ExecuteAsync("COMMIT", cancellationToken);
    }

    public override bool IsUniqueViolation(DbException exception) => exception is SqliteException { SqliteErrorCode: SqliteConstraint };

    public void Dispose() => keepAlive?.Dispose();
}

using System.Data.Common;

namespace Helpdesk.Bot.Handoff.Store;

/// <summary>
/// What differs between the databases the handoff store runs on: how to open a connection, the auto-numbered key
/// column, and how a unique-constraint violation looks. Tables, columns, indexes and statements are the same.
/// </summary>
internal abstract class HandoffSqlDialect
{
    /// <summary>"sqlite" or "postgresql" (for logs and health).</summary>
    public abstract string Name { get; }

    /// <summary>The column definition of an auto-numbered 64-bit primary key.</summary>
    public abstract string IdentityColumn { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// True when only this process writes the database (SQLite: the file belongs to one bot process; several
    /// instances share PostgreSQL instead), so the store may remember what it wrote itself.
    /// </summary>
    public virtual bool HasSingleWriterProcess => false;

    /// <summary>
    /// Waits for this process's turn to write when the database has a single writer (SQLite); dispose the result
    /// after the commit. Null when writers need no turns (PostgreSQL).
    /// </summary>
    public virtual Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction; it gets its commands from the function it is given (with no
    /// parameters, already in the transaction). Here: on a pooled connection. SQLite overrides it to run on the
    /// database's own connection in this process's turn, with prepared statements.
    /// </summary>
    public virtual async Task InTransactionAsync(Func<Func<string, DbCommand>, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var connection = await OpenAsync(cancellationToken);
        using var writing = await EnterWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var commands = new List<DbCommand>();
        try
        {
            await write(sql =>
            {
                var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Transaction = transaction;
                commands.Add(command);
                return command;
            });
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            foreach (var command in commands)
            {
                await command.DisposeAsync();
            }
        }
    }
}

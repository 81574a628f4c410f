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
    /// Waits for this process's turn to write when the database has a single writer (SQLite); dispose the result
    /// after the commit. Null when writers need no turns (PostgreSQL).
    /// </summary>
    public virtual Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);
}

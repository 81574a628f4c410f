using Helpdesk.Bot.Core.State;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.PasswordReset;

/// <summary>
/// The SQLite database of the password-reset stores: the bot's own database, or — with <c>Storage:Provider=Memory</c>
/// — a private in-memory one (kept alive by an anchor connection for the host's lifetime).
/// </summary>
internal sealed class PasswordResetDatabase : IDisposable
{
    private readonly SqliteConnection? _anchor;

    public PasswordResetDatabase(SqliteDatabase shared, bool inMemory)
    {
        ArgumentNullException.ThrowIfNull(shared);
        if (!inMemory)
        {
            Database = shared;
            return;
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"file:helpdesk-password-reset-{Guid.NewGuid():N}?mode=memory&cache=shared",
        }.ToString();
        _anchor = new SqliteConnection(connectionString);
        _anchor.Open();
        Database = new SqliteDatabase(connectionString);
    }

    public SqliteDatabase Database { get; }

    public void Dispose() => _anchor?.Dispose();
}

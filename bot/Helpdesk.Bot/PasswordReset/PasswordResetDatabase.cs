using Helpdesk.Bot.Core.State;

namespace Helpdesk.Bot.PasswordReset;

/// <summary>
/// The SQLite database of the password-reset stores: the bot's own database, or — with <c>Storage:Provider=Memory</c>
/// — a private in-memory one. The in-memory database keeps itself alive (<see cref="SqliteDatabase.InMemory"/>):
/// an anchor connection held here instead was collected while the stores still used the database, which then
/// vanished under them ("no such table").
/// </summary>
internal sealed class PasswordResetDatabase
{
    public PasswordResetDatabase(SqliteDatabase shared, bool inMemory)
    {
        ArgumentNullException.ThrowIfNull(shared);
        Database = inMemory ? SqliteDatabase.InMemory($"helpdesk-password-reset-{Guid.NewGuid():N}") : shared;
    }

    public SqliteDatabase Database { get; }
}

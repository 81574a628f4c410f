using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Core.Tests.Dialogs;

/// <summary>A SQLite database file in the temp folder, deleted (with its WAL files) on dispose.</summary>
internal sealed class TempSqliteFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"helpdesk-dialogs-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}

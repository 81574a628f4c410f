using Helpdesk.Bot.Core.State;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Core.Tests.State;

/// <summary>A SQLite database file in a fresh temp folder, deleted (with its WAL files) on dispose.</summary>
internal sealed class TemporarySqliteFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "helpdesk-core-tests", Guid.NewGuid().ToString("N"));

    public TemporarySqliteFile() => FilePath = System.IO.Path.Combine(_folder, "state.db");

    public string FilePath { get; }

    /// <summary>A new database object (and so a new set of pooled connections' owner) on the same file.</summary>
    public SqliteDatabase Open() => SqliteDatabase.ForFile(FilePath);

    public void Dispose()
    {
        // Pooled connections keep the file open; release this file's pool before deleting it.
        using (var connection = new SqliteConnection(Open().ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Handoff.Store;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>The handoff store contract on a SQLite file (the default).</summary>
public sealed class SqliteHandoffStoreTests : HandoffStoreContractTests, IDisposable
{
    private readonly string _directory = HandoffTestHost.NewDataDirectory();

    internal override async Task<SqlHandoffStore> CreateStoreAsync()
    {
        var store = new SqlHandoffStore(new SqliteHandoffDialect(SqliteDatabase.ForFile(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"))));
        await store.EnsureCreatedAsync(CancellationToken.None);
        return store;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        HandoffTestHost.DeleteDataDirectory(_directory);
    }
}

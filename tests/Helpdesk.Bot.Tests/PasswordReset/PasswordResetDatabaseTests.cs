using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.PasswordReset;
using Helpdesk.Skills.PasswordReset.Storage;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Tests.PasswordReset;

public sealed class PasswordResetDatabaseTests
{
    [Fact]
    public async Task Database_InMemoryOwnerCollected_StoresKeepTheirTables()
    {
        // The stores hold the database, not its owner (the DI singleton), as the host wires them.
        var db = new PasswordResetDb(NewInMemory());
        await db.ExecuteAsync("CREATE TABLE kept (v INTEGER); INSERT INTO kept VALUES (7);", CancellationToken.None);

        // The owner is collected; the connection pool then reclaims connections whose owners are gone and closes
        // idle ones (as its pruning does over time, and as ClearAllPools does at once).
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await db.ScalarAsync("SELECT 1", CancellationToken.None);
            SqliteConnection.ClearAllPools();
        }

        Assert.Equal(7L, await db.ScalarAsync("SELECT v FROM kept", CancellationToken.None));
    }

    [Fact]
    public void Database_NotInMemory_IsTheBotsDatabase()
    {
        var shared = new SqliteDatabase("Data Source=unused.db");

        Assert.Same(shared, new PasswordResetDatabase(shared, inMemory: false).Database);
    }

    // Not inlined, so no local of the caller keeps the owner reachable.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SqliteDatabase NewInMemory() => new PasswordResetDatabase(new SqliteDatabase("Data Source=unused.db"), inMemory: true).Database;
}

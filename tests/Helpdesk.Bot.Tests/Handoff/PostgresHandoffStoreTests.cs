using Helpdesk.Bot.Handoff.Store;
using Npgsql;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>The same store contract on a real PostgreSQL server (same schema and statements as SQLite).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHandoffStoreTests(PostgresServer server) : HandoffStoreContractTests
{
    internal override async Task<SqlHandoffStore> CreateStoreAsync()
    {
        Skip.If(server.Unavailable is not null, server.Unavailable + ". Runs when installed (and always under CI=true).");
        var store = new SqlHandoffStore(new PostgresHandoffDialect(NpgsqlDataSource.Create(await server.CreateDatabaseAsync())));
        await store.EnsureCreatedAsync(CancellationToken.None);
        return store;
    }
}

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>One PostgreSQL server for every test that needs one.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

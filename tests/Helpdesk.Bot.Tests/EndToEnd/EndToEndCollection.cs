namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>One real host for all end-to-end tests; they run one after another (a browser and a bot on 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<BotServerFixture>
{
    public const string Name = "EndToEnd";
}

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>An <see cref="IHttpClientFactory"/> whose clients all send through one handler (unit tests).</summary>
internal sealed class BotFrameworkTestHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>An <see cref="IHttpClientFactory"/> whose clients all go through one handler.</summary>
public sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}

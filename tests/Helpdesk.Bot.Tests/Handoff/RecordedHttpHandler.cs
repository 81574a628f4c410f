using System.Net;
using System.Text;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>An HTTP server stand-in: answers each request with the first matching scripted response and records every request.</summary>
public sealed class RecordedHttpHandler : HttpMessageHandler
{
    private readonly List<(Func<HttpRequestMessage, bool> Match, Func<HttpResponseMessage> Respond)> _routes = [];

    public List<RecordedRequest> Requests { get; } = [];

    public RecordedHttpHandler On(HttpMethod method, string pathPrefix, HttpStatusCode status, string? fixture = null, string? body = null)
    {
        _routes.Add((
            r => r.Method == method && r.RequestUri!.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal),
            () => new HttpResponseMessage(status)
            {
                Content = new StringContent(fixture is null ? body ?? string.Empty : File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Handoff", "ServiceNow", fixture)), Encoding.UTF8, "application/json"),
            }));
        return this;
    }

    public RecordedHttpHandler On(Func<HttpRequestMessage, bool> match, Func<HttpResponseMessage> respond)
    {
        _routes.Add((match, respond));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body));
        }

        var route = _routes.FirstOrDefault(r => r.Match(request));
        return route.Respond is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"error\":{\"message\":\"No route\"},\"status\":\"failure\"}") }
            : route.Respond();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Helpdesk.Bot.Tests.PasswordReset.EntraId;

/// <summary>Answers requests from scripted, recorded responses (first rule whose method and URL match), and keeps every request.</summary>
internal sealed class RecordedGraphHandler : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, Func<Uri, bool> Matches, Queue<(HttpStatusCode Status, string? Body, TimeSpan? RetryAfter)> Answers)> _rules = [];

    public ConcurrentQueue<(HttpMethod Method, Uri Uri, string? Authorization, string? Body)> Requests { get; } = new();

    public RecordedGraphHandler On(HttpMethod method, Func<Uri, bool> matches, HttpStatusCode status, string? body, TimeSpan? retryAfter = null)
    {
        var existing = _rules.FirstOrDefault(r => r.Method == method && ReferenceEquals(r.Matches, matches));
        if (existing.Answers is null)
        {
            _rules.Add((method, matches, new Queue<(HttpStatusCode, string?, TimeSpan?)>([(status, body, retryAfter)])));
        }
        else
        {
            existing.Answers.Enqueue((status, body, retryAfter));
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        foreach (var rule in _rules.Where(r => r.Method == request.Method && r.Matches(request.RequestUri!)))
        {
            var (status, answer, retryAfter) = rule.Answers.Count > 1 ? rule.Answers.Dequeue() : rule.Answers.Peek();
            var response = new HttpResponseMessage(status) { RequestMessage = request };
            if (answer is not null)
            {
                response.Content = new StringContent(answer, Encoding.UTF8, "application/json");
            }

            if (retryAfter is { } wait)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
            }

            response.Headers.TryAddWithoutValidation("request-id", Guid.NewGuid().ToString());
            return response;
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"error":{"code":"Request_ResourceNotFound","message":"Resource does not exist."}}""", Encoding.UTF8, "application/json"),
        };
    }
}

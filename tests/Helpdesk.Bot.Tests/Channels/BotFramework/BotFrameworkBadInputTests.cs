using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Tests.Infrastructure;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkBadInputTests : IDisposable
{
    private readonly BotFrameworkTestFactory _factory = BotFrameworkTestFactory.Anonymous();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("not json at all")]
    [InlineData("{\"type\":\"message\" \"text\":\"x\"}")]
    public async Task Post_MalformedJson_Returns400ProblemDetails(string body)
    {
        using var response = await _factory.PostActivityAsync(body);

        var problem = await AssertBadRequestAsync(response);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "JSON object")]
    [InlineData("null", "JSON object")]
    [InlineData("42", "JSON object")]
    [InlineData("", "empty")]
    [InlineData("{\"type\":\"message\",\"conversation\":\"abc\"}", "'$.conversation'")]
    [InlineData("{\"type\":\"message\",\"attachments\":{\"a\":1}}", "'$.attachments'")]
    public async Task Post_NotAnActivity_Returns400NamingTheProblem(string body, string expected)
    {
        using var response = await _factory.PostActivityAsync(body);

        var problem = await AssertBadRequestAsync(response);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("channelId")]
    [InlineData("serviceUrl")]
    public async Task Post_MissingRequiredField_Returns400NamingTheField(string field)
    {
        var activity = BotFrameworkTestFactory.TeamsMessage();
        activity.Remove(field);

        using var response = await _factory.PostActivityAsync(activity);

        var problem = await AssertBadRequestAsync(response);
        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MissingConversationId_Returns400NamingTheField()
    {
        var activity = BotFrameworkTestFactory.TeamsMessage();
        activity["conversation"] = new JsonObject { ["conversationType"] = "personal" };

        using var response = await _factory.PostActivityAsync(activity);

        var problem = await AssertBadRequestAsync(response);
        Assert.Contains("'conversation.id'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://connector.example.test/")]
    [InlineData("ftp://localhost/")]
    [InlineData("not a url")]
    [InlineData("https://user:pass@connector.example.test/")]
    public async Task Post_UnsafeServiceUrl_Returns400AndNothingIsSent(string serviceUrl)
    {
        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(serviceUrl: serviceUrl));

        var problem = await AssertBadRequestAsync(response);
        Assert.Contains("serviceUrl", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(_factory.Cloud.ConnectorRequests);
    }

    [Fact]
    public async Task Post_300KbBody_Returns400()
    {
        var activity = BotFrameworkTestFactory.TeamsMessage(new string('x', 300 * 1024));

        using var response = await _factory.PostActivityAsync(activity);

        var problem = await AssertBadRequestAsync(response);
        Assert.Contains("256 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_300KbBodyWithoutContentLength_Returns400()
    {
        var payload = Encoding.UTF8.GetBytes(BotFrameworkTestFactory.TeamsMessage(new string('x', 300 * 1024)).ToJsonString());
        using var client = _factory.CreateClient();
        using var content = new StreamContent(new NoLengthStream(payload));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        await AssertBadRequestAsync(response);
        Assert.Empty(_factory.Bot.Received);
    }

    [Fact]
    public async Task Post_ExpectRepliesWithoutServiceUrl_IsAccepted()
    {
        var activity = BotFrameworkTestFactory.TeamsMessage("ping");
        activity.Remove("serviceUrl");
        activity["deliveryMode"] = "expectReplies";

        using var response = await _factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("echo: ping", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedJsonWithAppIdAndNoToken_Returns401BeforeReadingBody()
    {
        using var factory = BotFrameworkTestFactory.Authenticated();

        using var response = await factory.PostActivityAsync("{ broken");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_MessagesEndpoint_Returns405()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task<JsonElement> AssertBadRequestAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = document.RootElement.Clone();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Empty(_factory.Bot.Received);
        return problem;
    }

    /// <summary>A stream that hides its length, so the client sends the body chunked.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

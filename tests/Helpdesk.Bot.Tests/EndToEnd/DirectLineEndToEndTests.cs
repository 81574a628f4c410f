using System.Text.Json;

namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>
/// Microsoft's Direct Line client library (botframework-directlinejs 0.15.8, the one inside Web Chat) against the
/// real host over HTTP and WebSockets: tests/e2e/directline.e2e.mjs.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DirectLineEndToEndTests(BotServerFixture server)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    [EndToEndFact(EndToEndRequirements.Node)]
    public async Task DirectLineJs_WebSocketAndPolling_EchoesOwnActivityThenBotRepliesToIt()
    {
        var result = await NodeE2EScripts.RunAsync("directline.e2e.mjs", ["--url", server.BaseUrl], ScriptTimeout);

        Assert.True(result.Passed, result.Describe());
        var transports = result.Json!.Value.GetProperty("transports").EnumerateArray().ToList();
        Assert.Equal(["websocket", "polling"], transports.Select(t => t.GetProperty("transport").GetString()));
        foreach (var transport in transports)
        {
            var postedId = transport.GetProperty("postedId").GetString();
            Assert.False(string.IsNullOrEmpty(postedId));
            Assert.Equal(postedId, transport.GetProperty("echo").GetProperty("id").GetString());
            var reply = transport.GetProperty("reply");
            Assert.Equal(postedId, reply.GetProperty("replyToId").GetString());
            Assert.NotEqual(postedId, reply.GetProperty("id").GetString());
            Assert.Equal(JsonValueKind.String, reply.GetProperty("text").ValueKind);
        }
    }
}

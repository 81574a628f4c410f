using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>The console's SignalR hub: agents only; queue changes and live messages are pushed.</summary>
public sealed class AgentHubTests
{
    [Fact]
    public async Task Hub_SignedInAgent_ReceivesQueueChangeAndTheUsersLiveMessage()
    {
        await using var host = new HandoffTestHost();
        var browser = host.NewBrowser();
        var cookie = await SignInForCookieAsync(host);
        var agent = await host.SignInAgentAsync();
        var queueChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var messages = new ConcurrentQueue<JsonElement>();
        var userMessage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, "/agent/hub"), options =>
            {
                options.HttpMessageHandlerFactory = _ => host.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.Headers["Cookie"] = cookie;
            })
            .Build();
        connection.On("queueChanged", () => queueChanged.TrySetResult());
        connection.On<JsonElement>("caseMessage", message =>
        {
            messages.Enqueue(message);
            if (message.GetProperty("kind").GetString() == "user")
            {
                userMessage.TrySetResult();
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync("Heartbeat");

        var chat = await host.StartChatAsync();
        await chat.SayAsync("agent now!!");
        await queueChanged.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var caseId = await agent.SingleCaseIdAsync();
        await agent.PostAsync($"/cases/{caseId}/claim");
        await chat.SayAsync("Hello from the user");
        await userMessage.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(messages, m => m.GetProperty("text").GetString() == "Hello from the user" && m.GetProperty("caseId").GetInt64() == caseId);
        Assert.Equal(2, (await agent.QueueAsync()).GetProperty("agentsOnline").GetInt32());
        _ = browser;
    }

    [Fact]
    public async Task Hub_NoCookie_Refused()
    {
        await using var host = new HandoffTestHost();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, "/agent/hub"), options =>
            {
                options.HttpMessageHandlerFactory = _ => host.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    /// <summary>Signs in the supervisor with a plain client and returns the session cookie header value.</summary>
    private static async Task<string> SignInForCookieAsync(HandoffTestHost host)
    {
        using var page = await host.Client.GetAsync("/agent/login");
        var html = await page.Content.ReadAsStringAsync();
        var csrfCookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/agent/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["username"] = "supervisor",
                ["password"] = "Supervisor-Demo-2026!",
            }),
        };
        request.Headers.Add("Cookie", csrfCookie);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("helpdesk.agent=", StringComparison.Ordinal)));
    }
}

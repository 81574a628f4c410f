using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>
/// A local stand-in for the Slack Web API: a real HTTP server (Kestrel, free loopback port) that records every call
/// (method, authorization, JSON body) and answers like Slack — <c>{"ok":true,"ts":…}</c> — or with scripted answers
/// (429 with Retry-After, <c>ok:false</c> errors).
/// </summary>
internal sealed class SlackApiRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private int _ts;

    private SlackApiRecorder(WebApplication app) => _app = app;

    /// <summary>The POST calls (chat.postMessage, chat.update), in order.</summary>
    public ConcurrentQueue<SlackApiCall> Calls { get; } = new();

    /// <summary>The users looked up with users.info (GET), in order.</summary>
    public ConcurrentQueue<string> UserLookups { get; } = new();

    /// <summary>Display names users.info answers with; other users are "user_not_found".</summary>
    public Dictionary<string, string> Users { get; } = new(StringComparer.Ordinal) { ["U0USER1"] = "Alex Wilber" };

    /// <summary>e.g. <c>http://127.0.0.1:41234/api/</c>.</summary>
    public string ApiBaseUrl { get; private set; } = string.Empty;

    public static async Task<SlackApiRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorder = new SlackApiRecorder(app);
        app.MapPost("/api/{method}", recorder.HandleAsync);
        app.MapGet("/api/users.info", recorder.HandleUserInfo);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        recorder.ApiBaseUrl = address.TrimEnd('/') + "/api/";
        return recorder;
    }

    /// <summary>Answers the next call with HTTP 429 and <c>Retry-After: {seconds}</c>.</summary>
    public void ThenRateLimited(int seconds) => _script.Enqueue(context =>
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return context.Response.WriteAsync("""{"ok":false,"error":"ratelimited"}""");
    });

    /// <summary>Answers the next call with <c>{"ok":false,"error":…}</c> (HTTP 200, as Slack does).</summary>
    public void ThenError(string error) => _script.Enqueue(context =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString());
    });

    /// <summary>Waits (real time, default 10 s) until <paramref name="count"/> calls arrived; returns them all.</summary>
    public async Task<SlackApiCall[]> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (Calls.Count < count && clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(10)))
        {
            await Task.Delay(20);
        }

        Assert.True(Calls.Count >= count, $"Expected {count} Slack API calls, got {Calls.Count}: {string.Join(", ", Calls.Select(c => c.Method))}");
        return [.. Calls];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult HandleUserInfo(HttpContext context)
    {
        var user = context.Request.Query["user"].ToString();
        UserLookups.Enqueue(user);
        return Users.TryGetValue(user, out var name)
            ? Results.Json(new JsonObject { ["ok"] = true, ["user"] = new JsonObject { ["id"] = user, ["real_name"] = name, ["profile"] = new JsonObject { ["display_name"] = string.Empty, ["real_name"] = name } } })
            : Results.Json(new JsonObject { ["ok"] = false, ["error"] = "user_not_found" });
    }

    private async Task HandleAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Calls.Enqueue(new SlackApiCall(method, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, JsonNode.Parse(body)!.AsObject()));
        if (_script.TryDequeue(out var scripted))
        {
            await scripted(context);
            return;
        }

        var ts = $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["ok"] = true, ["channel"] = (string?)JsonNode.Parse(body)!["channel"], ["ts"] = ts }.ToJsonString());
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>
/// A local OpenAI-shaped chat completions endpoint (real Kestrel on a random loopback port, at
/// <c>/openai/v1/chat/completions</c> like Azure OpenAI's v1 endpoint): records every request (headers, JSON body)
/// and answers each with <see cref="Respond"/> — by default a reply of <see cref="Content"/>.
/// </summary>
public sealed class FakeOpenAIEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAIEndpoint(WebApplication app) => _app = app;

    /// <summary>The base URL to configure as <c>LanguageModel:Endpoint</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<ModelRequest> Requests { get; } = new();

    /// <summary>The reply text of the default response.</summary>
    public string Content { get; set; } = "{}";

    /// <summary>How each request is answered.</summary>
    public Func<ModelRequest, FakeModelResponse> Respond { get; set; } = null!;

    public static async Task<FakeOpenAIEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new FakeOpenAIEndpoint(app);
        endpoint.Respond = _ => FakeModelResponse.Reply(endpoint.Content);
        app.MapPost("/openai/v1/chat/completions", endpoint.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.BaseUrl = address.TrimEnd('/') + "/openai/v1/";
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = new ModelRequest(
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.RootElement.Clone());
        Requests.Enqueue(request);
        var response = Respond(request);
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Body);
    }
}

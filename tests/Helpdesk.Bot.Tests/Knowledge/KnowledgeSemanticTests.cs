using Helpdesk.Bot.Knowledge;
using Helpdesk.KnowledgeIndex;
using Helpdesk.KnowledgeIndex.Semantic;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Tests.Knowledge;

/// <summary>The semantic rerank inside the real host, with the real model (bundled, CPU, offline).</summary>
public sealed class KnowledgeSemanticTests : IDisposable
{
    private static readonly TimeSpan PrepareTimeout = TimeSpan.FromMinutes(3);

    private readonly KnowledgeTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Start_Defaults_SearchStaysLexical()
    {
        using var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Memory"));
        factory.CreateClient().Dispose();

        Assert.Null(factory.Services.GetRequiredService<KnowledgeBase>().Semantic);
        Assert.Null(factory.Services.GetRequiredService<KnowledgeSemanticService>().Reranker);
        Assert.Null(factory.Services.GetRequiredService<KnowledgeSemanticService>().Describe());
    }

    [Fact]
    public async Task StopAsync_AfterDispose_DoesNotThrow()
    {
        using var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Memory"));
        factory.CreateClient().Dispose();
        var service = factory.Services.GetRequiredService<KnowledgeSemanticService>();

        service.Dispose();
        var error = await Record.ExceptionAsync(() => service.StopAsync(CancellationToken.None));

        Assert.Null(error);
    }

    [Fact]
    public async Task Start_SemanticRerankOn_EmbedsEveryArticleCachesTheVectorsAndReusesThemAfterARestart()
    {
        var settings = new[] { ("Storage:Provider", "Sqlite"), ("Storage:DataDirectory", _host.DataDirectory), ("Knowledge:SemanticRerank", "true") };
        int articles;
        using (var factory = KnowledgeTestHost.Factory(settings))
        {
            factory.CreateClient().Dispose();
            var first = await PreparedAsync(factory);
            var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
            articles = knowledgeBase.GetStats().Articles;

            Assert.NotNull(knowledgeBase.Semantic);
            Assert.Equal(articles, first.Articles);
            Assert.Equal("vpn-certificate-error", knowledgeBase.Search("vpn certificate expired", 1)[0].Id);
            Assert.Equal(0, knowledgeBase.Semantic!.Failures);
            Assert.True(File.Exists(factory.Services.GetRequiredService<KnowledgePaths>().SemanticVectors));
            var report = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "knowledge");
            Assert.Equal(HealthStatus.Healthy, report.Entries["knowledge"].Status);
            Assert.Contains($"Semantic rerank: ready ({articles} articles).", report.Entries["knowledge"].Description, StringComparison.Ordinal);
        }

        using var restarted = KnowledgeTestHost.Factory(settings);
        restarted.CreateClient().Dispose();
        var again = await PreparedAsync(restarted);

        Assert.Equal(articles, again.Articles);
        Assert.Equal(0, again.Encoded);
        Assert.Null(again.CacheProblem);
    }

    [Fact]
    public async Task Start_ModelFailsToEmbed_StaysReadyAnswersLexicallyAndSaysWhy()
    {
        using var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Memory"), ("Knowledge:SemanticRerank", "true"))
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ITextEncoder, BrokenEncoder>()));
        factory.CreateClient().Dispose();
        var service = factory.Services.GetRequiredService<KnowledgeSemanticService>();
        using var timeout = new CancellationTokenSource(PrepareTimeout);
        while (service.LastError is null)
        {
            await Task.Delay(50, timeout.Token);
        }

        var report = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "knowledge");
        var search = factory.Services.GetRequiredService<KnowledgeBase>();

        Assert.Equal(HealthStatus.Healthy, report.Entries["knowledge"].Status);
        Assert.Contains("Semantic rerank: embedding failed (InvalidOperationException: no model here)", report.Entries["knowledge"].Description, StringComparison.Ordinal);
        Assert.Equal("vpn-certificate-error", search.Search("vpn certificate expired", 1)[0].Id);
    }

    private static async Task<KnowledgeIndex.Semantic.SemanticPreparation> PreparedAsync(WebApplicationFactory<Program> factory)
    {
        var service = factory.Services.GetRequiredService<KnowledgeSemanticService>();
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        using var timeout = new CancellationTokenSource(PrepareTimeout);
        while (service.LastPreparation is not { } prepared || prepared.Articles != knowledgeBase.GetStats().Articles || knowledgeBase.GetStats().Articles == 0)
        {
            await Task.Delay(100, timeout.Token);
        }

        return service.LastPreparation!;
    }
}

using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Knowledge;
using Helpdesk.KnowledgeIndex;
using Helpdesk.KnowledgeIndex.Semantic;
using Helpdesk.Skills.Knowledge;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Tests.Knowledge;

/// <summary>The semantic rerank inside the real host, with the real model (bundled, CPU, offline).</summary>
public sealed class KnowledgeSemanticTests : IDisposable
{
    private const string RedCrosses = "files in my documents folder have red crosses";

    private static readonly TimeSpan PrepareTimeout = TimeSpan.FromMinutes(3);

    private readonly KnowledgeTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Options_ShippedSettings_SemanticRerankOnUpTo25000Articles()
    {
        using var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Memory"));
        var contentRoot = factory.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var shipped = new ConfigurationBuilder()
            .SetBasePath(contentRoot)
            .AddJsonFile("appsettings.json")
            .AddJsonFile("appsettings.Development.json", optional: true)
            .Build();

        var options = shipped.GetSection(KnowledgeOptions.SectionName).Get<KnowledgeOptions>() ?? new KnowledgeOptions();

        Assert.True(options.SemanticRerank);
        Assert.Equal(25_000, options.SemanticRerankMaxArticles);
    }

    [Fact]
    public void Start_SemanticRerankOff_SearchStaysLexical()
    {
        using var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Memory"), ("Knowledge:SemanticRerank", "false"));
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
            Assert.Single(Directory.GetFiles(factory.Services.GetRequiredService<KnowledgePaths>().SemanticModel, "*.onnx"));
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
        Assert.Equal("int8 model file", ((ArcticXsEncoder)restarted.Services.GetRequiredService<ITextEncoder>()).LoadedFrom);
    }

    [Theory]
    [InlineData("false", "onedrive-restore-files")]
    [InlineData("true", "onedrive-sync-problems")]
    public async Task Search_SymptomInOtherWords_SemanticRerankPutsTheArticleThatMeansItFirst(string semantic, string expected)
    {
        // "Red crosses" on files are OneDrive's sync-error icons; lexically "files"/"folder" weigh more for the restore article.
        using var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Sqlite"), ("Storage:DataDirectory", _host.DataDirectory), ("Knowledge:SemanticRerank", semantic));
        factory.CreateClient().Dispose();
        if (semantic == "true")
        {
            await PreparedAsync(factory);
        }

        var hits = factory.Services.GetRequiredService<KnowledgeBase>().Search(RedCrosses, 3);

        Assert.Equal(expected, hits[0].Id);
        Assert.Contains(hits, h => h.Id == "onedrive-restore-files"); // reordered, not replaced: scores stay lexical
    }

    [Fact]
    public async Task Conversation_SemanticRerankOn_CardShowsTheRerankedBestArticle()
    {
        using var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Sqlite"), ("Storage:DataDirectory", _host.DataDirectory), ("Knowledge:SemanticRerank", "true"));
        factory.CreateClient().Dispose();
        await PreparedAsync(factory);
        var services = factory.Services;
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(services.GetRequiredService<ConversationState>()));

        await new TestFlow(adapter, services.GetRequiredService<IBot>())
            .Send("hi").AssertReplyContains("IT help").AssertReply(_ => { }, "menu")
            .Send(RedCrosses)
            .AssertAttachment(Core.Schema.AttachmentContentTypes.AdaptiveCard, card =>
            {
                var json = System.Text.Json.JsonSerializer.Serialize(card.Content);
                Assert.True(json.Contains("/kb/onedrive-sync-problems", StringComparison.Ordinal), "expected the sync article in " + json);
            })
            .AssertReply(KnowledgeTexts.DidThisSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Start_MoreArticlesThanTheLimit_StaysLexicalAndSaysSo()
    {
        using var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Memory"), ("Knowledge:SemanticRerank", "true"), ("Knowledge:SemanticRerankMaxArticles", "3"))
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ITextEncoder, BrokenEncoder>()));
        factory.CreateClient().Dispose();
        var service = factory.Services.GetRequiredService<KnowledgeSemanticService>();
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        using var timeout = new CancellationTokenSource(PrepareTimeout);
        while (service.TooManyArticles is null)
        {
            await Task.Delay(50, timeout.Token);
        }

        var report = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "knowledge");

        Assert.Equal(knowledgeBase.GetStats().Articles, service.TooManyArticles);
        Assert.Null(service.LastError); // the (broken) model was never asked
        Assert.Null(knowledgeBase.Semantic);
        Assert.Equal(HealthStatus.Healthy, report.Entries["knowledge"].Status);
        Assert.Contains($"Semantic rerank: off for {service.TooManyArticles} articles (Knowledge:SemanticRerankMaxArticles is 3)", report.Entries["knowledge"].Description, StringComparison.Ordinal);
        Assert.Equal("vpn-certificate-error", knowledgeBase.Search("vpn certificate expired", 1)[0].Id);
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

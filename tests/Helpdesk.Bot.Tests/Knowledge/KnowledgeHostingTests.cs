using System.Net;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.Skills.Knowledge;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Tests.Knowledge;

/// <summary>The knowledge base inside the real host: index at start, readiness, settings, SQLite, live reindex.</summary>
public sealed class KnowledgeHostingTests : IDisposable
{
    private readonly KnowledgeTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Start_Defaults_IndexesTheOwnArticlesAndReportsReady()
    {
        using var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Memory"));
        using var client = factory.CreateClient();

        var ready = await client.GetAsync("/readyz");
        var report = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "knowledge");
        var search = factory.Services.GetRequiredService<IKnowledgeSearch>();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var entry = report.Entries["knowledge"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("45 articles", entry.Description, StringComparison.Ordinal);
        Assert.Equal("vpn-certificate-error", search.Search("vpn certificate expired", 1)[0].Id);
    }

    [Theory]
    [InlineData("Knowledge:ExtraArticleDirectories:0", "/no/such/folder", "Knowledge:ExtraArticleDirectories:0 '/no/such/folder' does not exist")]
    [InlineData("Knowledge:ArticleDirectories:0", "missing-articles", "Knowledge:ArticleDirectories:0 'missing-articles' does not exist")]
    [InlineData("Knowledge:ConfidenceThreshold", "1.5", "Knowledge:ConfidenceThreshold must be between 0 and 1.")]
    [InlineData("Knowledge:ResultsPerPage", "0", "Knowledge:ResultsPerPage must be between 1 and 5.")]
    [InlineData("Knowledge:ArticleBaseUrl", "ftp://help.contoso.com", "Knowledge:ArticleBaseUrl must be an absolute http(s) URL")]
    [InlineData("Knowledge:IndexDirectory", "", "Knowledge:IndexDirectory is required")]
    [InlineData("Knowledge:AdminApiKey", "too-short-key", "Knowledge:AdminApiKey must be at least 32 characters")]
    [InlineData("Knowledge:FeedbackRetention", "00:10:00", "Knowledge:FeedbackRetention must be between")]
    public void Start_InvalidSetting_FailsNamingIt(string key, string value, string message)
    {
        using var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Memory"), (key, value));

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_IndexKeptInTheDataFolderAndFeedbackStoredThroughAConversation()
    {
        using (var factory = KnowledgeTestHost.Factory(("Storage:Provider", "Sqlite"), ("Storage:DataDirectory", _host.DataDirectory)))
        {
            factory.CreateClient().Dispose();
            var services = factory.Services;
            var conversationState = services.GetRequiredService<ConversationState>();
            var adapter = new TestAdapter();
            adapter.Use(new AutoSaveStateMiddleware(conversationState));

            await new TestFlow(adapter, services.GetRequiredService<IBot>())
                .Send("hi").AssertReplyContains("IT help").AssertReply(_ => { }, "menu")
                .Send("printer is offline")
                .AssertReplyContains("Sounds like a printer problem")
                .Send("no thanks")
                .AssertAttachment(Core.Schema.AttachmentContentTypes.AdaptiveCard)
                .AssertReply(KnowledgeTexts.DidThisSolveIt)
                .Send("yes")
                .AssertReply(KnowledgeTexts.Glad)
                .StartTestAsync();

            Assert.True(File.Exists(Path.Combine(_host.DataDirectory, "kb-index", "segments.gen")) || Directory.EnumerateFiles(Path.Combine(_host.DataDirectory, "kb-index"), "segments_*").Any());
        }

        // After a restart the stored feedback is still there.
        using var restarted = KnowledgeTestHost.Factory(("Storage:Provider", "Sqlite"), ("Storage:DataDirectory", _host.DataDirectory));
        restarted.CreateClient().Dispose();
        var summary = Assert.Single(await restarted.Services.GetRequiredService<IKnowledgeFeedbackStore>().SummarizeAsync(null, CancellationToken.None));
        Assert.Equal(("printer-offline", 1, 1, 0), (summary.ArticleId, summary.Shown, summary.Helped, summary.NotHelped));
    }

    [Fact]
    public async Task ArticleAddedWhileRunning_IndexRebuiltAndSearchable()
    {
        var articles = Path.Combine(_host.DataDirectory, "articles");
        Directory.CreateDirectory(articles);
        File.Copy(Path.Combine(TestKnowledge.OwnArticles, "printer-offline.md"), Path.Combine(articles, "printer-offline.md"));
        using var factory = KnowledgeTestHost.Factory(
            ("Storage:Provider", "Memory"),
            ("Knowledge:ArticleDirectories:0", articles),
            ("Knowledge:WatchArticles", "true"),
            ("Knowledge:WatchDebounceMilliseconds", "100"));
        factory.CreateClient().Dispose();
        var search = factory.Services.GetRequiredService<IKnowledgeSearch>();
        Assert.Empty(search.Search("quokka badge reader", 1));

        File.WriteAllText(Path.Combine(articles, "badge-reader.md"), "---\nid: badge-reader\ntitle: Quokka badge reader\nsummary: The quokka badge reader at the door.\n---\n# Quokka badge reader\n\nHold the badge to the quokka reader.\n");

        // The watcher rebuilds after the debounce; poll generously (a loaded machine is slow, the test is not timed).
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (search.Search("quokka badge reader", 1) is not [{ Id: "badge-reader" }])
        {
            await Task.Delay(100, deadline.Token);
        }

        Assert.NotNull(search.GetArticle("badge-reader"));
    }
}

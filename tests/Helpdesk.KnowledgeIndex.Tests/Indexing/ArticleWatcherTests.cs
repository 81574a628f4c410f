using Helpdesk.KnowledgeIndex.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.KnowledgeIndex.Tests.Indexing;

public sealed class ArticleWatcherTests
{
    [Fact]
    public async Task Watcher_NewArticleFile_IsSearchableAfterTheDebounce()
    {
        using var articles = new TempDirectory();
        using var index = new TempDirectory();
        articles.Write("first.md", ArticleFiles.Native("first", "Printer jam", "Clear it.", "Open the tray."));
        var time = new FakeTimeProvider();
        using var knowledgeBase = KnowledgeBase.Open(index.Path, time, createIfMissing: true);
        knowledgeBase.Reindex([articles.Path]);
        using var watcher = new ArticleWatcher(knowledgeBase, [articles.Path], TimeSpan.FromMilliseconds(500), time);
        var rebuilt = 0;
        watcher.Rebuilt += (_, _) => Interlocked.Increment(ref rebuilt);

        articles.Write("second.md", ArticleFiles.Native("second", "Keyboard stuck", "Unstick keys.", "Clean the keys."));

        // File events arrive asynchronously; keep advancing the fake clock past the debounce until the rebuild ran.
        for (var i = 0; i < 100 && Volatile.Read(ref rebuilt) == 0; i++)
        {
            await Task.Delay(50);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(rebuilt > 0, "the watcher never rebuilt the index");
        Assert.Equal("second", knowledgeBase.Search("keyboard stuck", 1)[0].Id);
    }

    [Fact]
    public void NotifyChanged_BeforeDebounceElapses_DoesNotRebuild()
    {
        using var articles = new TempDirectory();
        using var index = new TempDirectory();
        articles.Write("first.md", ArticleFiles.Native("first", "Printer jam", "Clear it.", "Open the tray."));
        var time = new FakeTimeProvider();
        using var knowledgeBase = KnowledgeBase.Open(index.Path, time, createIfMissing: true);
        using var watcher = new ArticleWatcher(knowledgeBase, [articles.Path], TimeSpan.FromSeconds(2), time);
        var rebuilt = 0;
        watcher.Rebuilt += (_, _) => rebuilt++;

        watcher.NotifyChanged();
        time.Advance(TimeSpan.FromSeconds(1));
        watcher.NotifyChanged();
        time.Advance(TimeSpan.FromSeconds(1.5));

        Assert.Equal(0, rebuilt);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, rebuilt);
        Assert.Equal("first", knowledgeBase.Search("printer jam", 1)[0].Id);
    }
}

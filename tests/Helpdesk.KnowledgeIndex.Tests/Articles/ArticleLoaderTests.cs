using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Tests.Support;

namespace Helpdesk.KnowledgeIndex.Tests.Articles;

public sealed class ArticleLoaderTests
{
    [Fact]
    public void Load_DirectoryWithABrokenArticle_ReportsFileAndLineAndLoadsTheRest()
    {
        using var dir = new TempDirectory();
        dir.Write("good.md", ArticleFiles.Native("good-one", "Good one", "Fine.", "Body text."));
        dir.Write("sub/also-good.md", ArticleFiles.Native("also-good", "Also good", "Fine.", "Body text."));
        dir.Write("sub/broken.md", "---\nid: broken\ntitle: Broken\nsummary: \"unterminated\n---\nBody\n");

        var set = ArticleLoader.Load([dir.Path]);

        Assert.Equal(["also-good", "good-one"], set.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        var problem = Assert.Single(set.Problems);
        Assert.EndsWith("sub/broken.md", problem.File, StringComparison.Ordinal);
        Assert.True(problem.Line >= 2, $"line {problem.Line}");
        Assert.True(set.HasErrors);
        Assert.Equal("sub/also-good.md", set.Articles.Single(a => a.Id == "also-good").Path);
    }

    [Fact]
    public void Load_DuplicateIds_KeepsTheFirstAndReportsTheSecond()
    {
        using var dir = new TempDirectory();
        dir.Write("a.md", ArticleFiles.Native("same-id", "First", "S", "Body."));
        dir.Write("b.md", ArticleFiles.Native("same-id", "Second", "S", "Body."));

        var set = ArticleLoader.Load([dir.Path]);

        Assert.Equal("First", Assert.Single(set.Articles).Title);
        Assert.Contains("duplicate article id 'same-id'", Assert.Single(set.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorpusWithAttributionFile_AttachesItAndSkipsNonArticles()
    {
        using var dir = new TempDirectory();
        dir.Write("ATTRIBUTION.md", "# Attribution\n\nSuggested attribution line: \"Contains material from X, CC BY 4.0.\"\n");
        dir.Write("README.md", "# Not an article\n");
        dir.Write("docs/a.md", "---\ntitle: A docs article\ndescription: About A.\nms.date: 02/03/2024\n---\n# A\n\nText.\n");

        var set = ArticleLoader.Load([dir.Path]);

        var article = Assert.Single(set.Articles);
        Assert.Equal("Contains material from X, CC BY 4.0.", article.Attribution);
        Assert.Empty(set.Problems);
    }

    [Fact]
    public void Load_MissingDirectory_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ArticleLoader.Load(["/no/such/articles/dir"]));
    }

    [Fact]
    public void Load_OwnArticles_AllValidAndAtLeastForty()
    {
        var set = ArticleLoader.Load([RepoPaths.Current.OwnArticles]);

        Assert.Empty(set.Problems);
        Assert.True(set.Articles.Count >= 40, $"{set.Articles.Count} own articles");
        Assert.All(set.Articles, a => Assert.Equal(ArticleFormat.Native, a.Format));
    }
}

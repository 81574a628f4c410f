using Helpdesk.KnowledgeIndex;
using Lucene.Net.Store;

namespace Helpdesk.Skills.Tests.Knowledge;

/// <summary>A temporary articles folder, and a real in-memory index of it.</summary>
public sealed class TempArticles : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "helpdesk-kb-articles-" + Guid.NewGuid().ToString("N"));

    public TempArticles() => System.IO.Directory.CreateDirectory(Root);

    /// <summary>An article in the project's own format.</summary>
    public static string Article(string id, string title, string summary, string body) =>
        $"---\nid: {id}\ntitle: {title}\nsummary: {summary}\ntags: [test]\ncategory: Printing\n---\n# {title}\n\n{body}\n";

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public KnowledgeBase Index()
    {
        var kb = KnowledgeBase.Open(new RAMDirectory(), TimeProvider.System, createIfMissing: true, ownsDirectory: true);
        kb.Reindex([Root]);
        return kb;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner removes it.
        }
    }
}

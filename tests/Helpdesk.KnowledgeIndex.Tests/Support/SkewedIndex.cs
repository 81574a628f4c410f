using System.Globalization;
using Helpdesk.KnowledgeIndex.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Tests.Support;

/// <summary>
/// A 27,000-document in-memory index in three segments with some documents deleted: fields "title", "summary" and
/// "body" (positions kept) of words drawn with a skew, so the first words are in most documents and "rare" in few.
/// Big enough that scoring windows and segment boundaries fall inside posting lists.
/// </summary>
public sealed class SkewedIndex : IDisposable
{
    public static readonly string[] Fields = ["title", "summary", "body"];
    public static readonly string[] Vocabulary = ["vpn", "outlook", "crash", "printer", "offline", "teams", "audio", "microsoft", "365", "password", "reset", "error", "wifi", "sync", "rare"];

    private readonly RAMDirectory _directory = new();

    public SkewedIndex()
    {
        var random = new Random(5);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = new KnowledgeSimilarity(SearchTuning.Default),
            MergePolicy = NoMergePolicy.COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            var id = 0;
            for (var segment = 0; segment < 3; segment++)
            {
                for (var d = 0; d < 9_000; d++)
                {
                    var document = new Document { new StringField("id", (id++).ToString(CultureInfo.InvariantCulture), Field.Store.YES) };
                    foreach (var field in Fields)
                    {
                        var length = random.Next(field == "body" ? 30 : 6) + 1;
                        var words = Enumerable.Range(0, length).Select(_ => Word(random));
                        document.Add(new TextField(field, string.Join(' ', words), Field.Store.NO));
                    }

                    writer.AddDocument(document);
                }

                writer.Commit();
            }

            for (var d = 0; d < id; d += 37)
            {
                writer.DeleteDocuments(new Term("id", d.ToString(CultureInfo.InvariantCulture)));
            }

            writer.Commit();
        }

        Reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(Reader) { Similarity = new KnowledgeSimilarity(SearchTuning.Default) };
    }

    public DirectoryReader Reader { get; }

    public IndexSearcher Searcher { get; }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
    }

    private static string Word(Random random)
    {
        var index = (int)(Math.Pow(random.NextDouble(), 2.5) * Vocabulary.Length);
        return Vocabulary[Math.Min(index, Vocabulary.Length - 1)];
    }
}

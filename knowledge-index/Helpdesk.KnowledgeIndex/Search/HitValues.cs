using Helpdesk.KnowledgeIndex.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Reads per-hit values from doc values (no stored-field decompression), falling back to stored fields for indexes
/// written before the doc values existed. One instance per searcher snapshot and query.
/// </summary>
internal sealed class HitValues(IndexReader reader)
{
    private static readonly HashSet<string> RankFields = [IndexFields.Id, IndexFields.Path];
    private static readonly HashSet<string> FeedbackFields = [IndexFields.Title, IndexFields.Summary];

    private readonly BinaryDocValues? _ids = MultiDocValues.GetBinaryValues(reader, IndexFields.IdValue);
    private readonly BinaryDocValues? _paths = MultiDocValues.GetBinaryValues(reader, IndexFields.PathValue);
    private readonly BinaryDocValues? _feedback = MultiDocValues.GetBinaryValues(reader, IndexFields.FeedbackValue);
    private readonly BytesRef _scratch = new();

    /// <summary>Id and path of a hit.</summary>
    public (string Id, string Path) IdAndPath(int doc)
    {
        if (_ids is null || _paths is null)
        {
            var document = reader.Document(doc, RankFields);
            return (document.Get(IndexFields.Id), document.Get(IndexFields.Path));
        }

        _ids.Get(doc, _scratch);
        var id = _scratch.Utf8ToString();
        _paths.Get(doc, _scratch);
        return (id, _scratch.Utf8ToString());
    }

    /// <summary>Title and summary of a hit, one per line.</summary>
    public string TitleAndSummary(int doc)
    {
        if (_feedback is null)
        {
            var document = reader.Document(doc, FeedbackFields);
            return $"{document.Get(IndexFields.Title)}\n{document.Get(IndexFields.Summary)}";
        }

        _feedback.Get(doc, _scratch);
        return _scratch.Utf8ToString();
    }
}

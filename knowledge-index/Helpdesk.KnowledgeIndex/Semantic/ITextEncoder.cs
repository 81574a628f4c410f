namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// A sentence-embedding model: turns article passages and user questions into unit vectors whose dot product says
/// how close their meanings are. Implementations are thread-safe.
/// </summary>
public interface ITextEncoder
{
    /// <summary>Names the model (and its version); cached vectors from another model are never reused.</summary>
    string ModelId { get; }

    /// <summary>
    /// Lower-case words the model reads as one whole token of its vocabulary, so it knows them: the query spelling
    /// repair never changes them even when no article uses them. Empty when the model has no such list.
    /// </summary>
    IReadOnlySet<string> WholeWords { get; }

    /// <summary>Unit vectors for article passages, one per text, in order.</summary>
    float[][] EncodePassages(IReadOnlyList<string> texts, CancellationToken cancellationToken);

    /// <summary>The unit vector of a user's question.</summary>
    float[] EncodeQuery(string text);

    /// <summary>
    /// Loads what <see cref="EncodeQuery"/> needs, so the first question after a start does not wait for the model;
    /// called by <see cref="SemanticReranker.Prepare"/> (in the background). Throws when the model cannot run.
    /// </summary>
    void Warm(CancellationToken cancellationToken);
}

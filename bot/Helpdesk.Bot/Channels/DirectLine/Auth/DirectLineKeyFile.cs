using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>
/// Generated Direct Line keys kept in the data folder (<see cref="FileName"/>, owner-only on Unix), so a local run
/// needs no configuration and tokens stay valid across restarts. Written once, atomically; a second process that
/// loses the race reads the winner's file.
/// </summary>
internal sealed class DirectLineKeyFile(string path)
{
    public const string FileName = "directline-keys.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path { get; } = path;

    /// <summary>The stored keys, with any missing one generated and the file (re)written.</summary>
    public DirectLineStoredKeys LoadOrCreate()
    {
        var existing = Read();
        if (existing is { Secret.Length: > 0, TokenSigningKey.Length: > 0 })
        {
            return existing;
        }

        var keys = new DirectLineStoredKeys(
            existing?.Secret is { Length: > 0 } secret ? secret : NewSecret(),
            existing?.TokenSigningKey is { Length: > 0 } key ? key : Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        Write(keys, replace: existing is not null);
        return Read() ?? keys;
    }

    /// <summary>A new random secret: 32 random bytes, URL-safe.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private DirectLineStoredKeys? Read()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DirectLineStoredKeys>(File.ReadAllText(Path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The Direct Line key file '{Path}' is not valid JSON. Fix or delete it (deleting invalidates issued tokens).", ex);
        }
    }

    private void Write(DirectLineStoredKeys keys, bool replace)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, streamOptions))
        {
            JsonSerializer.Serialize(stream, keys, Json);
        }

        try
        {
            File.Move(temporary, Path, overwrite: replace);
        }
        catch (IOException) when (!replace && File.Exists(Path))
        {
            // Another process wrote the file first: its keys win (read back by the caller).
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

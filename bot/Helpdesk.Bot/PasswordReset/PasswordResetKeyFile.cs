using System.Text.Json;
using Helpdesk.Skills.PasswordReset.Security;

namespace Helpdesk.Bot.PasswordReset;

/// <summary>
/// Loads the password-reset keys from their file, or generates them on first start and writes the file (owner
/// read/write only), so code hashes and enrolled authenticator secrets survive restarts.
/// </summary>
internal static class PasswordResetKeyFile
{
    public static PasswordResetKeys LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            try
            {
                var stored = JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(path))
                    ?? throw new InvalidOperationException("empty");
                return new PasswordResetKeys(Convert.FromBase64String(stored.HashKey), Convert.FromBase64String(stored.EncryptionKey));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
            {
                throw new InvalidOperationException($"The password-reset key file {path} is unreadable ({ex.GetType().Name}). Restore it from a backup, or delete it to start over (enrolled authenticators must then enrol again).", ex);
            }
        }

        var keys = PasswordResetKeys.Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var json = JsonSerializer.Serialize(new StoredKeys(Convert.ToBase64String(keys.HashKey), Convert.ToBase64String(keys.EncryptionKey)));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(json);
            return keys;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance wrote it first: use theirs.
            return LoadOrCreate(path);
        }
    }

    private sealed record StoredKeys(string HashKey, string EncryptionKey);
}

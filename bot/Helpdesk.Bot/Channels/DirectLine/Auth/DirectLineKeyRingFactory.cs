using Helpdesk.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>
/// Builds the key ring: configured secrets and signing key win; whatever is missing is generated and persisted in
/// the data folder, or kept in memory only when storage is in memory (nothing else survives a restart then either).
/// </summary>
internal static class DirectLineKeyRingFactory
{
    public static DirectLineKeyRing Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectLineKeyRingFactory).FullName!);

        var secrets = options.ConfiguredSecrets;
        var signingKey = string.IsNullOrWhiteSpace(options.TokenSigningKey) ? null : Convert.FromBase64String(options.TokenSigningKey.Trim());
        if (secrets.Count > 0 && signingKey is not null)
        {
            return new DirectLineKeyRing(secrets, signingKey);
        }

        if (storage.UseMemory)
        {
            logger.LogInformation("Direct Line: generated an in-memory {What} (Storage:Provider=Memory; it changes at every start)", secrets.Count == 0 ? "secret and signing key" : "signing key");
            return new DirectLineKeyRing(
                secrets.Count > 0 ? secrets : [DirectLineKeyFile.NewSecret()],
                signingKey ?? System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        }

        var file = new DirectLineKeyFile(services.GetRequiredService<DataPaths>().File(DirectLineKeyFile.FileName));
        var stored = file.LoadOrCreate();
        logger.LogInformation("Direct Line: using the generated {What} in {Path}", secrets.Count == 0 ? "secret and signing key" : "signing key", file.Path);
        return new DirectLineKeyRing(
            secrets.Count > 0 ? secrets : [stored.Secret!],
            signingKey ?? Convert.FromBase64String(stored.TokenSigningKey!));
    }
}

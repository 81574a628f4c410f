using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Hosting;

/// <summary>Resolves the bot's data folder (absolute) from <see cref="StorageOptions"/>.</summary>
internal sealed class DataPaths(IOptions<StorageOptions> options, IHostEnvironment environment)
{
    public string Root { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataDirectory));

    /// <summary>A file inside the data folder (the folder is created on first use).</summary>
    public string File(string name)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, name);
    }
}

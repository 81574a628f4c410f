using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Tests.Knowledge;

/// <summary>
/// The real host for knowledge tests (article watching off, settings on top) and a data folder of its own that is
/// deleted afterwards.
/// </summary>
internal sealed class KnowledgeTestHost : IDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "helpdesk-kb-data-" + Guid.NewGuid().ToString("N"));

    public static WebApplicationFactory<Program> Factory(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Knowledge:WatchArticles", "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
        catch (IOException)
        {
            // The OS temp cleaner removes it.
        }
    }
}

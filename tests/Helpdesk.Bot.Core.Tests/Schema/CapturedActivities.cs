namespace Helpdesk.Bot.Core.Tests.Schema;

/// <summary>The captured activity files copied next to the test assembly (Schema/Captured/*.json).</summary>
internal static class CapturedActivities
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Schema", "Captured");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));
}

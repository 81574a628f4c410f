using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>The activities real clients put on the wire (tests/Helpdesk.Bot.Core.Tests/Schema/Captured, copied to the output).</summary>
internal static class CapturedActivity
{
    public static string Json(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Captured", name + ".json"));

    public static Activity Load(string name) => ActivitySerializer.Deserialize(Json(name));
}

using System.Globalization;
using System.Text.Json;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary><c>kb stats</c>: facts about an index.</summary>
internal sealed class StatsCommand : IKbCommand
{
    private const string IndexOption = "--index";
    private const string JsonFlag = "--json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "stats";

    public string Usage => "  kb stats --index <dir> [--json]\n      article counts, size, build time and sources of an index";

    public int Run(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, [IndexOption], [JsonFlag]);
        if (parsed.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{parsed.Positionals[0]}'");
        }

        using var knowledgeBase = KnowledgeBase.Open(parsed.Required(IndexOption, "dir"), context.Time);
        var stats = knowledgeBase.GetStats();
        if (parsed.Has(JsonFlag))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(stats, Json));
            return ExitCodes.Ok;
        }

        var o = context.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"articles:    {stats.Articles}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"segments:    {stats.Segments} (commit generation {stats.Generation})"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size:        {stats.SizeBytes / 1024.0 / 1024.0:0.0} MiB"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built at:    {stats.BuiltAt?.ToString("u", CultureInfo.InvariantCulture) ?? "unknown"}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build time:  {(stats.BuildTime is { } t ? $"{t.TotalSeconds:0.00} s" : "unknown")}"));
        o.WriteLine($"sources:     {(stats.Sources.Count == 0 ? "unknown" : string.Join(", ", stats.Sources))}");
        o.WriteLine("by format:   " + string.Join(", ", stats.ArticlesByFormat.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}")));
        o.WriteLine("categories:  " + string.Join(", ", stats.ArticlesByCategory.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(12).Select(c => $"{c.Key} {c.Value}")));
        return ExitCodes.Ok;
    }
}

using Helpdesk.Skills.Troubleshooting;
using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Tests.Troubleshooting.Support;

/// <summary>The flows built into the bot, loaded once for all tests.</summary>
internal static class EmbeddedFlows
{
    private static readonly Lazy<FlowCatalog> Lazy = new(() => FlowCatalog.FromEmbedded());

    public static FlowCatalog Catalog => Lazy.Value;

    public static Flow Get(string id) => Catalog.Find(id) ?? throw new InvalidOperationException($"no shipped flow '{id}'");
}

using Helpdesk.Skills.Troubleshooting.Engine;
using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Troubleshooting;

/// <summary>The flows the bot can run right now (they can be reloaded while it runs).</summary>
public interface IFlowCatalog
{
    /// <summary>The valid flows, in picker order (by label).</summary>
    IReadOnlyList<Flow> Flows { get; }

    /// <summary>Finds the flows a free-text message is about.</summary>
    FlowDetector Detector { get; }

    /// <summary>The flow <paramref name="id"/>, or null.</summary>
    Flow? Find(string id);
}

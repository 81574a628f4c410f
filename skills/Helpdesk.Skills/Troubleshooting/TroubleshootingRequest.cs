namespace Helpdesk.Skills.Troubleshooting;

/// <summary>How to start troubleshooting: with the picker, by confirming detected flows, or straight into one.</summary>
/// <param name="FlowIds">The flows in question: none (picker), one, or several to choose from.</param>
/// <param name="Confirm">Ask "Sounds like … — shall we troubleshoot it together?" before starting the one flow.</param>
public sealed record TroubleshootingRequest(IReadOnlyList<string> FlowIds, bool Confirm)
{
    /// <summary>Show every flow and let the user pick ("Fix a problem").</summary>
    public static TroubleshootingRequest Picker { get; } = new([], false);

    /// <summary>Run <paramref name="flowId"/> now.</summary>
    public static TroubleshootingRequest Start(string flowId) => new([flowId], false);
}

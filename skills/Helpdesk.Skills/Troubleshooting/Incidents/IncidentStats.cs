namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>How many people reported an incident through the bot, how often, and how many want updates.</summary>
/// <param name="Reporters">Distinct users who hit the incident while troubleshooting.</param>
/// <param name="Reports">All reports, repeats included.</param>
/// <param name="Subscribers">Users who asked to be told about updates.</param>
public sealed record IncidentStats(int Reporters, int Reports, int Subscribers)
{
    public static IncidentStats None { get; } = new(0, 0, 0);
}

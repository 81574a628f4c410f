using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Tests.Troubleshooting.Support;

/// <summary>One answer on a path: the step shown and what the user replies.</summary>
internal sealed record PathStep(FlowNode Node, string Reply);

/// <summary>A walk through a flow from the start to an outcome, with whether the directory knows the user on it.</summary>
internal sealed record FlowPath(Flow Flow, IReadOnlyList<PathStep> Steps, FlowNode Outcome, bool DirectoryFindsUser)
{
    public string Describe() =>
        $"{Flow.Id}: {string.Join(" → ", Steps.Select(s => $"{s.Node.Id}[{s.Reply}]"))} → {Outcome.Id}{(DirectoryFindsUser ? " (user found)" : string.Empty)}";
}

/// <summary>
/// Every path of a flow to each outcome: every answer of every step, both ways out of a directory lookup that has a
/// <c>not_found</c> branch, no step visited twice on one path (so cycles are bounded), at most <c>limit</c> paths.
/// Known-incident checks find nothing (the incident short-circuit has its own tests); knowledge searches find articles.
/// </summary>
internal static class FlowPaths
{
    private static readonly Dictionary<string, string> SampleAnswers = new(StringComparer.Ordinal)
    {
        ["vpn_error"] = "The VPN connection attempt has failed (error 809)",
        ["drop_pattern"] = "every 10 minutes: 9:40, 10:05, 10:20",
        ["device.name"] = "CON-LT-0999",
        ["location"] = "London, 3rd floor",
        ["wifi_error"] = "Can't connect to this network",
        ["printer_name"] = "LON-3F-MFP01",
        ["printer_error"] = "Paper jam in tray 2",
        ["addin"] = "Contoso CRM add-in",
        ["crash_details"] = "this morning while opening an attachment, module mso20win32client.dll",
        ["missing_mail"] = "invoices@fabrikam.com, this morning around 9:00",
        ["bounce"] = "550 5.2.2 mailbox full, your message couldn't be delivered",
        ["request_times"] = "about 10 requests around 7:30 this morning",
        ["prompt_pattern"] = "Outlook and Teams, about every hour",
        ["device_model"] = "Jabra Evolve2 65",
        ["sync_error"] = "0x8004de40 on the Documents folder",
        ["top_process"] = "Microsoft Edge, 80% CPU",
        ["slow_app"] = "Excel takes a minute to open large workbooks",
        ["slow_since"] = "since Monday's update",
        ["software"] = "Microsoft Visio",
        ["install_error"] = "Install failed 0x87D1041C",
        ["business_reason"] = "to draw network diagrams for the infrastructure project",
        ["cost_centre"] = "CC-4410",
        ["recovery_key_id"] = "4F2A9B1C",
        ["share_path"] = @"\\files.contoso.com\Finance\Reports",
        ["access_reason"] = "I joined the finance reporting team",
    };

    public static string SampleAnswer(string capture) => SampleAnswers.GetValueOrDefault(capture) ?? $"sample answer for {capture}";

    public static IReadOnlyList<FlowPath> Enumerate(Flow flow, int limit = 5000)
    {
        var paths = new List<FlowPath>();
        Walk(flow, flow.Start.Target, [], new HashSet<string>(StringComparer.Ordinal), null, paths, limit);
        return paths;
    }

    private static void Walk(Flow flow, string id, List<PathStep> steps, HashSet<string> visited, bool? directoryFinds, List<FlowPath> paths, int limit)
    {
        if (paths.Count >= limit || !visited.Add(id))
        {
            return;
        }

        try
        {
            var node = flow.Find(id) ?? throw new InvalidOperationException($"{flow.Id}: no node '{id}'");
            if (node.IsTerminal)
            {
                paths.Add(new FlowPath(flow, [.. steps], node, directoryFinds ?? false));
                return;
            }

            switch (node.Kind, node.Action)
            {
                case (FlowNodeKind.Action, FlowActionKind.LookupUser):
                    if (node.NotFound is null)
                    {
                        Walk(flow, node.Next!.Target, steps, visited, directoryFinds, paths, limit);
                    }
                    else
                    {
                        if (directoryFinds is null or true)
                        {
                            Walk(flow, node.Next!.Target, steps, visited, true, paths, limit);
                        }

                        if (directoryFinds is null or false)
                        {
                            Walk(flow, node.NotFound.Target, steps, visited, false, paths, limit);
                        }
                    }

                    return;

                case (FlowNodeKind.Action, FlowActionKind.CheckIncidents):
                    Walk(flow, node.Next!.Target, steps, visited, directoryFinds, paths, limit);
                    return;

                case (FlowNodeKind.Question, _):
                    foreach (var choice in node.Choices)
                    {
                        Answer(node, choice.Label, choice.Next);
                    }

                    return;

                case (FlowNodeKind.Input, _):
                    Answer(node, SampleAnswer(node.Capture!), node.Next!.Target);
                    return;

                case (FlowNodeKind.Instructions, _) when node.Next is not null:
                    Answer(node, "Done", node.Next.Target);
                    return;

                default:
                    Answer(node, "Yes", node.Yes!.Target);
                    Answer(node, "No", node.No!.Target);
                    return;
            }

            void Answer(FlowNode shown, string reply, string next)
            {
                steps.Add(new PathStep(shown, reply));
                Walk(flow, next, steps, visited, directoryFinds, paths, limit);
                steps.RemoveAt(steps.Count - 1);
            }
        }
        finally
        {
            visited.Remove(id);
        }
    }
}

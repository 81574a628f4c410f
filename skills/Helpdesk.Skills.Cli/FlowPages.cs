using Helpdesk.Skills.Troubleshooting.Diagrams;
using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Cli;

/// <summary>The generated pages (file name → content) for flows read from <c>flowsDirectory</c>, to be written to <c>outputDirectory</c>.</summary>
internal static class FlowPages
{
    public static IReadOnlyList<(string File, string Content)> Build(IReadOnlyList<Flow> flows, string flowsDirectory, string outputDirectory)
    {
        var pages = new List<(string, string)>();
        foreach (var flow in flows.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            var link = Path.GetRelativePath(Path.GetFullPath(outputDirectory), Path.GetFullPath(flow.Location.File)).Replace('\\', '/');
            pages.Add((FlowDocs.PageFile(flow), FlowDocs.Page(flow, link)));
        }

        pages.Add((FlowDocs.IndexFile, FlowDocs.Index(flows)));
        return pages;
    }
}

using System.Globalization;

namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>A problem found in an article file, with the 1-based line (and column when known) it was found at.</summary>
public sealed record ArticleProblem(string File, int Line, int Column, ProblemSeverity Severity, string Message)
{
    /// <summary>Compiler-style text: <c>file:line:column: error: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == ProblemSeverity.Error ? "error" : "warning";
        return Column > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {severity}: {Message}")
            : string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {severity}: {Message}");
    }
}

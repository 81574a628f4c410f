using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary>Prints article problems, one per line, compiler style.</summary>
internal static class ProblemReporter
{
    public static void Write(TextWriter writer, IEnumerable<ArticleProblem> problems)
    {
        foreach (var problem in problems)
        {
            writer.WriteLine(problem.ToString());
        }
    }
}

using System.Globalization;
using Helpdesk.KnowledgeIndex.Semantic;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary>Where <c>kb</c> keeps semantic passage vectors between runs, and how it reports a preparation.</summary>
internal static class SemanticCache
{
    public const string DefaultDirectoryText = "~/.local/share/helpdesk-kb/semantic";

    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "helpdesk-kb", "semantic");

    public static string Describe(string set, SemanticPreparation prepared) => string.Create(
        CultureInfo.InvariantCulture,
        $"semantic {set}: {prepared.Articles} articles, {prepared.Passages} passages, {prepared.Encoded} embedded now, {prepared.Elapsed.TotalSeconds:0.0} s{(prepared.CacheProblem is null ? string.Empty : " (" + prepared.CacheProblem + ")")}");
}

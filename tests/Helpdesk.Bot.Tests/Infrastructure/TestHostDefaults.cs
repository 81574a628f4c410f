using System.Runtime.CompilerServices;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>
/// Settings every host started by these tests gets unless a test sets its own (through <c>UseSetting</c>, which wins
/// over environment variables).
/// </summary>
internal static class TestHostDefaults
{
    /// <summary>
    /// The semantic rerank is on by default in the product, but it reorders answers only once the articles are embedded
    /// in the background, a second or two after start: a conversation test would see lexical or semantic order depending
    /// on timing, and every host would load the model. So hosts here rank lexically; <c>KnowledgeSemanticTests</c> turn it
    /// on and wait for it.
    /// </summary>
    [ModuleInitializer]
    internal static void Apply() => Environment.SetEnvironmentVariable("Knowledge__SemanticRerank", "false");
}

namespace Helpdesk.Skills.LanguageModel;

/// <summary>No language model: never answers (the article cards are shown).</summary>
public sealed class NoGroundedAnswerer : IGroundedAnswerer
{
    public static NoGroundedAnswerer Instance { get; } = new();

    public bool IsEnabled => false;

    public Task<GroundedAnswer?> AnswerAsync(GroundedQuestion question, CancellationToken cancellationToken) => Task.FromResult<GroundedAnswer?>(null);
}

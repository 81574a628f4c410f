namespace Helpdesk.Skills.LanguageModel;

/// <summary>No language model: never classifies (the offline matching decides alone).</summary>
public sealed class NoIntentClassifier : IIntentClassifier
{
    public static NoIntentClassifier Instance { get; } = new();

    public bool IsEnabled => false;

    public Task<ClassifiedIntent?> ClassifyAsync(IntentQuestion question, CancellationToken cancellationToken) => Task.FromResult<ClassifiedIntent?>(null);
}

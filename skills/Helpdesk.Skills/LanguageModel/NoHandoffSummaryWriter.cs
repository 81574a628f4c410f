namespace Helpdesk.Skills.LanguageModel;

/// <summary>No language model: no generated summary (the extractive one is always there).</summary>
public sealed class NoHandoffSummaryWriter : IHandoffSummaryWriter
{
    public static NoHandoffSummaryWriter Instance { get; } = new();

    public bool IsEnabled => false;

    public Task<GeneratedSummary?> WriteAsync(HandoffSummaryRequest request, CancellationToken cancellationToken) => Task.FromResult<GeneratedSummary?>(null);
}

using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Skills.Cases;

/// <summary>Reads and writes the conversation's <see cref="CaseFile"/>; one instance for the whole bot.</summary>
public sealed class CaseFileAccessor(ConversationState conversationState)
{
    /// <summary>The conversation-state property name.</summary>
    public const string PropertyName = nameof(CaseFile);

    private readonly IStatePropertyAccessor<CaseFile> _accessor = conversationState.CreateProperty<CaseFile>(PropertyName);

    /// <summary>The case file (created empty when the conversation has none); changes are saved with the turn.</summary>
    public async Task<CaseFile> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        (await _accessor.GetAsync(turnContext, () => new CaseFile(), cancellationToken))!;

    /// <summary>Starts a new case (after a handoff completed, or on "start over").</summary>
    public Task ResetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        _accessor.DeleteAsync(turnContext, cancellationToken);
}

using System.Text.RegularExpressions;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Skills.Cases;

namespace Helpdesk.Bot.Handoff.Routing;

/// <summary>
/// Escalation triggers no single skill owns: clear frustration ("this is useless", "WTF", "!!!", all caps) hands the
/// conversation to a person at once (trigger <c>Frustration</c>, the pending dialog dropped), and after a turn in
/// which the knowledge base has now failed twice (two articles marked not helpful) the conversation is escalated
/// (trigger <c>KnowledgeNotHelpful</c>) — each once per case.
/// </summary>
internal sealed partial class EscalationSignalsMiddleware(IHandoffStore store, HandoffService handoff, CaseFileAccessor caseFiles, ConversationState conversationState, TimeProvider time)
    : IMiddleware
{
    /// <summary>Captured in the case file once the knowledge-base trigger fired.</summary>
    public const string KnowledgeEscalatedKey = "handoff_kb_escalated";

    public const int NotHelpfulThreshold = 2;

    private readonly IStatePropertyAccessor<Core.Dialogs.DialogState> _dialogState = conversationState.CreateProperty<Core.Dialogs.DialogState>(nameof(Core.Dialogs.DialogState));

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Message))
        {
            await next(cancellationToken);
            return;
        }

        if (IsFrustrated(activity.Text) && await store.FindCurrentAsync(HandoffKeys.ConversationKey(activity), cancellationToken) is null)
        {
            var caseFile = await caseFiles.GetAsync(turnContext, cancellationToken);
            await _dialogState.DeleteAsync(turnContext, cancellationToken);
            await turnContext.SendActivityAsync("I'm sorry this has been frustrating. Let me get you a person right away.", cancellationToken);
            await handoff.StartAsync(
                turnContext,
                new EscalationRequest(EscalationTrigger.Frustration, caseFile.Category ?? "general", TicketPriority.P3, "The user is frustrated with the assistant."),
                cancellationToken);
            return;
        }

        await next(cancellationToken);

        var file = await caseFiles.GetAsync(turnContext, cancellationToken);
        var notHelpful = file.ArticlesShown.Count(a => a.Helped == false);
        if (notHelpful >= NotHelpfulThreshold && !file.Captured.ContainsKey(KnowledgeEscalatedKey)
            && await store.FindCurrentAsync(HandoffKeys.ConversationKey(activity), cancellationToken) is null)
        {
            file.Capture(KnowledgeEscalatedKey, "true", time.GetUtcNow());
            await _dialogState.DeleteAsync(turnContext, cancellationToken);
            await turnContext.SendActivityAsync("Those articles didn't solve it, so I'm handing this to the service desk.", cancellationToken);
            await handoff.StartAsync(
                turnContext,
                new EscalationRequest(EscalationTrigger.KnowledgeNotHelpful, file.Category ?? "general", TicketPriority.P3, $"{notHelpful} knowledge articles did not help."),
                cancellationToken);
        }
    }

    /// <summary>Clear signs of frustration (not just a problem description).</summary>
    public static bool IsFrustrated(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (FrustrationPattern().IsMatch(text) || text.Contains("!!!", StringComparison.Ordinal))
        {
            return true;
        }

        var letters = text.Where(char.IsLetter).ToArray();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return letters.Length >= 12 && words.Length >= 4 && letters.All(char.IsUpper);
    }

    [GeneratedRegex(@"\b(useless|stupid bot|dumb bot|waste of (my )?time|you('re| are) not helping|ridiculous|fed up|so frustrat\w*|frustrating|wtf|ffs|damn it|this is a joke|terrible bot)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex FrustrationPattern();
}

using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.LanguageModel;
using Helpdesk.Skills.Troubleshooting;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// What the main dialog asks when its offline matching is unsure: the message (redacted with the turn's secrets;
/// never a turn marked secret) and the troubleshooting flows loaded now go to the <see cref="IIntentClassifier"/>.
/// </summary>
internal sealed class IntentFallback(IIntentClassifier classifier, ISecretRedactor redactor, IFlowCatalog flows)
{
    public bool IsEnabled => classifier.IsEnabled;

    /// <summary>The intent of <paramref name="text"/>, or null (no model, a secret turn, no answer, <see cref="BotIntent.Other"/>).</summary>
    public async Task<ClassifiedIntent?> ClassifyAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!IsEnabled || turnContext.InboundIsSecret() || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var redacted = redactor.Redact(text, TurnSecrets.Find(turnContext));
        var question = new IntentQuestion(redacted, [.. flows.Flows.Select(f => new IntentFlow(f.Id, f.Title))]);
        var intent = await classifier.ClassifyAsync(question, cancellationToken);
        return intent is { Intent: BotIntent.Other } ? null : intent;
    }
}

using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff.Dialogs;
using Helpdesk.Bot.LanguageModel;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Knowledge;
using Helpdesk.Skills.LanguageModel;
using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Dialogs;
using Helpdesk.Skills.Troubleshooting;

namespace Helpdesk.Bot.Bots;

/// <summary>
/// The root dialog: routes each new request (a menu button, or the same thing typed — typos included) to what
/// handles it; anything else — a question in the user's own words — is answered from the help articles, which say
/// honestly when they have nothing. It is begun afresh for every request, so it keeps no state of its own.
/// </summary>
internal sealed class MainDialog : ComponentDialog
{
    public const string DialogId = nameof(MainDialog);
    private const string RouteStep = DialogId + ".route";
    private const string QueryKey = "query";

    private static readonly string[] Greetings =
        ["hi", "hello", "hey", "hiya", "yo", "good morning", "good afternoon", "good evening", "hi there", "hello there", "howdy"];

    // The global commands ("help", "menu"…) are handled before this dialog; when one begins it, show the menu.
    private static readonly InterruptionRecognizer Commands = new();

    /// <summary>
    /// A fuzzy menu match below this score is a guess from a word or two ("teams mic not working" ~ "it's not
    /// working"): when the help articles have a confident answer, it wins; otherwise the guess stands ("can i speak
    /// to a human please" ~ "human"). Typed menu requests score higher ("pasword reset" 0.94).
    /// </summary>
    private const double WeakMenuGuess = 0.75;

    private static readonly IReadOnlyList<string> MenuTitles = [.. MainMenu.Choices.Select(c => c.Value)];

    private readonly BotTexts _texts;
    private readonly TroubleshootingDialog _troubleshooting;
    private readonly KnowledgeDialog _knowledge;
    private readonly ChoiceRecognizer _recognizer = new();
    private readonly IEscalationHandler _escalation;
    private readonly IntentFallback? _intents;

    public MainDialog(
        BotTexts texts,
        TroubleshootingDialog troubleshooting,
        KnowledgeDialog knowledge,
        PasswordResetDialog passwordReset,
        TalkToPersonDialog talkToPerson,
        IEscalationHandler escalation,
        IntentFallback? intents = null)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(passwordReset);
        ArgumentNullException.ThrowIfNull(talkToPerson);
        _texts = texts;
        _escalation = escalation ?? throw new ArgumentNullException(nameof(escalation));
        _intents = intents;
        _troubleshooting = troubleshooting;
        _knowledge = knowledge;
        AddDialog(new WaterfallDialog(RouteStep, [RouteAsync, AfterSkillAsync, FinishAsync]));
        AddDialog(troubleshooting);
        AddDialog(knowledge);
        AddDialog(passwordReset);
        AddDialog(talkToPerson);
        InitialDialogId = RouteStep;
    }

    /// <summary>True when <paramref name="text"/> is only a greeting.</summary>
    public static bool IsGreeting(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return Greetings.Contains(normalized, StringComparer.Ordinal);
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var activity = step.Context.Activity;
        var text = activity.IsType(ActivityTypes.Message) ? activity.Text : null;
        if (string.IsNullOrWhiteSpace(text) || IsGreeting(text) || Commands.Recognize(text) != InterruptionKind.None)
        {
            await step.Context.SendActivityAsync(MainMenu.Prompt(_texts.MenuPrompt), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var recognition = _recognizer.Recognize(text, MainMenu.Choices);

        // A problem described in words ("vpn keeps disconnecting") goes to its troubleshooting flow, after a confirm.
        if (recognition.Choice?.MatchKind is not (ChoiceMatchKind.Exact or ChoiceMatchKind.Position)
            && _troubleshooting.RequestFor(text) is { } troubleshoot)
        {
            step.Values[QueryKey] = text;
            return await step.BeginDialogAsync(TroubleshootingDialog.DialogId, troubleshoot, cancellationToken);
        }

        // A question a weak menu guess would swallow ("teams mic not working") goes to the help articles when they know it.
        if (IsWeakGuess(recognition) && _knowledge.CanAnswer(step.Context, text))
        {
            return await AskKnowledgeAsync(step, text, cancellationToken);
        }

        // The offline matching is unsure and the articles have nothing: a language model, when configured, may say
        // which of the bot's intents it is. It only routes; the dialogs' own (verified) steps do the rest.
        if (_intents is { IsEnabled: true } && (recognition.Status != ChoiceRecognitionStatus.Matched || IsWeakGuess(recognition))
            && !_knowledge.CanAnswer(step.Context, text)
            && await _intents.ClassifyAsync(step.Context, text, cancellationToken) is { } intent)
        {
            return await RouteAsync(step, intent, text, cancellationToken);
        }

        switch (recognition.Status)
        {
            case ChoiceRecognitionStatus.Matched:
                return await StartAsync(step, recognition.Choice!.Value, cancellationToken);

            case ChoiceRecognitionStatus.Ambiguous:
                var candidates = recognition.Candidates.Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
                await step.Context.SendActivityAsync(
                    MessageFactory.SuggestedActions(candidates, "Did you mean one of these?"), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);

            default:
                return await AskKnowledgeAsync(step, text, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, ClassifiedIntent intent, string text, CancellationToken cancellationToken)
    {
        switch (intent.Intent)
        {
            case BotIntent.Troubleshoot when intent.FlowId is { } flowId:
                step.Values[QueryKey] = text;
                return await step.BeginDialogAsync(TroubleshootingDialog.DialogId, new TroubleshootingRequest([flowId], Confirm: true), cancellationToken);
            case BotIntent.PasswordReset:
                return await StartAsync(step, MainMenu.ResetPassword, cancellationToken);
            case BotIntent.AccountUnlock:
                return await StartAsync(step, MainMenu.UnlockAccount, cancellationToken);
            case BotIntent.TalkToPerson:
                return await StartAsync(step, MainMenu.TalkToPerson, cancellationToken);
            default:
                return await AskKnowledgeAsync(step, text, cancellationToken);
        }
    }

    private static bool IsWeakGuess(ChoiceRecognition recognition) => recognition.Status switch
    {
        ChoiceRecognitionStatus.Matched => recognition.Choice is { MatchKind: ChoiceMatchKind.Fuzzy, Score: < WeakMenuGuess },
        ChoiceRecognitionStatus.Ambiguous => recognition.Candidates.All(c => c is { MatchKind: ChoiceMatchKind.Fuzzy, Score: < WeakMenuGuess }),
        _ => false,
    };

    /// <summary>The help articles answer <paramref name="query"/> (or ask for the question when null).</summary>
    private static Task<DialogTurnResult> AskKnowledgeAsync(WaterfallStepContext step, string? query, CancellationToken cancellationToken) =>
        step.BeginDialogAsync(KnowledgeDialog.DialogId, new KnowledgeRequest(query, MenuTitles), cancellationToken);

    /// <summary>
    /// The user turned down the flow offered for their message: the help articles answer it when they can (the
    /// same words, no retyping), else the bot asks for more.
    /// </summary>
    private async Task<DialogTurnResult> AfterSkillAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not SkillOutcome { Kind: SkillOutcomeKind.Declined })
        {
            return await step.NextAsync(step.Result, cancellationToken);
        }

        var query = step.Values.GetValue<string>(QueryKey);
        if (_knowledge.CanAnswer(step.Context, query))
        {
            return await AskKnowledgeAsync(step, query, cancellationToken);
        }

        await step.Context.SendActivityAsync(_texts.DeclinedOffer, cancellationToken);
        return await step.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
    }

    /// <summary>A skill ended: act on its outcome (a person takes over when it asks for one).</summary>
    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is SkillOutcome { Kind: SkillOutcomeKind.Escalate, Escalation: { } request }
            && !await _escalation.EscalateAsync(step.Context, request, cancellationToken))
        {
            await step.Context.SendActivityAsync(_texts.TalkToPerson, cancellationToken);
        }

        return await step.EndDialogAsync(step.Result, cancellationToken);
    }

    private async Task<DialogTurnResult> StartAsync(WaterfallStepContext step, string choice, CancellationToken cancellationToken)
    {
        switch (choice)
        {
            case MainMenu.FixProblem:
                return await step.BeginDialogAsync(TroubleshootingDialog.DialogId, TroubleshootingRequest.Picker, cancellationToken);
            case MainMenu.TalkToPerson:
                return await step.BeginDialogAsync(TalkToPersonDialog.DialogId, step.Context.Activity.Text, cancellationToken);
            case MainMenu.ResetPassword:
                return await step.BeginDialogAsync(PasswordResetDialog.DialogId, new PasswordResetRequest(PasswordResetIntent.Reset, step.Context.Activity.Text), cancellationToken);
            case MainMenu.UnlockAccount:
                return await step.BeginDialogAsync(PasswordResetDialog.DialogId, new PasswordResetRequest(PasswordResetIntent.Unlock, step.Context.Activity.Text), cancellationToken);
            case MainMenu.SearchArticles:
                return await AskKnowledgeAsync(step, null, cancellationToken);
            default:
                throw new InvalidOperationException($"Menu entry '{choice}' has no handler.");
        }
    }

}

using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff.Dialogs;
using Helpdesk.Skills.Cases;

namespace Helpdesk.Bot.Bots;

/// <summary>
/// The root dialog: routes each new request (a menu button, or the same thing typed — typos included) to what
/// handles it, and answers honestly when it can't. It is begun afresh for every request, so it keeps no state of its own.
/// </summary>
internal sealed class MainDialog : ComponentDialog
{
    public const string DialogId = nameof(MainDialog);
    private const string RouteStep = DialogId + ".route";

    private static readonly string[] Greetings =
        ["hi", "hello", "hey", "hiya", "yo", "good morning", "good afternoon", "good evening", "hi there", "hello there", "howdy"];

    // The global commands ("help", "menu"…) are handled before this dialog; when one begins it, show the menu.
    private static readonly InterruptionRecognizer Commands = new();

    private readonly BotTexts _texts;
    private readonly ChoiceRecognizer _recognizer = new();
    private readonly IEscalationHandler? _escalation;
    private readonly bool _talkToPerson;

    public MainDialog(BotTexts texts, FixProblemDialog fixProblem, TalkToPersonDialog? talkToPerson = null, IEscalationHandler? escalation = null)
        : base(DialogId)
    {
        _texts = texts;
        _escalation = escalation;
        AddDialog(new WaterfallDialog(RouteStep, [RouteAsync, FinishAsync]));
        AddDialog(fixProblem);
        if (talkToPerson is not null)
        {
            AddDialog(talkToPerson);
            _talkToPerson = true;
        }

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
                await step.Context.SendActivityAsync(MainMenu.Prompt(_texts.Fallback), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
        }
    }

    /// <summary>A skill ended: act on its outcome (a person takes over when it asks for one).</summary>
    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is SkillOutcome { Kind: SkillOutcomeKind.Escalate, Escalation: { } request }
            && (_escalation is null || !await _escalation.EscalateAsync(step.Context, request, cancellationToken)))
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
                return await step.BeginDialogAsync(FixProblemDialog.DialogId, null, cancellationToken);
            case MainMenu.TalkToPerson when _talkToPerson:
                return await step.BeginDialogAsync(TalkToPersonDialog.DialogId, step.Context.Activity.Text, cancellationToken);
            case MainMenu.TalkToPerson:
                await step.Context.SendActivityAsync(_texts.TalkToPerson, cancellationToken);
                break;
            case MainMenu.ResetPassword:
                await step.Context.SendActivityAsync(_texts.NotAvailableYet("Self-service password reset"), cancellationToken);
                break;
            case MainMenu.UnlockAccount:
                await step.Context.SendActivityAsync(_texts.NotAvailableYet("Self-service account unlock"), cancellationToken);
                break;
            case MainMenu.SearchArticles:
                await step.Context.SendActivityAsync(_texts.NotAvailableYet("Searching help articles"), cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Menu entry '{choice}' has no handler.");
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }

}

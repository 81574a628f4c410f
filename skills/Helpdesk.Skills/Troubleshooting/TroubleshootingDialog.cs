using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Troubleshooting.Engine;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Helpdesk.Skills.Troubleshooting.UserDirectory;

namespace Helpdesk.Skills.Troubleshooting;

/// <summary>
/// Guided troubleshooting: picks the flow (the "Fix a problem" picker, or confirming the flow detected in the user's
/// words: "Sounds like a VPN problem — shall we troubleshoot it together?"), runs it, and ends with its
/// <see cref="SkillOutcome"/>: Resolved, Escalate (with category, priority and reason; the steps tried are in the case
/// file) or Ended. Start it with a <see cref="TroubleshootingRequest"/>.
/// </summary>
public sealed class TroubleshootingDialog : ComponentDialog
{
    public const string DialogId = "Troubleshooting";

    private const string Steps = DialogId + ".steps";
    private const string PickPrompt = DialogId + ".pick";
    private const string ConfirmPromptId = DialogId + ".confirm";
    private const string IdsKey = "ids";
    private const string ConfirmingKey = "confirming";

    private static readonly IReadOnlyList<Choice> ConfirmChoices =
    [
        new(TroubleshootingTexts.ConfirmYesButton, ConfirmPrompt.DefaultYes.Synonyms),
        new(TroubleshootingTexts.ConfirmNoButton, ConfirmPrompt.DefaultNo.Synonyms),
    ];

    private readonly IFlowCatalog _catalog;

    public TroubleshootingDialog(
        IFlowCatalog catalog,
        CaseFileAccessor cases,
        IKnownIncidents incidents,
        TimeProvider time,
        TroubleshootingOptions? options = null,
        IUserDirectoryLookup? directory = null,
        IKnowledgeSearch? knowledge = null,
        ISecretRedactor? redactor = null)
        : base(DialogId)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        var services = new TroubleshootingServices(
            catalog,
            cases ?? throw new ArgumentNullException(nameof(cases)),
            incidents ?? throw new ArgumentNullException(nameof(incidents)),
            directory ?? new NoUserDirectory(),
            knowledge,
            redactor ?? new PatternSecretRedactor(),
            time ?? throw new ArgumentNullException(nameof(time)),
            options ?? new TroubleshootingOptions());
        AddDialog(new WaterfallDialog(Steps, [ChooseAsync, RunAsync, FinishAsync]));
        AddDialog(new FlowChoicePrompt(PickPrompt));
        AddDialog(new FlowChoicePrompt(ConfirmPromptId, ChoiceRecognizerOptions.ExactOnly));
        AddDialog(new FlowRunnerDialog(services));
        InitialDialogId = Steps;
    }

    /// <summary>
    /// The request to start troubleshooting for a free-text message ("vpn keeps disconnecting"), confirming the
    /// detected flow (or asking which, when several fit); null when the message is about none of the flows.
    /// </summary>
    public TroubleshootingRequest? RequestFor(string? text)
    {
        var flows = _catalog.Detector.Detect(text);
        return flows.Count == 0 ? null : new TroubleshootingRequest([.. flows.Take(3).Select(f => f.Id)], Confirm: true);
    }

    private async Task<DialogTurnResult> ChooseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetOptions<TroubleshootingRequest>() ?? TroubleshootingRequest.Picker;
        var flows = request.FlowIds.Select(_catalog.Find).OfType<Model.Flow>().ToList();
        if (flows.Count == 1 && !request.Confirm)
        {
            return await step.NextAsync(flows[0].Id, cancellationToken);
        }

        if (flows.Count == 1)
        {
            step.Values[IdsKey] = new List<string> { flows[0].Id };
            step.Values[ConfirmingKey] = true;
            return await step.PromptAsync(ConfirmPromptId, new PromptOptions
            {
                Prompt = MessageFactory.Text(TroubleshootingTexts.Confirm(flows[0])),
                RetryPrompt = MessageFactory.Text("Shall we troubleshoot it together? Please pick one of the buttons."),
                Choices = ConfirmChoices,
                MaxAttempts = 2,
            }, cancellationToken);
        }

        var offered = flows.Count > 1 ? flows : [.. _catalog.Flows];
        step.Values[IdsKey] = offered.Select(f => f.Id).ToList();
        step.Values[ConfirmingKey] = false;
        return await step.PromptAsync(PickPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(flows.Count > 1 ? TroubleshootingTexts.WhichPrompt : TroubleshootingTexts.PickerPrompt),
            RetryPrompt = MessageFactory.Text(TroubleshootingTexts.PickerRetry),
            Choices = [.. offered.Select(f => new Choice(f.Label, [f.Title, .. f.Triggers])), new Choice(TroubleshootingTexts.SomethingElseButton, ["other", "none of these", "something else", "none"])],
            MaxAttempts = 2,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> RunAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is string flowId)
        {
            return await step.BeginDialogAsync(FlowRunnerDialog.DialogId, flowId, cancellationToken);
        }

        var ids = step.Values.GetValue<List<string>>(IdsKey) ?? [];
        var confirming = step.Values.GetValue<bool>(ConfirmingKey);
        var result = step.Result as PromptResult<FoundChoice>;
        if (confirming)
        {
            if (result is { Succeeded: true, Value.Index: 0 } && ids.Count == 1)
            {
                return await step.BeginDialogAsync(FlowRunnerDialog.DialogId, ids[0], cancellationToken);
            }

            // Said nothing: the caller may answer the message another way (the help articles), or say DeclinedConfirm.
            return await step.EndDialogAsync(SkillOutcome.Declined, cancellationToken);
        }

        if (result is { Succeeded: true, Value: { } choice } && choice.Index < ids.Count)
        {
            return await step.BeginDialogAsync(FlowRunnerDialog.DialogId, ids[choice.Index], cancellationToken);
        }

        await step.Context.SendActivityAsync(TroubleshootingTexts.SomethingElse, cancellationToken);
        return await step.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
    }

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result as SkillOutcome ?? SkillOutcome.Ended, cancellationToken);
}

using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>
/// A fixed sequence of steps. Each step usually prompts or starts a child dialog and returns its result; the answer
/// arrives as <see cref="WaterfallStepContext.Result"/> of the next step. A step that returns without waiting (for example
/// <see cref="WaterfallStepContext.NextAsync"/>) runs the next one in the same turn. After the last step the dialog ends
/// with that step's result. The step index, options and values are saved with the conversation.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = steps is null ? [] : [.. steps];
    }

    /// <summary>The number of steps.</summary>
    public int StepCount => _steps.Count;

    /// <summary>Appends a step.</summary>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = GetInstance(dc).State;
        state[OptionsKey] = options;
        state[ValuesKey] = new Dictionary<string, object?>(StringComparer.Ordinal);
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // Only messages move a waterfall on (a typing or event activity is not an answer).
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = GetInstance(dc).State.GetValue<int>(StepIndexKey);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step. Override to wrap steps (logging, telemetry).</summary>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return _steps[stepContext.Index](stepContext, cancellationToken);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var state = GetInstance(dc).State;
        state[StepIndexKey] = index;
        var values = state.GetValue<Dictionary<string, object?>>(ValuesKey) ?? [];
        state[ValuesKey] = values;
        var stepContext = new WaterfallStepContext(this, dc, state.GetValue<object>(OptionsKey), values, index, reason, result);
        return await OnStepAsync(stepContext, cancellationToken);
    }

    private DialogInstance GetInstance(DialogContext dc) =>
        dc.ActiveDialog is { } active && string.Equals(active.Id, Id, StringComparison.Ordinal)
            ? active
            : throw new InvalidOperationException($"The waterfall '{Id}' is not the active dialog.");
}

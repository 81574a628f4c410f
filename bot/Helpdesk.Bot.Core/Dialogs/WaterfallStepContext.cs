using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>
/// The dialog context a waterfall step runs in, plus the step's inputs: the dialog's options, the result of the
/// previous step (a prompt's answer, a child dialog's result, or the user's text) and the persisted <see cref="Values"/>.
/// </summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parent;
    private bool _nextCalled;

    internal WaterfallStepContext(
        WaterfallDialog parent,
        DialogContext dc,
        object? options,
        IDictionary<string, object?> values,
        int index,
        DialogReason reason,
        object? result)
        : base(dc)
    {
        _parent = parent;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The zero-based index of this step.</summary>
    public int Index { get; }

    /// <summary>The options the waterfall was started with (JSON after a turn boundary: use <see cref="GetOptions{T}"/>).</summary>
    public object? Options { get; }

    /// <summary>Why this step runs (begin, a child ended, the user answered, <see cref="NextAsync"/>).</summary>
    public DialogReason Reason { get; }

    /// <summary>The previous step's outcome: a prompt's <c>PromptResult&lt;T&gt;</c>, a child's result, or the user's text.</summary>
    public object? Result { get; }

    /// <summary>
    /// Values kept across the steps of this waterfall run, saved with the conversation. Values written in an earlier
    /// turn come back as JSON: read them with <see cref="DialogStateExtensions.GetValue{T}"/>.
    /// </summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>The waterfall's options as <typeparamref name="T"/>.</summary>
    public T? GetOptions<T>() => ActivitySerializer.ConvertPayload<T>(Options);

    /// <summary>Skips to the next step now, handing it <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of the waterfall '{_parent.Id}'.");
        }

        _nextCalled = true;
        return _parent.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}

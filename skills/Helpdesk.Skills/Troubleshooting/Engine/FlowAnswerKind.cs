namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>What the user's reply to a flow step means.</summary>
internal enum FlowAnswerKind
{
    /// <summary>Not understood.</summary>
    None,

    /// <summary>One of the step's answers (<see cref="FlowAnswer.Index"/>).</summary>
    Option,

    /// <summary>Go back one step.</summary>
    Back,

    /// <summary>Start the flow again from the top.</summary>
    StartAgain,

    /// <summary>"This didn't help": hand over now.</summary>
    NotHelped,

    /// <summary>Asked for a person.</summary>
    Person,

    /// <summary>Skipped an optional question.</summary>
    Skip,

    /// <summary>Free text for an input step (<see cref="FlowAnswer.Text"/>).</summary>
    Text,
}

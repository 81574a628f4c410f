namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>How a step's reply is read.</summary>
internal enum FlowAnswerMode
{
    /// <summary>Pick an answer: button text, synonym, number or a close wording.</summary>
    Choice,

    /// <summary>Yes or no: the usual words and numbers, never a word inside a sentence ("not sure" is not "sure").</summary>
    YesNo,

    /// <summary>Any text is the answer (commands and, when optional, "skip" aside).</summary>
    FreeText,
}

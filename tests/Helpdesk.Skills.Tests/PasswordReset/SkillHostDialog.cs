using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Dialogs;

namespace Helpdesk.Skills.Tests.PasswordReset;

/// <summary>Stands in for the main dialog: starts the skill with the user's words, then says how it ended ("Outcome: Escalate").</summary>
internal sealed class SkillHostDialog : ComponentDialog
{
    public SkillHostDialog(PasswordResetDialog dialog, List<SkillOutcome> outcomes)
        : base(nameof(SkillHostDialog))
    {
        AddDialog(new WaterfallDialog(nameof(SkillHostDialog) + ".steps",
        [
            (step, ct) =>
            {
                var text = step.Context.Activity.Text;
                var intent = PasswordResetPhrases.Recognize(text) ?? PasswordResetIntent.Reset;
                return step.BeginDialogAsync(PasswordResetDialog.DialogId, new PasswordResetRequest(intent == PasswordResetIntent.CantSignIn ? PasswordResetIntent.Reset : intent, text), ct);
            },
            async (step, ct) =>
            {
                var outcome = (SkillOutcome)step.Result!;
                outcomes.Add(outcome);
                await step.Context.SendActivityAsync("Outcome: " + outcome.Kind, ct);
                return await step.EndDialogAsync(outcome, ct);
            },
        ]));
        AddDialog(dialog);
    }
}

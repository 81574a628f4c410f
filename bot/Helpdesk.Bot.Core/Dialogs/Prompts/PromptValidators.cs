using System.Numerics;

namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>Ready-made validators.</summary>
public static class PromptValidators
{
    /// <summary>Accepts a recognised number from <paramref name="min"/> to <paramref name="max"/> inclusive.</summary>
    public static PromptValidator<T> Range<T>(T min, T max)
        where T : struct, INumber<T>
    {
        if (min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(max), "The maximum is below the minimum.");
        }

        return (promptContext, _) =>
        {
            ArgumentNullException.ThrowIfNull(promptContext);
            var recognized = promptContext.Recognized;
            return Task.FromResult(recognized.Succeeded && recognized.Value >= min && recognized.Value <= max);
        };
    }
}

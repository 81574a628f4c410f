namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>
/// A fact that needs real tools (Node.js, Chromium). When one is missing it is skipped with the reason — except
/// under CI (<c>CI=true</c>), where it always runs, so a missing tool fails the build instead of hiding the test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class EndToEndFactAttribute : FactAttribute
{
    public EndToEndFactAttribute(EndToEndRequirements requirements)
    {
        Requirements = requirements;
        var missing = EndToEndEnvironment.Missing(requirements);
        if (missing is not null && !EndToEndEnvironment.IsCi)
        {
            Skip = $"{missing}. This end-to-end test runs when they are installed (and always under CI=true, where it fails instead).";
        }
    }

    public EndToEndRequirements Requirements { get; }
}

namespace Helpdesk.Bot.Core.Testing;

/// <summary>A <see cref="TestFlow"/> expectation was not met; the message says which step, what was expected and what came.</summary>
public sealed class TestFlowAssertionException : Exception
{
    public TestFlowAssertionException()
    {
    }

    public TestFlowAssertionException(string message)
        : base(message)
    {
    }

    public TestFlowAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

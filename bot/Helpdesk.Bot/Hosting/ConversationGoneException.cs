namespace Helpdesk.Bot.Hosting;

/// <summary>
/// An adapter cannot write to a conversation because it no longer exists (a Direct Line conversation that ended or
/// that retention deleted). <see cref="ProactiveMessenger"/> marks its reference dead.
/// </summary>
internal sealed class ConversationGoneException : InvalidOperationException
{
    public ConversationGoneException()
        : base("The conversation no longer exists.")
    {
    }

    public ConversationGoneException(string message)
        : base(message)
    {
    }

    public ConversationGoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

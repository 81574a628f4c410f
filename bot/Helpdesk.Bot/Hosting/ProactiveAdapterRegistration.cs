namespace Helpdesk.Bot.Hosting;

/// <summary>A channel adapter that can send into a conversation later, under a stable name stored with conversation references.</summary>
/// <param name="Name">Stable name (e.g. <c>directline</c>, <c>botframework</c>); stored, so never rename one.</param>
/// <param name="AdapterType">The adapter's concrete type, resolved from DI when a proactive message is sent.</param>
internal sealed record ProactiveAdapterRegistration(string Name, Type AdapterType);

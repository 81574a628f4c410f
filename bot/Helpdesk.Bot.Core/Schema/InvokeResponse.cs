namespace Helpdesk.Bot.Core.Schema;

/// <summary>The HTTP status and body that answer an invoke activity synchronously.</summary>
public sealed record InvokeResponse(int Status, object? Body = null);

namespace Helpdesk.Skills.LanguageModel;

/// <summary>A troubleshooting flow as the intent classifier sees it.</summary>
/// <param name="Id">The flow id (e.g. <c>vpn</c>).</param>
/// <param name="Title">What it is about (e.g. "VPN won't connect or keeps dropping").</param>
public sealed record IntentFlow(string Id, string Title);

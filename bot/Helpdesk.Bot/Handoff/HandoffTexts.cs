using System.Globalization;
using Helpdesk.Bot.Bots;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff;

/// <summary>What the user hears during a handoff.</summary>
internal sealed class HandoffTexts(IOptions<ServiceDeskOptions> desk)
{
    public const string CancelCommand = "Stop waiting";

    public static readonly string[] CsatChoices = ["1", "2", "3", "4", "5"];

    private readonly ServiceDeskOptions _desk = desk.Value;

    public string DeskName => $"{_desk.CompanyName} service desk";

    public string Queued(string caseNumber, string? ticket, QueuePosition position) =>
        $"I've passed your request to the {DeskName} with everything we've covered, so you won't have to repeat yourself " +
        $"(reference **{ticket ?? caseNumber}**). You're **number {position.Position}** in the queue — estimated wait {Wait(position.EstimatedWait)}. " +
        $"You can add details here while you wait, or type **{CancelCommand.ToLowerInvariant()}** to cancel.";

    public string QueuedOffline(string caseNumber, string? ticket, bool closed, string hours, DateTimeOffset promise, TimeZoneInfo zone) =>
        (closed ? $"The {DeskName} is closed right now (hours: {hours}). " : $"No agent is online at the {DeskName} right now. ") +
        $"I've logged ticket **{ticket ?? caseNumber}** with everything we've covered, so you won't have to repeat yourself. " +
        $"An agent will get back to you by **{When(promise, zone)}** — here in this chat, or at {_desk.Email}. " +
        $"You can add details here at any time. If it's urgent, call {_desk.Phone}.";

    public string AlreadyQueued(string caseNumber, QueuePosition? position) =>
        position is null
            ? $"You're already connected to the {DeskName} (reference **{caseNumber}**)."
            : $"You're already in the queue (reference **{caseNumber}**): **number {position.Position}**, estimated wait {Wait(position.EstimatedWait)}.";

    public string PositionUpdate(QueuePosition position) =>
        $"Update: you're now **number {position.Position}** in the queue — estimated wait {Wait(position.EstimatedWait)}.";

    public string InfoAdded(QueuePosition? position) =>
        "Thanks — I've added that to your request for the agent." +
        (position is null ? string.Empty : $" You're **number {position.Position}** in the queue (about {Wait(position.EstimatedWait)}).");

    public string Cancelled(string caseNumber) =>
        $"Okay, I've cancelled your request {caseNumber}. I'm here if you need anything else.";

    public string AgentJoined(string agentName) =>
        $"**{agentName}** from the {DeskName} has joined the chat and can see everything we've discussed.";

    public string AgentMessage(string agentName, string text) => $"**{agentName}:** {text}";

    public string Transferred(string? agentName) =>
        agentName is null
            ? "Your request has been passed back to the queue; the next available agent will pick it up."
            : $"Your request has been transferred to **{agentName}**.";

    public string Resolved(string agentName, string? note) =>
        $"**{agentName}** has marked your request as resolved" + (string.IsNullOrWhiteSpace(note) ? "." : $": {note}");

    public string CsatQuestion => "How satisfied are you with the help you got? Pick **1** (not at all) to **5** (very).";

    public string CsatThanks(int score) =>
        score >= 4 ? "Thank you for the feedback! I'm here if you need anything else." : "Thank you — your feedback helps us get better. I'm here if you need anything else.";

    public string ReturnedToBot(string? agentName) =>
        $"{(agentName is null ? "The agent" : $"**{agentName}**")} has handed you back to me, the assistant. What else can I help with?";

    public string HubConnecting => $"I'm connecting you to an agent of the {DeskName} now, with everything we've covered. Please stay in this chat.";

    public string HubAccepted => "An agent has accepted your request and will be with you shortly.";

    public string HubFailed => "I couldn't reach the contact center just now, so I've put you in our own queue instead.";

    public string HubCompleted => "Your conversation with the agent has ended — you're back with the assistant. What else can I help with?";

    public static string Wait(TimeSpan wait)
    {
        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        return minutes <= 1 ? "about a minute" : string.Create(CultureInfo.InvariantCulture, $"about {minutes} minutes");
    }

    public static string When(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture) + " (" + zone.Id + ")";
    }
}

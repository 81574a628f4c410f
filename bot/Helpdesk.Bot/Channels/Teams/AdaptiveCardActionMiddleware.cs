using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Cards;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Channels.Teams;

/// <summary>
/// Answers every <c>adaptiveCard/action</c> invoke (Universal Actions, <c>Action.Execute</c>) in the HTTP response,
/// as Teams requires. An action whose data is an answer (<see cref="CardSubmitText"/>, or the
/// <see cref="TeamsProtocol.ChoiceVerb"/> with a <c>text</c>) runs as that message — the dialogs see the same
/// turn as a typed answer — and the clicked card is refreshed to show the choice without its buttons, so it can't
/// be answered twice. Other verbs go to the bot; if it gives no answer, the caller gets a Universal Actions error
/// body instead of an HTTP 501.
/// </summary>
internal sealed class AdaptiveCardActionMiddleware(ILogger<AdaptiveCardActionMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Invoke) || !string.Equals(activity.Name, TeamsProtocol.AdaptiveCardActionInvoke, StringComparison.Ordinal))
        {
            await next(cancellationToken);
            return;
        }

        var request = AdaptiveCardActionRequest.Read(activity.Value);
        if (request is null)
        {
            await RespondAsync(turnContext, Error("BadRequest", "The adaptiveCard/action invoke has no action."), cancellationToken);
            return;
        }

        if (TryReadAnswer(request, out var answer))
        {
            activity.Type = ActivityTypes.Message;
            activity.Name = null;
            activity.Text = answer;
            activity.Value = request.Data.ValueKind == JsonValueKind.Undefined ? null : request.Data;
            await next(cancellationToken);
            await RespondAsync(turnContext, AnsweredCard(answer, activity.From?.Name), cancellationToken);
            return;
        }

        await next(cancellationToken);
        if (turnContext is TurnContext { InvokeResponse: null })
        {
            logger.LogInformation("adaptiveCard/action with verb {Verb} was not handled; answering with an error body", request.Verb ?? "(none)");
            await RespondAsync(turnContext, Error("NotSupported", "This button is no longer available. Type **menu** to see what I can do."), cancellationToken);
        }
    }

    /// <summary>The answer an <c>Action.Execute</c> stands for, if it is one.</summary>
    public static bool TryReadAnswer(AdaptiveCardActionRequest request, out string answer)
    {
        ArgumentNullException.ThrowIfNull(request);
        answer = string.Empty;
        if (request.Data.ValueKind == JsonValueKind.Undefined)
        {
            return false;
        }

        if (CardSubmitText.TryRead(request.Data, out var text))
        {
            answer = text;
            return true;
        }

        if (string.Equals(request.Verb, TeamsProtocol.ChoiceVerb, StringComparison.Ordinal)
            && request.Data.ValueKind == JsonValueKind.Object
            && request.Data.TryGetProperty("text", out var value)
            && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            answer = value.GetString()!;
            return true;
        }

        return false;
    }

    /// <summary>The card that replaces an answered choice card: the answer, who gave it, no buttons.</summary>
    public static JsonObject AnsweredCard(string answer, string? userName) => new()
    {
        ["statusCode"] = 200,
        ["type"] = TeamsProtocol.AdaptiveCardResponseType,
        ["value"] = new JsonObject
        {
            ["type"] = AdaptiveCards.CardType,
            ["$schema"] = AdaptiveCards.SchemaUrl,
            ["version"] = AdaptiveCards.Version,
            ["body"] = new JsonArray(new JsonObject
            {
                ["type"] = AdaptiveCards.TextBlock,
                ["text"] = string.IsNullOrWhiteSpace(userName) ? $"✓ **{answer}**" : $"✓ {userName} chose **{answer}**",
                ["wrap"] = true,
            }),
        },
    };

    private static JsonObject Error(string code, string message) => new()
    {
        ["statusCode"] = 400,
        ["type"] = TeamsProtocol.ErrorResponseType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    };

    private static Task RespondAsync(ITurnContext turnContext, JsonObject body, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.InvokeResponse, Value = new InvokeResponse(200, body) }, cancellationToken);
}

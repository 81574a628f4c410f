using System.Collections.Concurrent;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Skills.Tests.PasswordReset;

/// <summary>Stores what a transcript writer would: the redacted copy of every activity in and out.</summary>
internal sealed class TranscriptRecorder(ActivityRedactor redactor) : IMiddleware
{
    public ConcurrentQueue<string> Stored { get; } = new();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        turnContext.OnSendActivities(async (ctx, activities, nextSend) =>
        {
            foreach (var activity in activities)
            {
                Stored.Enqueue(ActivitySerializer.Serialize(redactor.Redact(ctx, activity, inbound: false)));
            }

            return await nextSend();
        });
        await next(cancellationToken);

        // After the turn: the redaction middleware knows whether the message was a secret answer.
        Stored.Enqueue(ActivitySerializer.Serialize(redactor.Redact(turnContext, turnContext.Activity, inbound: true)));
    }
}

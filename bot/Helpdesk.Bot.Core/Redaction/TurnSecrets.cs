using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Redaction;

/// <summary>
/// The secrets of one turn that must stay out of everything stored or logged (transcripts, logs, handoff context):
/// values the bot sends (a reset link, a temporary password) and, when a dialog asked for a code or password, the
/// user's whole message. Kept in <see cref="ITurnContext.TurnState"/>; read by every writer through
/// <see cref="ActivityRedactor"/>.
/// </summary>
public sealed class TurnSecrets
{
    /// <summary>The <see cref="ITurnContext.TurnState"/> key.</summary>
    public const string TurnStateKey = "Helpdesk.Redaction.TurnSecrets";

    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private string[]? _longestFirst;

    /// <summary>True when the incoming message answers a request for a secret: its text and value are never kept.</summary>
    public bool InboundIsSecret { get; set; }

    /// <summary>Set by a dialog that asks for a secret: the user's next message is treated as one.</summary>
    public bool ExpectSecretNextTurn { get; set; }

    /// <summary>Exact values to scrub from anything stored or logged this turn.</summary>
    public IReadOnlyCollection<string> Values => _values;

    /// <summary>The values, longest first (a value inside a longer one is replaced after it), sorted once per change.</summary>
    internal IReadOnlyList<string> LongestFirst => _longestFirst ??= [.. _values.OrderByDescending(v => v.Length)];

    /// <summary>The turn's secrets, created on first use.</summary>
    public static TurnSecrets For(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.TryGetValue(TurnStateKey, out var existing) && existing is TurnSecrets secrets)
        {
            return secrets;
        }

        secrets = new TurnSecrets();
        turnContext.TurnState[TurnStateKey] = secrets;
        return secrets;
    }

    /// <summary>The turn's secrets, or null when none were recorded.</summary>
    public static TurnSecrets? Find(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(TurnStateKey, out var existing) ? existing as TurnSecrets : null;
    }

    /// <summary>Adds a value to scrub (ignored when shorter than 4 characters, which would scrub ordinary words).</summary>
    public void Add(string? value)
    {
        if (!string.IsNullOrEmpty(value) && value.Length >= 4)
        {
            if (_values.Add(value))
            {
                _longestFirst = null;
            }
        }
    }
}

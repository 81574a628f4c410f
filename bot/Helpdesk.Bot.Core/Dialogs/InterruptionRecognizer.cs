using System.Collections.Frozen;
using Helpdesk.Bot.Core.Dialogs.Choices;

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>
/// Tells whether a message is one of the global commands of <see cref="InterruptionOptions"/>: the whole message must
/// be a command word (ignoring case, punctuation and extra spaces), so ordinary sentences that contain "help" or
/// "stop" still reach the active dialog.
/// </summary>
public sealed class InterruptionRecognizer
{
    private readonly FrozenDictionary<string, InterruptionKind> _words;

    public InterruptionRecognizer(InterruptionOptions? options = null)
    {
        options ??= new InterruptionOptions();
        var words = new Dictionary<string, InterruptionKind>(StringComparer.Ordinal);
        Add(options.HelpWords, InterruptionKind.Help);
        Add(options.CancelWords, InterruptionKind.Cancel);
        Add(options.StartOverWords, InterruptionKind.StartOver);
        _words = words.ToFrozenDictionary(StringComparer.Ordinal);

        void Add(IEnumerable<string>? list, InterruptionKind kind)
        {
            foreach (var word in list ?? [])
            {
                var key = Key(word);
                if (key.Length == 0)
                {
                    continue;
                }

                if (words.TryGetValue(key, out var existing) && existing != kind)
                {
                    throw new ArgumentException($"The command word '{word}' is configured for both {existing} and {kind}.", nameof(options));
                }

                words[key] = kind;
            }
        }
    }

    /// <summary>The command <paramref name="text"/> is, or <see cref="InterruptionKind.None"/>.</summary>
    public InterruptionKind Recognize(string? text)
    {
        var key = Key(text);
        return key.Length > 0 && _words.TryGetValue(key, out var kind) ? kind : InterruptionKind.None;
    }

    // "?" normalises to nothing, so a message that is only punctuation keeps its trimmed text as the key.
    private static string Key(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length > 0 ? normalized : text?.Trim() ?? string.Empty;
    }
}

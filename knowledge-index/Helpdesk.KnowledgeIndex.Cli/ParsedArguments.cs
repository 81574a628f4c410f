using System.Globalization;

namespace Helpdesk.KnowledgeIndex.Cli;

/// <summary>
/// A command's arguments: positionals, <c>--name value</c> options and <c>--flag</c> switches. Each command declares
/// which options take a value and which are flags; anything else is a usage error.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, string> _options;
    private readonly HashSet<string> _flags;

    private ParsedArguments(IReadOnlyList<string> positionals, Dictionary<string, string> options, HashSet<string> flags)
    {
        Positionals = positionals;
        _options = options;
        _flags = flags;
    }

    /// <summary>Arguments that are not options.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Parses <paramref name="args"/> for a command.</summary>
    /// <exception cref="UsageException">Unknown option, missing value or repeated option.</exception>
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            var name = arg;
            string? inlineValue = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }

            if (flagOptions.Contains(name))
            {
                if (inlineValue is not null)
                {
                    throw new UsageException($"{name} takes no value");
                }

                flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value"));
                if (!options.TryAdd(name, value))
                {
                    throw new UsageException($"{name} is given more than once");
                }
            }
            else
            {
                var known = valueOptions.Concat(flagOptions).Order(StringComparer.Ordinal).ToArray();
                throw new UsageException(known.Length == 0
                    ? $"unknown option {name}: this command takes no options"
                    : $"unknown option {name} (expected one of: {string.Join(", ", known)})");
            }
        }

        return new ParsedArguments(positionals, options, flags);
    }

    /// <summary>True when the flag was given.</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>The option's value, or null.</summary>
    public string? Value(string option) => _options.GetValueOrDefault(option);

    /// <summary>The option's value; a usage error when missing.</summary>
    public string Required(string option, string what) =>
        Value(option) ?? throw new UsageException($"missing {option} <{what}>");

    /// <summary>An integer option within a range, or the default when missing.</summary>
    public int Int(string option, int defaultValue, int min, int max)
    {
        var text = Value(option);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"{option} must be a whole number from {min} to {max}; got '{text}'");
        }

        return value;
    }
}

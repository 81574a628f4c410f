namespace Helpdesk.Skills.Cli;

/// <summary>Positionals plus <c>--name value</c> options and <c>--flag</c>s; anything else is a usage error.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options;
    private readonly HashSet<string> _flags;

    private CommandArguments(List<string> positionals, Dictionary<string, string> options, HashSet<string> flags)
    {
        Positionals = positionals;
        _options = options;
        _flags = flags;
    }

    public IReadOnlyList<string> Positionals { get; }

    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
            }
            else if (flagOptions.Contains(arg))
            {
                flags.Add(arg);
            }
            else if (valueOptions.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"{arg} needs a value");
                }

                if (!options.TryAdd(arg, args[++i]))
                {
                    throw new UsageException($"{arg} is given more than once");
                }
            }
            else
            {
                var known = valueOptions.Concat(flagOptions).Order(StringComparer.Ordinal).ToList();
                throw new UsageException(known.Count == 0 ? $"unknown option {arg}" : $"unknown option {arg} (expected one of: {string.Join(", ", known)})");
            }
        }

        return new CommandArguments(positionals, options, flags);
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string option) => _options.GetValueOrDefault(option);
}

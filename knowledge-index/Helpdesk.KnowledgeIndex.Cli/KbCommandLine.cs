using Helpdesk.KnowledgeIndex.Cli.Commands;
using Helpdesk.KnowledgeIndex.Indexing;
using Lucene.Net.Index;

namespace Helpdesk.KnowledgeIndex.Cli;

/// <summary>Entry point of <c>kb</c>: dispatches to a command and maps failures to exit codes and clear messages.</summary>
internal static class KbCommandLine
{
    private static readonly IKbCommand[] Commands =
    [
        new IndexCommand(), new SearchCommand(), new StatsCommand(), new ValidateCommand(),
        new EvalCommand(), new TuneCommand(), new BenchCommand(),
    ];

    /// <summary>Runs <c>kb</c> with the given arguments.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellation = default)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine("kb: missing command");
            stderr.Write(HelpText());
            return ExitCodes.Usage;
        }

        if (args[0] is "help" or "--help" or "-h")
        {
            stdout.Write(HelpText());
            return ExitCodes.Ok;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"kb: unknown command '{args[0]}'");
            stderr.Write(HelpText());
            return ExitCodes.Usage;
        }

        var rest = args[1..];
        if (rest.Any(a => a is "--help" or "-h"))
        {
            stdout.WriteLine("usage:");
            stdout.WriteLine(command.Usage);
            return ExitCodes.Ok;
        }

        try
        {
            return command.Run(rest, new CommandContext(stdout, stderr, time, cancellation));
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"kb {command.Name}: {ex.Message}");
            stderr.WriteLine("usage:");
            stderr.WriteLine(command.Usage);
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is CommandFailedException or IndexNotFoundException or IndexBusyException
            or DirectoryNotFoundException or FileNotFoundException or FormatException or InvalidDataException)
        {
            stderr.WriteLine($"kb {command.Name}: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"kb {command.Name}: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static string HelpText()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("kb - knowledge-base index for the helpdesk bot");
        text.AppendLine();
        text.AppendLine("commands:");
        foreach (var command in Commands)
        {
            text.AppendLine(command.Usage);
        }

        text.AppendLine();
        text.AppendLine("exit codes: 0 ok, 1 errors found (invalid articles, missing index or file), 2 bad command line");
        return text.ToString();
    }
}

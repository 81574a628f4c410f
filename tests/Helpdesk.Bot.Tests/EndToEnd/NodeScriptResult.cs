using System.Text.Json;

namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>
/// The outcome of one tests/e2e script: exit code, output, and the JSON result the script prints as the last line
/// of its standard output.
/// </summary>
public sealed record NodeScriptResult(string Script, ProcessResult Process, JsonElement? Json)
{
    public bool Passed => Process.ExitCode == 0 && Json is { } json &&
        json.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True;

    public static NodeScriptResult From(string script, ProcessResult process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var lastLine = process.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(line => line.StartsWith('{'));
        JsonElement? json = null;
        if (lastLine is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(lastLine);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                json = null;
            }
        }

        return new NodeScriptResult(script, process, json);
    }

    /// <summary>A failure message with everything needed to diagnose the run.</summary>
    public string Describe()
    {
        var error = Json is { } json && json.TryGetProperty("error", out var e) ? e.GetString() : null;
        var screenshot = Json is { } j && j.TryGetProperty("screenshot", out var s) ? s.GetString() : null;
        return $"{Script}: exit code {Process.ExitCode}{(Process.TimedOut ? " (timed out)" : string.Empty)}" +
            $"{Environment.NewLine}error: {error ?? "(no JSON result)"}" +
            (screenshot is null ? string.Empty : $"{Environment.NewLine}screenshot: {screenshot}") +
            $"{Environment.NewLine}stdout: {Tail(Process.StandardOutput)}{Environment.NewLine}stderr: {Tail(Process.StandardError)}";
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "..." + text[^4000..];
}

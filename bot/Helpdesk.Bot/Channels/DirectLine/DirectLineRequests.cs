using System.Text.Json;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>Reading Direct Line request parts: JSON bodies (malformed → 400, never 500) and watermarks.</summary>
internal static class DirectLineRequests
{
    /// <summary>The JSON body as <typeparamref name="T"/>; an empty body gives null, malformed JSON a 400 problem.</summary>
    public static async Task<(T? Value, DirectLineProblem? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ActivitySerializer.Options), null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
            return (null, DirectLineProblem.BadRequest($"The body is not valid JSON for this operation{where}."));
        }
    }

    /// <summary>The <c>watermark</c> query parameter (null when absent or empty), or a 400 problem.</summary>
    public static (long? Watermark, DirectLineProblem? Problem) ReadWatermark(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DirectLineIds.TryParseWatermark(request.Query[DirectLineRoutes.WatermarkParameter].ToString(), out var watermark)
            ? (watermark, null)
            : (null, DirectLineProblem.BadRequest("The watermark must be a value from a previous activity set (a non-negative number)."));
    }
}

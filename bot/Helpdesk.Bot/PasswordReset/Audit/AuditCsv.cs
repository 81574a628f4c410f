using System.Globalization;
using System.Text;
using Helpdesk.Skills.PasswordReset.Audit;

namespace Helpdesk.Bot.PasswordReset.Audit;

/// <summary>The audit log as CSV (RFC 4180; a leading quote keeps spreadsheet formulas from running).</summary>
internal static class AuditCsv
{
    public const string Header = "seq,at,event,account,channel,conversation,source,outcome,detail,hash";

    public static string Write(IEnumerable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var builder = new StringBuilder(Header).Append("\r\n");
        foreach (var record in records)
        {
            var entry = record.Entry;
            builder.AppendJoin(
                ',',
                record.Sequence.ToString(CultureInfo.InvariantCulture),
                record.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                Field(entry.Event),
                Field(entry.Account),
                Field(entry.Channel),
                Field(entry.ConversationId),
                Field(entry.Source),
                Field(entry.Outcome),
                Field(entry.Detail),
                record.Hash).Append("\r\n");
        }

        return builder.ToString();
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var safe = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Tests.PasswordReset;

/// <summary>Looks for secrets in every row of every table of a SQLite database, and in log lines.</summary>
public static class SecretScanner
{
    /// <summary>Every place a secret was found: "table.column row n: secret".</summary>
    public static List<string> ScanDatabase(string path, IEnumerable<string> secrets)
    {
        var list = secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct().ToList();
        var found = new List<string>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            var row = 0;
            while (reader.Read())
            {
                row++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        continue;
                    }

                    var value = reader.GetValue(i);
                    var text = value switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes) + " " + Encoding.Latin1.GetString(bytes),
                        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    };
                    foreach (var secret in list.Where(s => Contains(text, s)))
                    {
                        found.Add($"{table}.{reader.GetName(i)} row {row}: {secret}");
                    }
                }
            }
        }

        return found;
    }

    public static List<string> ScanLines(IEnumerable<string> lines, IEnumerable<string> secrets)
    {
        var list = secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct().ToList();
        return [.. lines.SelectMany(line => list.Where(s => Contains(line, s)).Select(s => $"{s} in log line: {line}"))];
    }

    /// <summary>A numeric code only counts when it is not part of a longer number.</summary>
    private static bool Contains(string text, string secret) => secret.All(char.IsAsciiDigit)
        ? Regex.IsMatch(text, $@"(?<!\d){secret}(?!\d)")
        : text.Contains(secret, StringComparison.Ordinal);
}

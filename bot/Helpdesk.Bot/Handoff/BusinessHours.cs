using System.Globalization;

namespace Helpdesk.Bot.Handoff;

/// <summary>Business hours of the desk: is it open now, and when does it next open.</summary>
internal sealed class BusinessHours
{
    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    private readonly BusinessHoursOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _days;

    public BusinessHours(BusinessHoursOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _days = [.. ParseDays(options.Days)];
    }

    public TimeZoneInfo Zone => _zone;

    /// <summary>The day names of <paramref name="days"/>; throws <see cref="FormatException"/> for an unknown one.</summary>
    public static IEnumerable<DayOfWeek> ParseDays(string days)
    {
        foreach (var part in (days ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key = part.Length >= 3 ? part[..3] : part;
            yield return DayNames.TryGetValue(key, out var day) ? day : throw new FormatException($"Unknown day '{part}'.");
        }
    }

    public bool IsOpen(DateTimeOffset at)
    {
        if (_options.AlwaysOpen)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(at, _zone);
        return _days.Contains(local.DayOfWeek) && local.TimeOfDay >= _options.Open && local.TimeOfDay < _options.Close;
    }

    /// <summary><paramref name="at"/> itself when open, else the next opening time.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at)
    {
        if (IsOpen(at) || _days.Count == 0)
        {
            return at;
        }

        var local = TimeZoneInfo.ConvertTime(at, _zone);
        for (var day = 0; day <= 7; day++)
        {
            var date = local.Date.AddDays(day);
            if (!_days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var opening = date + _options.Open;
            var offset = _zone.GetUtcOffset(opening);
            var candidate = new DateTimeOffset(opening, offset);
            if (candidate > at)
            {
                return candidate;
            }
        }

        return at;
    }

    /// <summary>"Mon–Fri 07:00–19:00 (UTC)" for users.</summary>
    public string Describe()
    {
        if (_options.AlwaysOpen)
        {
            return "24/7";
        }

        var days = string.Join(", ", _days.OrderBy(d => ((int)d + 6) % 7).Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)));
        return $"{days} {_options.Open:hh\\:mm}–{_options.Close:hh\\:mm} ({_options.TimeZone})";
    }
}

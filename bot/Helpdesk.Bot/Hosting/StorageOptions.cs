using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.Hosting;

/// <summary>Where bot state and transcripts live. Section <c>Storage</c>.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default, persistent) or <c>Memory</c> (lost on restart; tests).</summary>
    [Required]
    [RegularExpression("^(?i)(sqlite|memory)$", ErrorMessage = "Storage:Provider must be 'Sqlite' or 'Memory'.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder for the SQLite database and generated keys, relative to the content root unless absolute.</summary>
    [Required(ErrorMessage = "Storage:DataDirectory is required (a folder the bot can write to).")]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Optional full SQLite connection string; overrides <see cref="DataDirectory"/> for the database.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a conversation or user state change may wait before it is written to SQLite (all changes of that
    /// window in one transaction); 0 writes each change before the turn ends. Transcript entries, always stored off
    /// the turn, gather for the same window before their batch is written (0: each batch as soon as it is queued). The bot process must be the only writer
    /// of its SQLite file (one bot process per file). What a crash can lose is this window; a normal stop writes it.
    /// </summary>
    [Range(0, 1000, ErrorMessage = "Storage:WriteBehindMilliseconds must be between 0 and 1000.")]
    public int WriteBehindMilliseconds { get; set; } = 20;

    public bool UseMemory => string.Equals(Provider, "memory", StringComparison.OrdinalIgnoreCase);
}

using System.Text.Json;

namespace Helpdesk.Bot.Core.State;

/// <summary>A stored JSON value and the ETag it was read with (or is written against).</summary>
public sealed record StoreItem(JsonElement Value, string? ETag = null)
{
    /// <summary>The ETag value that means "overwrite whatever is there".</summary>
    public const string AnyETag = "*";
}

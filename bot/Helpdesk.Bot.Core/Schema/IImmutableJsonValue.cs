namespace Helpdesk.Bot.Core.Schema;

/// <summary>
/// Marks a type whose instances never change once created — a record whose members are all immutable values
/// (strings, numbers, dates, other immutable records) — so <see cref="ActivitySerializer.Options"/> serializes each
/// instance once and writes the same UTF-8 every later time. State that keeps growing lists of such entries (a case
/// file's steps) then costs one serialization per new entry, not one per entry per turn. A type with any mutable
/// member (a list, a settable property) must not carry this mark: a change would not be written.
/// </summary>
public interface IImmutableJsonValue;

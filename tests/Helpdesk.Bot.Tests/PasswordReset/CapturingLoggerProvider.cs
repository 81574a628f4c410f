using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Bot.Tests.PasswordReset;

/// <summary>Captures every log line of the host (all categories, all levels), with scopes and exceptions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.Lines.Enqueue((category, LogLevel.Trace, default, "scope: " + state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                text += " | " + string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"));
            }

            owner.Lines.Enqueue((category, logLevel, eventId, text + (exception is null ? string.Empty : " | " + exception)));
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Helpdesk.Bot.LanguageModel;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>Listens to one <see cref="LanguageModelTelemetry"/>'s instruments (not other tests' instances) and keeps every measurement.</summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public TelemetryRecorder()
    {
        Telemetry = new LanguageModelTelemetry();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, Telemetry.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public LanguageModelTelemetry Telemetry { get; }

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    /// <summary>The measurements of <paramref name="instrument"/>.</summary>
    public IReadOnlyList<Measurement> Of(string instrument) => [.. Measurements.Where(m => m.Instrument == instrument)];

    /// <summary>The outcome tags of the calls recorded.</summary>
    public IReadOnlyList<string> CallOutcomes => [.. Of("helpdesk.language_model.calls").Select(m => m.Tags[LanguageModelTelemetry.OutcomeTag]!)];

    public void Dispose()
    {
        _listener.Dispose();
        Telemetry.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString(), StringComparer.Ordinal)));

    internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// Metrics and traces of the language model, named after the OpenTelemetry GenAI conventions: duration
/// (<c>gen_ai.client.operation.duration</c>, s) and tokens (<c>gen_ai.client.token.usage</c>, by
/// <c>gen_ai.token.type</c> input/output) per call, calls by outcome (<c>helpdesk.language_model.calls</c>: ok, empty,
/// timeout, failed, throttled) and what became of the replies (<c>helpdesk.language_model.results</c>: accepted,
/// rejected, not_covered), each tagged with the feature. Never any message content. Any OpenTelemetry exporter can
/// subscribe to <see cref="MeterName"/> and <see cref="ActivitySourceName"/>.
/// </summary>
internal sealed class LanguageModelTelemetry : IDisposable
{
    public const string MeterName = "Helpdesk.Bot.LanguageModel";
    public const string ActivitySourceName = "Helpdesk.Bot.LanguageModel";

    public const string FeatureTag = "helpdesk.feature";
    public const string OutcomeTag = "helpdesk.outcome";
    public const string ModelTag = "gen_ai.request.model";
    public const string OperationTag = "gen_ai.operation.name";
    public const string TokenTypeTag = "gen_ai.token.type";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _tokens;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _results;

    public LanguageModelTelemetry(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _duration = _meter.CreateHistogram<double>("gen_ai.client.operation.duration", "s", "Duration of language model calls.");
        _tokens = _meter.CreateHistogram<long>("gen_ai.client.token.usage", "{token}", "Tokens used by language model calls.");
        _calls = _meter.CreateCounter<long>("helpdesk.language_model.calls", "{call}", "Language model calls by outcome.");
        _results = _meter.CreateCounter<long>("helpdesk.language_model.results", "{reply}", "What became of the language model's replies.");
    }

    public static ActivitySource Source { get; } = new(ActivitySourceName);

    /// <summary>The meter the instruments belong to.</summary>
    internal Meter Meter => _meter;

    /// <summary>Starts the trace span of one call (null when nobody listens).</summary>
    public static Activity? StartCall(string feature, string model)
    {
        var activity = Source.StartActivity("chat " + model, ActivityKind.Client);
        activity?.SetTag(OperationTag, "chat");
        activity?.SetTag(ModelTag, model);
        activity?.SetTag(FeatureTag, feature);
        return activity;
    }

    /// <summary>Records one call: how it ended, how long it took, the tokens it used.</summary>
    public void RecordCall(Activity? activity, string feature, string model, string outcome, TimeSpan duration, int? inputTokens, int? outputTokens)
    {
        var tags = new TagList { { FeatureTag, feature }, { ModelTag, model }, { OperationTag, "chat" } };
        _duration.Record(duration.TotalSeconds, tags);
        if (inputTokens is { } input)
        {
            var inputTags = tags;
            inputTags.Add(TokenTypeTag, "input");
            _tokens.Record(input, inputTags);
        }

        if (outputTokens is { } output)
        {
            var outputTags = tags;
            outputTags.Add(TokenTypeTag, "output");
            _tokens.Record(output, outputTags);
        }

        var outcomeTags = tags;
        outcomeTags.Add(OutcomeTag, outcome);
        _calls.Add(1, outcomeTags);
        if (activity is not null)
        {
            activity.SetTag(OutcomeTag, outcome);
            activity.SetTag("gen_ai.usage.input_tokens", inputTokens);
            activity.SetTag("gen_ai.usage.output_tokens", outputTokens);
            if (outcome != LanguageModelOutcomes.Ok)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }

    /// <summary>Records what a feature made of a reply (accepted, rejected, not_covered).</summary>
    public void RecordResult(string feature, string result) =>
        _results.Add(1, new TagList { { FeatureTag, feature }, { OutcomeTag, result } });

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}

namespace Helpdesk.Bot.LanguageModel;

/// <summary>How the model is asked for JSON (whatever the mode, replies are parsed and validated strictly).</summary>
internal enum StructuredOutputMode
{
    /// <summary><c>response_format: json_schema</c>, strict (structured outputs).</summary>
    JsonSchema,

    /// <summary><c>response_format: json_object</c> (JSON mode), for endpoints without structured outputs.</summary>
    JsonObject,

    /// <summary>No response format; the prompt asks for JSON.</summary>
    None,
}

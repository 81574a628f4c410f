using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>Gives every <see cref="IImmutableJsonValue"/> class an <see cref="ImmutableJsonValueConverter{T}"/>.</summary>
/// <param name="inner">The same options without this factory: how one instance is read and written the first time.</param>
internal sealed class ImmutableJsonValueConverterFactory(JsonSerializerOptions inner) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsClass && typeof(IImmutableJsonValue).IsAssignableFrom(typeToConvert);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(ImmutableJsonValueConverter<>).MakeGenericType(typeToConvert), inner);
}

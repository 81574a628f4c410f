using Helpdesk.KnowledgeIndex.Semantic;

namespace Helpdesk.KnowledgeIndex.Tests.Semantic;

/// <summary>The real model (bundled in the package, runs on the CPU offline).</summary>
public sealed class ArcticXsEncoderTests
{
    [Fact]
    public void Encode_RealModel_UnitVectorsWhoseSimilarityFollowsMeaning()
    {
        using var encoder = new ArcticXsEncoder();

        var passages = encoder.EncodePassages(
            ["Increase your mailbox storage quota. When the storage limit is reached, archive old items.", "Renew an expired VPN certificate in the company portal."],
            CancellationToken.None);
        var query = encoder.EncodeQuery("my inbox is full and I can't receive email");

        Assert.Equal(2, passages.Length);
        Assert.All([.. passages, query], v => Assert.Equal(384, v.Length));
        Assert.All([.. passages, query], v => Assert.InRange(Math.Sqrt(v.Sum(x => (double)x * x)), 0.999, 1.001));
        Assert.True(Dot(query, passages[0]) > Dot(query, passages[1]) + 0.05, $"{Dot(query, passages[0])} vs {Dot(query, passages[1])}");
    }

    [Fact]
    public void Warm_ModelDirectory_WritesTheInt8ModelOnceAndLoadsItFromTheFileAfterwards()
    {
        var directory = Path.Combine(Path.GetTempPath(), "helpdesk-kb-model-" + Guid.NewGuid().ToString("N"));
        try
        {
            float[] first;
            using (var writer = new ArcticXsEncoder(modelDirectory: directory))
            {
                writer.Warm(CancellationToken.None);
                first = writer.EncodeQuery("vpn says certificate expired");
                Assert.Equal("int8, quantized now (written to the model file)", writer.LoadedFrom);
            }

            var model = Assert.Single(Directory.GetFiles(directory, "*.onnx"));
            Assert.True(File.Exists(model + ".sha256"));
            using var reader = new ArcticXsEncoder(modelDirectory: directory);
            reader.Warm(CancellationToken.None);

            Assert.Equal("int8 model file", reader.LoadedFrom);
            Assert.Equal(first, reader.EncodeQuery("vpn says certificate expired"));

            // A damaged file is not trusted: quantized again and rewritten, same vectors.
            using (var stream = new FileStream(model, FileMode.Open, FileAccess.ReadWrite))
            {
                stream.Position = stream.Length / 2;
                var value = stream.ReadByte();
                stream.Position = stream.Length / 2;
                stream.WriteByte((byte)(value ^ 0xFF));
            }

            using var repaired = new ArcticXsEncoder(modelDirectory: directory);
            repaired.Warm(CancellationToken.None);

            Assert.Equal("int8, quantized now (written to the model file)", repaired.LoadedFrom);
            Assert.Equal(first, repaired.EncodeQuery("vpn says certificate expired"));
            Assert.True(Int8ModelFile.IsIntact(model));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Warm_ModelDirectoryNotWritable_QuantizesInMemoryAndSaysWhy()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "helpdesk-kb-model-file-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(blocker, "a file where the model folder should be");
        try
        {
            using var encoder = new ArcticXsEncoder(modelDirectory: Path.Combine(blocker, "models"));
            encoder.Warm(CancellationToken.None);

            Assert.StartsWith("int8, quantized in memory (the model file could not be written: ", encoder.LoadedFrom, StringComparison.Ordinal);
            Assert.Equal(384, encoder.EncodeQuery("printer offline").Length);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public void WholeWords_RealModel_KnowsCommonWordsButNotTyposOrSubWordPieces()
    {
        using var encoder = new ArcticXsEncoder();

        Assert.InRange(encoder.WholeWords.Count, 15_000, 30_522);
        Assert.All(["does", "loop", "suggesting", "printer", "password"], w => Assert.Contains(w, encoder.WholeWords));
        Assert.All(["outlok", "recieve", "pasword", "##ing", "[CLS]", "[unused0]"], w => Assert.DoesNotContain(w, encoder.WholeWords));
    }

    [Fact]
    public void EncodeQuery_Int8Model_SameDirectionAsTheFloatModel()
    {
        using var int8 = new ArcticXsEncoder();
        using var full = new ArcticXsEncoder(int8: false);
        string[] questions = ["outlook keeps crashing when i open it", "vpn says certificate expired", "teams mic not working", "how do I get my BitLocker recovery key"];

        foreach (var question in questions)
        {
            var quantized = int8.EncodeQuery(question);
            var exact = full.EncodeQuery(question);

            Assert.Equal(384, quantized.Length);
            Assert.InRange(Math.Sqrt(quantized.Sum(x => (double)x * x)), 0.999, 1.001);
            Assert.True(Dot(quantized, exact) > 0.99, $"{question}: cosine {Dot(quantized, exact)}");
        }
    }

    [Fact]
    public void EncodePassages_Int8Model_SameDirectionAsTheFloatModelButCachedApart()
    {
        using var int8 = new ArcticXsEncoder();
        using var full = new ArcticXsEncoder(int8: false);
        string[] passages = ["Clear the Teams cache. Quit Teams, delete the folder %appdata%\\Microsoft\\Teams and start Teams again.", "Printer offline"];

        var quantized = int8.EncodePassages(passages, CancellationToken.None);
        var exact = full.EncodePassages(passages, CancellationToken.None);

        Assert.All(quantized.Zip(exact), p => Assert.True(Dot(p.First, p.Second) > 0.99, $"cosine {Dot(p.First, p.Second)}"));
        Assert.NotEqual(int8.ModelId, full.ModelId);
    }

    [Fact]
    public async Task Encode_ConcurrentQuestionsAndPassages_SameVectorsAsOneAtATime()
    {
        using var encoder = new ArcticXsEncoder();
        string[] texts = ["vpn keeps disconnecting", "outlook search is not finding emails", "printer stuck in the queue", "new phone for authenticator app"];
        var expected = texts.Select(encoder.EncodeQuery).ToArray();
        var passage = encoder.EncodePassages(["Reset your password in the self-service portal."], CancellationToken.None)[0];

        var runs = Enumerable.Range(0, 8).Select(i => Task.Run(() => i % 2 == 0
            ? texts.Select(encoder.EncodeQuery).ToArray()
            : encoder.EncodePassages(["Reset your password in the self-service portal."], CancellationToken.None))).ToArray();
        var results = await Task.WhenAll(runs);

        for (var i = 0; i < results.Length; i++)
        {
            var want = i % 2 == 0 ? expected : [passage];
            Assert.All(results[i].Zip(want), p => Assert.True(Dot(p.First, p.Second) > 0.99999, $"run {i}: cosine {Dot(p.First, p.Second)}"));
        }
    }

    [Fact]
    public void Warm_BeforeAnyQuestion_LoadsTheQuestionModel()
    {
        using var encoder = new ArcticXsEncoder();

        encoder.Warm(CancellationToken.None);
        var passages = encoder.EncodePassages(["Reset your password in the self-service portal."], CancellationToken.None);

        Assert.True(Dot(encoder.EncodeQuery("forgot my password"), passages[0]) > 0.5);
    }

    [Fact]
    public void EncodeQuery_AfterDispose_Throws()
    {
        var encoder = new ArcticXsEncoder();
        encoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.EncodeQuery("vpn"));
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}

using System.Globalization;
using Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// `--int8-vectors out.txt [--count N] [--compare other.txt]`: encodes the first N labeled questions with the shipped
/// int8 encoder and with the float model, prints the int8-vs-float cosines and the CPU features .NET sees, and writes
/// the int8 vectors. Run once natively and once on a CPU without VNNI/AVX-512 (e.g. emulated:
/// <c>DOTNET_EnableWriteXorExecute=0 DOTNET_TieredCompilation=0 qemu-x86_64 -cpu Haswell dotnet SemanticRerank.dll
/// --int8-vectors haswell.txt --compare native.txt</c>) to see whether the 7-bit weights avoid the AVX2 kernel's
/// 16-bit saturation: the two runs' int8 vectors should agree to float noise.
/// </summary>
internal static class Int8VectorsExperiment
{
    public static int Run(string root, string[] args)
    {
        var output = Value(args, "--int8-vectors") ?? throw new ArgumentException("--int8-vectors needs an output file");
        var count = int.Parse(Value(args, "--count") ?? "40", CultureInfo.InvariantCulture);
        var questions = new[] { "corpus-queries.tsv", "own-queries.tsv" }
            .SelectMany(f => File.ReadLines(Path.Combine(root, "knowledge-index", "eval", f)))
            .Select(l => l.Split('\t'))
            .Where(p => p.Length >= 2)
            .Select(p => p[1])
            .Take(count)
            .ToArray();
        using var int8 = new ArcticXsEncoder();
        using var full = new ArcticXsEncoder(int8: false);
        var quantized = questions.Select(int8.EncodeQuery).ToArray();
        var reference = questions.Select(full.EncodeQuery).ToArray();
        File.WriteAllLines(output, quantized.Select(v => string.Join(' ', v.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"CPU as .NET sees it: AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}, AVX-512F {System.Runtime.Intrinsics.X86.Avx512F.IsSupported}, AVX-VNNI {System.Runtime.Intrinsics.X86.AvxVnni.IsSupported}"));
        Report("int8 vs float", quantized, reference);
        if (Value(args, "--compare") is { } other)
        {
            var theirs = File.ReadLines(other)
                .Select(l => l.Split(' ').Select(x => float.Parse(x, CultureInfo.InvariantCulture)).ToArray())
                .ToArray();
            Report("int8 here vs int8 in " + other, quantized[..Math.Min(quantized.Length, theirs.Length)], theirs);
        }

        return 0;
    }

    private static void Report(string what, float[][] a, float[][] b)
    {
        var cosines = a.Zip(b, (x, y) => x.Zip(y, (p, q) => (double)p * q).Sum()).Order().ToArray();
        var largest = a.Zip(b, (x, y) => x.Zip(y, (p, q) => Math.Abs(p - q)).Max()).Max();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {cosines.Length} questions, cosine min {cosines[0]:0.0000} median {cosines[cosines.Length / 2]:0.0000}, largest component difference {largest:0.0000}"));
    }

    private static string? Value(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

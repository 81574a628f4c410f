using Helpdesk.KnowledgeIndex.Semantic;

namespace Helpdesk.KnowledgeIndex.Tests.Semantic;

public sealed class Int8ModelFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "helpdesk-kb-modelfile-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void PathIn_Directory_NamesThePackageVersionAndTheScheme()
    {
        var path = Int8ModelFile.PathIn(_directory, "1.2.3");

        Assert.Equal(Path.Combine(_directory, "arctic-embed-xs-1.2.3." + Int8Quantizer.SchemeId + ".onnx"), path);
    }

    [Fact]
    public void Write_NewFolder_CreatesItAndTheFileIsIntactWithNoTemporaryFilesLeft()
    {
        var path = Int8ModelFile.PathIn(Path.Combine(_directory, "nested"), "1.2.3");

        Int8ModelFile.Write(path, [1, 2, 3, 4]);

        Assert.True(Int8ModelFile.IsIntact(path));
        Assert.Equal([1, 2, 3, 4], File.ReadAllBytes(path));
        Assert.Equal(2, Directory.GetFiles(Path.GetDirectoryName(path)!).Length);
    }

    [Fact]
    public void IsIntact_MissingFileOrHashOrChangedBytes_False()
    {
        var path = Int8ModelFile.PathIn(_directory, "1.2.3");
        Assert.False(Int8ModelFile.IsIntact(path));

        Int8ModelFile.Write(path, [1, 2, 3, 4]);
        File.WriteAllBytes(path, [1, 2, 3, 5]);
        Assert.False(Int8ModelFile.IsIntact(path));

        Int8ModelFile.Write(path, [1, 2, 3, 4]);
        File.Delete(path + ".sha256");
        Assert.False(Int8ModelFile.IsIntact(path));
    }
}

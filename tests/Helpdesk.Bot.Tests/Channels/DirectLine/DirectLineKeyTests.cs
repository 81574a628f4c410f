using System.Text.Json;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Channels.DirectLine.Auth;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineKeyTests : IDisposable
{
    private readonly string _dataDirectory = DirectLineTestHost.NewDataDirectory();

    public void Dispose() => DirectLineTestHost.DeleteDataDirectory(_dataDirectory);

    [Fact]
    public void IsSecret_MatchesOnlyConfiguredSecrets()
    {
        var ring = new DirectLineKeyRing(["first-secret-0123456789", "second-secret-0123456789"], new byte[32]);

        Assert.True(ring.IsSecret("first-secret-0123456789"));
        Assert.True(ring.IsSecret("second-secret-0123456789"));
        Assert.False(ring.IsSecret("first-secret-012345678"));
        Assert.False(ring.IsSecret(string.Empty));
    }

    [Fact]
    public void LoadOrCreate_FirstStart_GeneratesKeysOwnerOnlyAndReusesThem()
    {
        var path = Path.Combine(_dataDirectory, DirectLineKeyFile.FileName);

        var first = new DirectLineKeyFile(path).LoadOrCreate();
        var second = new DirectLineKeyFile(path).LoadOrCreate();

        Assert.Equal(first, second);
        Assert.True(first.Secret!.Length >= DirectLineOptionsValidator.MinSecretLength);
        Assert.True(Convert.FromBase64String(first.TokenSigningKey!).Length >= DirectLineOptionsValidator.MinSigningKeyBytes);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Empty(Directory.GetFiles(_dataDirectory, "*.tmp"));
    }

    [Fact]
    public void LoadOrCreate_FileWithOnlySecret_KeepsSecretAndAddsSigningKey()
    {
        var path = Path.Combine(_dataDirectory, DirectLineKeyFile.FileName);
        File.WriteAllText(path, """{"secret":"kept-secret-0123456789"}""");

        var keys = new DirectLineKeyFile(path).LoadOrCreate();

        Assert.Equal("kept-secret-0123456789", keys.Secret);
        Assert.NotNull(keys.TokenSigningKey);
        Assert.Equal(keys.TokenSigningKey, JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("tokenSigningKey").GetString());
    }

    [Fact]
    public void LoadOrCreate_CorruptFile_FailsWithClearMessage()
    {
        var path = Path.Combine(_dataDirectory, DirectLineKeyFile.FileName);
        File.WriteAllText(path, "{broken");

        var error = Assert.Throws<InvalidOperationException>(() => new DirectLineKeyFile(path).LoadOrCreate());

        Assert.Contains(DirectLineKeyFile.FileName, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short", null, null, "at least 16")]
    [InlineData("has a space in the secret", null, null, "whitespace")]
    [InlineData(null, "not base64!", null, "Base64")]
    [InlineData(null, "AAAA", null, "32 bytes")]
    [InlineData(null, null, "ftp://host", "PublicBaseUrl")]
    public void Validate_BadSettings_FailWithClearMessage(string? secret, string? signingKey, string? publicBaseUrl, string expected)
    {
        var options = new DirectLineOptions { Secret = secret, TokenSigningKey = signingKey, PublicBaseUrl = publicBaseUrl };

        var result = new DirectLineOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new DirectLineOptionsValidator().Validate(null, new DirectLineOptions()).Succeeded);
    }

    [Fact]
    public async Task Host_ShortConfiguredSecret_FailsAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var host = new DirectLineTestHost(settings: new Dictionary<string, string?> { ["DirectLine:Secret"] = "short" });
        });

        Assert.Contains("DirectLine:Secret", error.Message, StringComparison.Ordinal);
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Tests.EndToEnd;

namespace Helpdesk.Bot.Tests.Manifests;

/// <summary>
/// manifests/teams: the app manifest against Microsoft's official JSON schema (offline, from @microsoft/app-manifest
/// in tests/e2e), the icons against Teams' rules, the package build script, and the bot commands against what the
/// bot understands.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TeamsManifestTests
{
    private static readonly string ManifestFolder = Path.Combine(RepositoryPaths.Root, "manifests", "teams");
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [EndToEndFact(EndToEndRequirements.Node)]
    public async Task CheckedInManifest_ValidAgainstOfficialSchema_IconsFollowTeamsRules()
    {
        var result = await NodeE2EScripts.RunAsync("teams-manifest.check.mjs", ["--dir", ManifestFolder], Timeout);

        Assert.True(result.Passed, result.Describe());
        var json = result.Json!.Value;
        Assert.EndsWith($"v{json.GetProperty("manifestVersion").GetString()}/MicrosoftTeams.schema.json", json.GetProperty("schema").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.GetProperty("errors").EnumerateArray());
        Assert.Equal(192, json.GetProperty("icons").GetProperty("color").GetProperty("width").GetInt32());
        Assert.Equal(0, json.GetProperty("icons").GetProperty("outline").GetProperty("nonWhitePixels").GetInt32());
    }

    [EndToEndFact(EndToEndRequirements.Node)]
    public async Task BrokenManifest_RejectedWithTheSchemaErrors()
    {
        var folder = CopyOfManifestFolder(manifest =>
        {
            manifest["name"]!["short"] = new string('x', 31);
            manifest.Remove("accentColor");
            manifest["bots"]![0]!["botId"] = "not-a-guid";
        });
        try
        {
            var result = await NodeE2EScripts.RunAsync("teams-manifest.check.mjs", ["--dir", folder], Timeout);

            Assert.False(result.Passed);
            Assert.Equal(1, result.Process.ExitCode);
            var errors = string.Join('\n', result.Json!.Value.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("/name/short", errors, StringComparison.Ordinal);
            Assert.Contains("accentColor", errors, StringComparison.Ordinal);
            Assert.Contains("/bots/0/botId", errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [EndToEndFact(EndToEndRequirements.Node | EndToEndRequirements.Python)]
    public async Task BuildScript_PackagesManifestWithAppIdAndIconsAtTheZipRoot_PackageValid()
    {
        var work = Directory.CreateTempSubdirectory("teams-package-").FullName;
        try
        {
            var zip = Path.Combine(work, "helpdesk-teams.zip");
            var build = await ProcessRunner.RunAsync(
                "bash", [Path.Combine(ManifestFolder, "build.sh"), "--bot-id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "--domain", "helpdesk.contoso.com", "--version", "1.2.3", "--out", zip], work, Timeout);

            Assert.True(build.ExitCode == 0, build.StandardError + build.StandardOutput);
            using (var archive = ZipFile.OpenRead(zip))
            {
                Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
                archive.ExtractToDirectory(Path.Combine(work, "package"));
            }

            var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(work, "package", "manifest.json")))!;
            Assert.Equal("3f2504e0-4f89-41d3-9a0c-0305e82c3301", (string?)manifest["bots"]![0]!["botId"]);
            Assert.Equal("helpdesk.contoso.com", (string?)manifest["validDomains"]![0]);
            Assert.Equal("1.2.3", (string?)manifest["version"]);
            var check = await NodeE2EScripts.RunAsync("teams-manifest.check.mjs", ["--dir", Path.Combine(work, "package")], Timeout);
            Assert.True(check.Passed, check.Describe());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [EndToEndFact(EndToEndRequirements.Python)]
    public async Task BuildScript_WithoutTheBotsAppId_RefusesNamingTheOption()
    {
        var build = await ProcessRunner.RunAsync("bash", [Path.Combine(ManifestFolder, "build.sh"), "--domain", "helpdesk.contoso.com", "--out", Path.Combine(Path.GetTempPath(), "never.zip")], Path.GetTempPath(), Timeout);

        Assert.Equal(2, build.ExitCode);
        Assert.Contains("--bot-id", build.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_ArePngsOfTheSizeTeamsRequires(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(ManifestFolder, file));

        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Equal(6, bytes[25]); // RGBA: the outline needs transparency
    }

    [Fact]
    public void BotCommands_AreAllThingsTheBotUnderstands()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json")));
        var titles = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray()
            .SelectMany(list => list.GetProperty("commands").EnumerateArray())
            .Select(c => c.GetProperty("title").GetString()!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var menu = MainMenu.Choices.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var commands = new InterruptionRecognizer();

        Assert.NotEmpty(titles);
        Assert.All(titles, title => Assert.True(
            menu.Contains(title) || commands.Recognize(title) != InterruptionKind.None,
            $"The Teams command '{title}' is neither a menu entry nor a global command the bot knows."));
    }

    private static string CopyOfManifestFolder(Action<JsonObject> change)
    {
        var folder = Directory.CreateTempSubdirectory("teams-manifest-").FullName;
        foreach (var file in Directory.GetFiles(ManifestFolder, "*.png"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, "manifest.json")))!.AsObject();
        change(manifest);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());
        return folder;
    }
}

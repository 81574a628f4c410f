using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Skills.PasswordReset.Embedded;
using Helpdesk.Skills.PasswordReset.Verification;
using OtpNet;

namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>
/// The password reset page in headless Chromium (tests/e2e/reset-page.e2e.mjs) against the real host on Kestrel:
/// the link comes from a real conversation over Direct Line (Web Chat token, verified with the demo user's
/// authenticator code); the browser then sees a weak password refused with a message, a strong one accepted, and the
/// link dead afterwards.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ResetPageEndToEndTests(BotServerFixture server)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    [EndToEndFact(EndToEndRequirements.Node | EndToEndRequirements.Chromium)]
    public async Task ResetPage_WeakThenStrongPassword_RefusedThenChangedAndLinkDead()
    {
        var link = await GetResetLinkAsync();

        var result = await NodeE2EScripts.RunAsync(
            "reset-page.e2e.mjs",
            ["--link", link, "--artifacts", Path.Combine(RepositoryPaths.Artifacts, "reset-page"), "--chromium", EndToEndEnvironment.ChromiumPath],
            ScriptTimeout);

        Assert.True(result.Passed, result.Describe());
        var json = result.Json!.Value;
        Assert.Equal("ada@contoso.example", json.GetProperty("account").GetString());
        Assert.DoesNotContain("#", json.GetProperty("addressBar").GetString(), StringComparison.Ordinal);
        Assert.Contains(json.GetProperty("weakErrors").EnumerateArray(), e => e.GetString()!.Contains("common or leaked", StringComparison.Ordinal));
        Assert.Contains("changed", json.GetProperty("doneText").GetString(), StringComparison.Ordinal);
        Assert.Contains("already used", json.GetProperty("replayText").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", json.GetProperty("contentSecurityPolicy").GetString(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", json.GetProperty("referrerPolicy").GetString());
        Assert.Empty(json.GetProperty("pageErrors").EnumerateArray());
    }

    /// <summary>Asks the bot for a reset link as a Web Chat user would, over Direct Line.</summary>
    private async Task<string> GetResetLinkAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        using var tokenResponse = await http.PostAsJsonAsync("/api/webchat/token", new { });
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var start = await http.PostAsJsonAsync("/v3/directline/conversations", new { });
        start.EnsureSuccessStatusCode();
        var conversationId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
        string? watermark = null;

        async Task<List<string>> SayAsync(string text, string expect)
        {
            using var posted = await http.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities", new { type = "message", text, from = new { id = "e2e-user", role = "user" } });
            posted.EnsureSuccessStatusCode();
            var seen = new List<string>();
            var started = TimeProvider.System.GetTimestamp();
            while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
            {
                var page = await http.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}");
                watermark = page.TryGetProperty("watermark", out var w) ? w.GetString() : watermark;
                seen.AddRange(page.GetProperty("activities").EnumerateArray()
                    .Where(a => a.GetProperty("from").TryGetProperty("role", out var role) && role.GetString() == "bot" && a.TryGetProperty("text", out _))
                    .Select(a => a.GetProperty("text").GetString()!));
                if (seen.Any(s => s.Contains(expect, StringComparison.Ordinal)))
                {
                    return seen;
                }

                await Task.Delay(200);
            }

            throw new InvalidOperationException($"The bot did not answer \"{text}\" with \"{expect}\"; it said: {string.Join(" | ", seen)}");
        }

        await SayAsync("Reset my password", "user name or work e-mail");
        await SayAsync("ada@contoso.example", "How would you like");
        await SayAsync("Authenticator app", "authenticator app");
        var secret = Base32Encoding.ToBytes(EmbeddedDemoUsers.All.Single(u => u.Account.UserName == "ada").TotpSecret!);
        var replies = await SayAsync(TotpVerifier.CodeAt(secret, TimeProvider.System.GetUtcNow()), "/reset#");
        var reply = replies.Single(r => r.Contains("/reset#", StringComparison.Ordinal));
        var from = reply.IndexOf("http", StringComparison.Ordinal);
        return new string(reply[from..].TakeWhile(c => !char.IsWhiteSpace(c)).ToArray());
    }
}

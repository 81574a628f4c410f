using System.Globalization;
using System.Net;
using Helpdesk.Skills.PasswordReset;

namespace Helpdesk.Bot.PasswordReset.ResetPage;

/// <summary>The reset page's HTML: no inline script or style (strict CSP), the antiforgery token in a meta tag.</summary>
internal static class ResetPageHtml
{
    public static string Render(PasswordResetOptions options, string requestToken)
    {
        var org = WebUtility.HtmlEncode(options.OrganizationName);
        var min = options.MinPasswordLength.ToString(CultureInfo.InvariantCulture);
        var max = options.MaxPasswordLength.ToString(CultureInfo.InvariantCulture);
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="referrer" content="no-referrer">
              <meta name="request-verification-token" content="{{WebUtility.HtmlEncode(requestToken)}}">
              <title>{{org}} — choose a new password</title>
              <link rel="icon" href="/img/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="/css/reset.css">
              <script src="/lib/zxcvbn.js" defer></script>
              <script src="/js/reset.js" defer></script>
            </head>
            <body>
              <main class="card" id="reset" data-min-length="{{min}}" data-max-length="{{max}}">
                <h1>Choose a new password</h1>
                <noscript><p class="error">This page needs JavaScript. Ask the IT help assistant for another link, or contact the service desk.</p></noscript>
                <p id="status" class="muted" role="status" aria-live="polite">Checking your link…</p>
                <form id="form" hidden novalidate autocomplete="on">
                  <p>For <strong id="account"></strong><span id="expires" class="muted"></span></p>
                  <input type="text" id="username" name="username" autocomplete="username" hidden readonly>
                  <label for="password">New password</label>
                  <div class="field">
                    <input type="password" id="password" name="password" autocomplete="new-password" minlength="{{min}}" maxlength="{{max}}" required spellcheck="false" aria-describedby="rules meter-label">
                    <button type="button" id="toggle" class="link" aria-controls="password confirmation">Show</button>
                  </div>
                  <div class="meter" aria-hidden="true"><div id="meter-bar"></div></div>
                  <p id="meter-label" class="muted">Strength: —</p>
                  <ul id="hints" class="hints"></ul>
                  <label for="confirmation">Type it again</label>
                  <input type="password" id="confirmation" name="confirmation" autocomplete="new-password" maxlength="{{max}}" required spellcheck="false">
                  <p id="rules" class="muted">At least {{min}} characters. Any characters are fine, spaces too — several unrelated words make a long password that's easy to remember. Don't use your name, user name or "{{org}}", and don't reuse a password from another site.</p>
                  <ul id="errors" class="errors" role="alert"></ul>
                  <button type="submit" id="submit">Change password</button>
                </form>
                <section id="done" hidden>
                  <p class="ok">Your password has been changed.</p>
                  <p>Sign in with it now. This link no longer works. A notice has been sent to your mailbox.</p>
                </section>
              </main>
            </body>
            </html>
            """;
    }
}

namespace Helpdesk.Skills.PasswordReset.Links;

/// <summary>Where the reset page is served (the host knows its public address).</summary>
public interface IResetPageAddress
{
    /// <summary>The page's absolute URL for <paramref name="token"/>; the token travels in the fragment, so it never reaches server logs, proxies or Referer headers.</summary>
    string UrlFor(string token);
}

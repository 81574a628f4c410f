using System.Collections.Concurrent;
using Helpdesk.Skills.PasswordReset.Directory;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>The real directory, with every change (unlock, new password) recorded.</summary>
internal sealed class RecordingDirectory(IAccountDirectory inner) : IAccountDirectory
{
    public ConcurrentQueue<string> Changes { get; } = new();

    public string Name => inner.Name;

    public Task<DirectoryAccount?> FindAsync(string identifier, CancellationToken cancellationToken) => inner.FindAsync(identifier, cancellationToken);

    public Task<DirectoryAccount?> FindByIdAsync(string id, CancellationToken cancellationToken) => inner.FindByIdAsync(id, cancellationToken);

    public Task UnlockAsync(DirectoryAccount account, CancellationToken cancellationToken)
    {
        Changes.Enqueue("unlock " + account.Id);
        return inner.UnlockAsync(account, cancellationToken);
    }

    public Task<PasswordChangeResult> SetPasswordAsync(DirectoryAccount account, string newPassword, bool mustChangeAtNextSignIn, CancellationToken cancellationToken)
    {
        Changes.Enqueue("password " + account.Id);
        return inner.SetPasswordAsync(account, newPassword, mustChangeAtNextSignIn, cancellationToken);
    }
}

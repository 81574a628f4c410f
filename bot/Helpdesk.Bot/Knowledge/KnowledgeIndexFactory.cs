using Helpdesk.KnowledgeIndex;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Opens the knowledge index: in memory with <c>Storage:Provider=Memory</c>, else in its folder under the data
/// folder. The index is derived data (rebuilt from the articles at every start), so an unreadable one — corrupt, or
/// written by an incompatible version — is deleted and recreated instead of stopping the bot.
/// </summary>
internal static class KnowledgeIndexFactory
{
    public static KnowledgeBase Open(string? path, TimeProvider time, ILogger logger)
    {
        if (path is null)
        {
            return KnowledgeBase.Open(new RAMDirectory(), time, createIfMissing: true, ownsDirectory: true);
        }

        try
        {
            return KnowledgeBase.Open(path, time, createIfMissing: true);
        }
        catch (Exception ex) when (ex is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException)
        {
            logger.LogWarning("The knowledge index at {Path} could not be read ({Error}); recreating it.", path, ex.Message);
            System.IO.Directory.Delete(path, recursive: true);
            return KnowledgeBase.Open(path, time, createIfMissing: true);
        }
    }
}

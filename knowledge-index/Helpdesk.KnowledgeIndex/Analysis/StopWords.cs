using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;

namespace Helpdesk.KnowledgeIndex.Analysis;

/// <summary>
/// Lucene's English stop words plus the function words of casual help requests (pronouns, question words,
/// auxiliaries, negations, greetings). In support text these carry no topic, and in a small corpus a rare one
/// ("my", "hi") would otherwise score like a keyword.
/// </summary>
public static class StopWords
{
    private static readonly string[] Conversational =
    [
        "i", "i'm", "im", "i've", "ive", "me", "my", "mine", "myself", "you", "your", "yours", "we", "our", "us",
        "he", "she", "him", "her", "his", "its", "them", "it's", "what", "whats", "what's", "which", "who", "whom",
        "how", "why", "when", "where", "do", "does", "did", "doing", "done", "can", "could", "should", "would", "shall",
        "may", "might", "must", "have", "has", "had", "having", "am", "been", "being", "were", "so", "just", "very",
        "also", "too", "any", "some", "all", "from", "about", "up", "out", "off", "over", "again", "still", "now",
        "here", "than", "only", "own", "same", "each", "other", "more", "most", "both", "few", "because", "while",
        "until", "after", "before", "during", "please", "pls", "plz", "hi", "hello", "hey", "thanks", "thank", "help",
        "anyone", "someone", "something", "anything", "everything", "get", "gets", "got", "getting", "want", "need",
        "trying", "tried", "try", "know", "like", "really", "keep", "keeps", "kept", "even", "cannot", "can't", "cant",
        "won't", "wont", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt", "aren't", "arent",
        "wasn't", "wasnt", "couldn't", "couldnt", "unable", "able", "there's", "let", "lets", "ok", "okay", "yes",
    ];

    /// <summary>The stop word set (lower case, shared, read-only).</summary>
    public static CharArraySet Set { get; } = Build();

    private static CharArraySet Build()
    {
        var set = new CharArraySet(KnowledgeAnalyzer.Version, StopAnalyzer.ENGLISH_STOP_WORDS_SET, ignoreCase: true);
        foreach (var word in Conversational)
        {
            set.Add(word);
        }

        return set.AsReadOnly();
    }
}

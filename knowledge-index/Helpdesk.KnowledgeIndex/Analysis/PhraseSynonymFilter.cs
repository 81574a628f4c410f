using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Helpdesk.KnowledgeIndex.Analysis;

/// <summary>
/// Adds the canonical term of every synonym phrase found in the stream, at the position of the phrase's first word,
/// keeping the original words (what Lucene's <c>SynonymFilter</c> does with <c>includeOrig</c> and single-word
/// outputs: longest match first, no new match inside a matched phrase). Tokens that start no phrase pass straight
/// through; only a possible phrase start reads ahead, and buffered tokens are kept as plain values rather than
/// captured attribute states, which made the Lucene filter the most expensive step of indexing.
/// </summary>
internal sealed class PhraseSynonymFilter : TokenFilter
{
    private readonly SynonymTable _table;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;
    private readonly ITypeAttribute _type;

    /// <summary>Tokens read from the input but not yet examined (lookahead).</summary>
    private readonly List<BufferedToken> _ahead = [];

    /// <summary>Tokens decided and waiting to be emitted.</summary>
    private readonly Queue<BufferedToken> _ready = new();

    public PhraseSynonymFilter(TokenStream input, SynonymTable table)
        : base(input)
    {
        _table = table;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_ready.Count > 0)
        {
            Restore(_ready.Dequeue());
            return true;
        }

        BufferedToken current;
        if (_ahead.Count > 0)
        {
            current = _ahead[0];
            _ahead.RemoveAt(0);
            if (!_table.TryGetPhrases(current.Term, out var buffered))
            {
                Restore(current);
                return true;
            }

            Match(current, buffered);
        }
        else
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            if (!_table.TryGetPhrases(_term.Buffer.AsSpan(0, _term.Length), out var phrases))
            {
                return true; // fast path: the attributes already hold the token
            }

            current = Capture();
            Match(current, phrases);
        }

        Restore(_ready.Dequeue());
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _ahead.Clear();
        _ready.Clear();
    }

    private void Match(BufferedToken current, SynonymPhrase[] phrases)
    {
        _ready.Enqueue(current);
        foreach (var phrase in phrases)
        {
            var rest = phrase.Words.Length - 1;
            while (_ahead.Count < rest && m_input.IncrementToken())
            {
                _ahead.Add(Capture());
            }

            if (_ahead.Count < rest || !RestMatches(phrase.Words))
            {
                continue;
            }

            var end = rest == 0 ? current.EndOffset : _ahead[rest - 1].EndOffset;
            foreach (var canonical in phrase.Canonicals)
            {
                _ready.Enqueue(new BufferedToken(canonical, current.StartOffset, end, 0, phrase.Words.Length, KnowledgeAnalyzer.SynonymTokenType));
            }

            // The phrase's other words pass through unchanged and cannot start a new match.
            for (var i = 0; i < rest; i++)
            {
                _ready.Enqueue(_ahead[i]);
            }

            _ahead.RemoveRange(0, rest);
            return;
        }
    }

    private bool RestMatches(string[] words)
    {
        for (var i = 1; i < words.Length; i++)
        {
            if (!string.Equals(_ahead[i - 1].Term, words[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private BufferedToken Capture() =>
        new(_term.ToString(), _offset.StartOffset, _offset.EndOffset, _increment.PositionIncrement, _length.PositionLength, _type.Type);

    private void Restore(BufferedToken token)
    {
        ClearAttributes();
        _term.SetEmpty().Append(token.Term);
        _offset.SetOffset(token.StartOffset, token.EndOffset);
        _increment.PositionIncrement = token.PositionIncrement;
        _length.PositionLength = token.PositionLength;
        _type.Type = token.Type;
    }

    private readonly record struct BufferedToken(string Term, int StartOffset, int EndOffset, int PositionIncrement, int PositionLength, string Type);
}

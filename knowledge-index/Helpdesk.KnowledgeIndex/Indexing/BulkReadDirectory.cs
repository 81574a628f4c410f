using Lucene.Net.Store;

namespace Helpdesk.KnowledgeIndex.Indexing;

/// <summary>
/// The index directory with its stored-fields data (<c>.fdt</c>) read through a managed buffer. On a memory-mapped
/// directory every single-byte read goes through <c>UnmanagedMemoryAccessor.ReadByte</c>, which takes and releases
/// the mapping's safe handle each time; decompressing a search hit's stored article (LZ4, byte by byte) spent most
/// of its time there. The buffer is filled with one bulk copy per 16 KiB, so the bytes read are the same and only
/// the cost changes. Postings and doc values stay memory-mapped (their reads are short and random).
/// </summary>
internal sealed class BulkReadDirectory(Lucene.Net.Store.Directory directory) : FilterDirectory(directory)
{
    /// <summary>Bytes copied per refill.</summary>
    public const int ReadBufferSize = 16 * 1024;

    private const string StoredFieldsDataExtension = ".fdt";

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        return name.EndsWith(StoredFieldsDataExtension, StringComparison.Ordinal) ? new BulkReadInput(name, input) : input;
    }

    private sealed class BulkReadInput(string name, IndexInput input) : BufferedIndexInput("BulkReadInput(" + name + ")", ReadBufferSize)
    {
        private IndexInput _input = input;
        private bool _isClone;

        public override long Length => _input.Length;

        public override object Clone()
        {
            var clone = (BulkReadInput)base.Clone();
            clone._input = (IndexInput)_input.Clone();
            clone._isClone = true;
            return clone;
        }

        protected override void ReadInternal(byte[] b, int offset, int length)
        {
            _input.Seek(Position);
            _input.ReadBytes(b, offset, length);
        }

        protected override void SeekInternal(long pos)
        {
            // The position is the buffer's; the next refill seeks the underlying input.
        }

        protected override void Dispose(bool disposing)
        {
            // Lucene never closes clones; the original closes the mapping (and with it the clones' views).
            if (disposing && !_isClone)
            {
                _input.Dispose();
            }
        }
    }
}

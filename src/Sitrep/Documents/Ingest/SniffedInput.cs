using System.IO.Compression;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// An opened input file, gunzipped when it starts with the gzip magic, with its first bytes read ahead so the
/// format checks (empty, binary, byte-order mark) need no second pass. <see cref="Stream"/> replays those bytes.
/// </summary>
sealed class SniffedInput : IDisposable
{
    const int HeadSize = 8192;

    SniffedInput(Stream stream, byte[] head, int headLength, bool compressed)
    {
        Stream = stream;
        Head = head;
        HeadLength = headLength;
        Compressed = compressed;
    }

    /// <summary>The whole (decompressed) content, from its first byte.</summary>
    public Stream Stream { get; }

    /// <summary>The first bytes of the content.</summary>
    public byte[] Head { get; }

    /// <summary>How many bytes of <see cref="Head"/> are filled.</summary>
    public int HeadLength { get; }

    /// <summary>True when the file was gzip-compressed.</summary>
    public bool Compressed { get; }

    /// <summary>True when the content has no bytes at all.</summary>
    public bool IsEmpty => HeadLength == 0;

    /// <summary>True when the first bytes hold a NUL and no UTF-16/32 byte-order mark: not a text file.</summary>
    public bool LooksBinary
    {
        get
        {
            var head = Head.AsSpan(0, HeadLength);
            if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                return false;
            }

            return head.Contains((byte)0);
        }
    }

    /// <summary>Opens <paramref name="path"/>; throws <see cref="IOException"/> or <see cref="InvalidDataException"/> (bad gzip).</summary>
    public static SniffedInput Open(string path)
    {
        Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var magic = new byte[2];
            var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            var compressed = n == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
            Stream content = compressed ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16) : file;
            var head = new byte[HeadSize];
            var headLength = content.ReadAtLeast(head, HeadSize, throwOnEndOfStream: false);
            return new SniffedInput(new PrefixStream(head, headLength, content), head, headLength, compressed);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Stream.Dispose();

    /// <summary>A read-only stream that yields a prefix, then the rest of an inner stream.</summary>
    sealed class PrefixStream(byte[] prefix, int prefixLength, Stream inner) : ForwardReadStream
    {
        int _prefixPos;

        public override int Read(Span<byte> buffer)
        {
            if (_prefixPos < prefixLength)
            {
                var n = Math.Min(buffer.Length, prefixLength - _prefixPos);
                prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
                _prefixPos += n;
                return n;
            }

            return inner.Read(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

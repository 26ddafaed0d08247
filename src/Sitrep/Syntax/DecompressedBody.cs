using System.IO.Compression;

namespace Sitrep.Syntax;

/// <summary>
/// A model body that a background thread decompresses while the caller already decodes it: the Brotli stream is read
/// into fixed-size chunks, and reads wait only when they overtake the decompression. Loading the model then costs about
/// the longer of decompressing and decoding instead of their sum (on this 2-core machine ≈ 0.35 s of a 0.6 s load is
/// decompression). Weight tables read it byte by byte through <see cref="NextByte"/> rather than through
/// <see cref="Stream.Read(byte[], int, int)"/> calls.
/// </summary>
internal sealed class DecompressedBody : Stream
{
    const int ChunkSize = 1 << 20;

    readonly List<byte[]> _chunks = [];
    readonly List<int> _lengths = [];
    readonly object _gate = new();
    readonly Thread _producer;
    bool _finished;
    Exception? _failure;

    // The reader's position: a chunk, the offset in it and that chunk's length once known to be readable.
    byte[] _current = [];
    int _offset;
    int _currentLength;
    int _chunk = -1;
    long _chunkStart;

    /// <summary>
    /// Starts decompressing the Brotli stream <paramref name="compressed"/> on a background thread; the caller keeps it
    /// open until this object is disposed (which waits for the thread).
    /// </summary>
    public DecompressedBody(Stream compressed)
    {
        _producer = new Thread(() => Produce(compressed)) { IsBackground = true, Name = "syntax model decompression" };
        _producer.Start();
    }

    void Produce(Stream compressed)
    {
        try
        {
            using (var source = new BrotliStream(compressed, CompressionMode.Decompress, leaveOpen: true))
            {
                while (true)
                {
                    var chunk = new byte[ChunkSize];
                    var n = source.ReadAtLeast(chunk, ChunkSize, throwOnEndOfStream: false);
                    if (n == 0)
                    {
                        break;
                    }

                    lock (_gate)
                    {
                        _chunks.Add(chunk);
                        _lengths.Add(n);
                        Monitor.PulseAll(_gate);
                    }

                    if (n < ChunkSize)
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException)
        {
            _failure = e;
        }
        finally
        {
            lock (_gate)
            {
                _finished = true;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Moves to the next chunk, waiting for it; false at the end of the body.</summary>
    bool Advance()
    {
        lock (_gate)
        {
            while (_chunk + 1 >= _chunks.Count && !_finished)
            {
                Monitor.Wait(_gate);
            }

            if (_chunk + 1 >= _chunks.Count)
            {
                if (_failure is not null)
                {
                    throw new InvalidDataException("the syntax model's compressed body is corrupt: " + _failure.Message, _failure);
                }

                return false;
            }

            _chunk++;
            _chunkStart += _currentLength;
            _current = _chunks[_chunk];
            _currentLength = _lengths[_chunk];
            _offset = 0;
            return true;
        }
    }

    /// <summary>The next byte of the body, or -1 at its end.</summary>
    public int NextByte()
    {
        if (_offset < _currentLength)
        {
            return _current[_offset++];
        }

        return Advance() ? NextByte() : -1;
    }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        var copied = 0;
        while (copied < buffer.Length)
        {
            if (_offset == _currentLength && !Advance())
            {
                break;
            }

            var n = Math.Min(buffer.Length - copied, _currentLength - _offset);
            _current.AsSpan(_offset, n).CopyTo(buffer[copied..]);
            _offset += n;
            copied += n;
        }

        return copied;
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int ReadByte() => NextByte();

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => _chunkStart + _offset;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Waits for the decompression thread, so that a load leaves nothing running behind it.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _producer.Join();
        }

        base.Dispose(disposing);
    }
}

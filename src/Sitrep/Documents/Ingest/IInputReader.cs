namespace Sitrep.Documents.Ingest;

/// <summary>Reads the documents of one input file in one format.</summary>
interface IInputReader
{
    /// <summary>
    /// Documents and per-record problems of <paramref name="input"/>, streamed. <paramref name="position"/> is kept at
    /// the line being read so that a decoding error thrown mid-file can be reported at its line.
    /// </summary>
    IEnumerable<ReadResult> Read(string path, SniffedInput input, ReadPosition position);
}

/// <summary>The line an input reader is at; read by the caller when the reader throws.</summary>
sealed class ReadPosition
{
    /// <summary>1-based line number (0 = unknown).</summary>
    public long Line { get; set; }
}

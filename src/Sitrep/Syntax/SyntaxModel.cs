using System.IO.Compression;
using System.Text;

namespace Sitrep.Syntax;

/// <summary>
/// The trained syntax components in one file: an 8-byte magic "SITRSYNX", a little-endian int32 format
/// version, then a Brotli-compressed body holding the tagger, lemmatiser, parser, recogniser, word clusters and PP-attachment
/// counts in that order (the last three each behind a presence flag; docs/syntax.md gives the layout).
/// </summary>
internal sealed record SyntaxModel(
    PosTagger Tagger, Lemmatizer Lemmatizer, DependencyParser Parser, EntityRecognizer? Recognizer, WordClusters? Clusters = null,
    PrepositionAttachment? Attachment = null)
{
    /// <summary>The format version this code writes (2 added the second tagger pass, 3 the recogniser's name lists, 4 its decoding beam width, 5 word clusters, 6 the PP attachment counts).</summary>
    public const int FormatVersion = 6;

    /// <summary>The oldest format this code still reads (format 1: one-pass tagger).</summary>
    public const int OldestReadableVersion = 1;

    static readonly byte[] Magic = "SITRSYNX"u8.ToArray();

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        file.Write(Magic);
        file.Write(BitConverter.GetBytes(FormatVersion));
        using var brotli = new BrotliStream(file, new BrotliCompressionOptions { Quality = 5 });
        using var writer = new BinaryWriter(brotli, Encoding.UTF8);
        Tagger.Write(writer);
        Lemmatizer.Write(writer);
        Parser.Write(writer);
        writer.Write(Recognizer is not null);
        Recognizer?.Write(writer);
        writer.Write(Clusters is not null);
        Clusters?.Write(writer);
        writer.Write(Attachment is not null);
        Attachment?.Write(writer);
    }

    /// <summary>Reads a model; throws <see cref="InvalidDataException"/> on a foreign or newer file.</summary>
    public static SyntaxModel Load(string path)
    {
        using var file = new BufferedStream(File.OpenRead(path), 1 << 16);
        Span<byte> head = stackalloc byte[12];
        file.ReadExactly(head);
        if (!head[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path} is not a Sitrep syntax model");
        }

        var version = BitConverter.ToInt32(head[8..]);
        if (version < OldestReadableVersion || version > FormatVersion)
        {
            throw new InvalidDataException($"{path} has syntax model format {version}; this build reads {OldestReadableVersion}–{FormatVersion}");
        }

        // Decompressed on a second thread while this one decodes (DecompressedBody); weight tables read its bytes directly.
        using var body = new DecompressedBody(file);
        using var reader = new BinaryReader(body, Encoding.UTF8);
        var tagger = PosTagger.Read(reader, version);
        var lemmatizer = Lemmatizer.Read(reader);
        var parser = DependencyParser.Read(reader);
        var recognizer = reader.ReadBoolean() ? EntityRecognizer.Read(reader, version) : null;
        var clusters = version >= 5 && reader.ReadBoolean() ? WordClusters.Read(reader) : null;
        var attachment = version >= 6 && reader.ReadBoolean() ? PrepositionAttachment.Read(reader) : null;
        return new SyntaxModel(tagger, lemmatizer, parser, recognizer, clusters, attachment);
    }
}

using System.Text;

namespace Sitrep.Documents.Ingest;

/// <summary>Strict decoders: bytes that are not valid in the encoding raise <see cref="DecoderFallbackException"/>.</summary>
static class TextDecoding
{
    /// <summary>UTF-8 that throws on invalid bytes.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A reader over <paramref name="stream"/> honouring a byte-order mark, else <paramref name="encoding"/> (strict UTF-8 by default).</summary>
    public static StreamReader Reader(Stream stream, Encoding? encoding = null) =>
        new(stream, encoding ?? StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);

    /// <summary>
    /// The encoding named by an HTML page's <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> content type within
    /// its first bytes, strict; null when none is named or the name is unknown.
    /// </summary>
    public static Encoding? FromHtmlHead(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head);
        var i = text.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        while (i >= 0)
        {
            var j = i + "charset".Length;
            while (j < text.Length && (text[j] == ' ' || text[j] == '=' || text[j] == '"' || text[j] == '\''))
            {
                j++;
            }

            var start = j;
            while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '-' or '_' or ':' or '.'))
            {
                j++;
            }

            if (j > start && ByName(text[start..j]) is { } enc)
            {
                return enc;
            }

            i = text.IndexOf("charset", j, StringComparison.OrdinalIgnoreCase);
        }

        return null;
    }

    /// <summary>A strict encoding by IANA name (code pages included), or null when unknown.</summary>
    public static Encoding? ByName(string name)
    {
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return StrictUtf8;
        }

        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
    }
}

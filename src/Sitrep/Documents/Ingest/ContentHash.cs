using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// Content ids: SHA-256 of the normalised text (Unicode NFC, every run of white space one space, trimmed),
/// first 16 hex digits. The same content read twice, from any format or with other line endings, gets the same id.
/// </summary>
public static class ContentHash
{
    /// <summary>The content id of <paramref name="text"/>.</summary>
    public static DocumentId Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = Normalise(text);
        var max = Encoding.UTF8.GetMaxByteCount(normalised.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = Encoding.UTF8.GetBytes(normalised, buffer);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, n), hash);
            return new DocumentId(Convert.ToHexStringLower(hash[..8]));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>NFC, white-space runs collapsed to one space, trimmed.</summary>
    internal static string Normalise(string text)
    {
        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var c in nfc)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}

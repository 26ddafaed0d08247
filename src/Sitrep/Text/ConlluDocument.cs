using System.Collections.Immutable;
using System.Text;

namespace Sitrep.Text;

/// <summary>
/// A CoNLL-U document rebuilt as running text, the way the treebank joins it: sentences of one paragraph
/// separated by a space (none when the last token has SpaceAfter=No), paragraphs by a blank line.
/// Gold sentence spans and gold word spans point into <see cref="Text"/>.
/// </summary>
/// <param name="Id">The <c># newdoc id</c>.</param>
/// <param name="Text">The joined text.</param>
/// <param name="Sentences">Gold sentence spans.</param>
/// <param name="Words">Gold syntactic-word spans (parts of a multiword token share it when they do not spell it).</param>
/// <param name="Tokens">Gold surface-token spans (a multiword token is one).</param>
public sealed record ConlluDocument(string Id, string Text, ImmutableArray<TextSpan> Sentences, ImmutableArray<TextSpan> Words, ImmutableArray<TextSpan> Tokens)
{
    /// <summary>Reads every document of a CoNLL-U file (a file without <c># newdoc</c> is one document).</summary>
    public static IReadOnlyList<ConlluDocument> Read(string path)
    {
        var docs = new List<ConlluDocument>();
        var sb = new StringBuilder();
        var sentences = ImmutableArray.CreateBuilder<TextSpan>();
        var words = ImmutableArray.CreateBuilder<TextSpan>();
        var tokens = ImmutableArray.CreateBuilder<TextSpan>();
        string? id = null;
        var newPar = false;
        var lastSpaceAfter = true;
        var sentenceStart = -1;
        var mwtEnd = 0;
        var mwtStart = 0;
        var mwtSpan = default(TextSpan);
        var mwtParts = new List<string>();
        var docStarted = false;

        void FinishDoc()
        {
            if (docStarted && sentences.Count > 0)
            {
                docs.Add(new ConlluDocument(id ?? $"doc{docs.Count + 1}", sb.ToString(), sentences.ToImmutable(), words.ToImmutable(), tokens.ToImmutable()));
            }

            sb.Clear();
            sentences.Clear();
            words.Clear();
            tokens.Clear();
            docStarted = false;
        }

        void FlushMwt()
        {
            if (mwtParts.Count == 0)
            {
                return;
            }

            var surface = mwtSpan.Of(sb.ToString());
            var spells = string.Equals(string.Concat(mwtParts), surface, StringComparison.OrdinalIgnoreCase);
            var p = mwtSpan.Start;
            foreach (var part in mwtParts)
            {
                if (spells)
                {
                    words.Add(new TextSpan(p, part.Length));
                    p += part.Length;
                }
                else
                {
                    words.Add(mwtSpan);
                }
            }

            mwtParts.Clear();
        }

        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                FinishDoc();
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                id = eq > 0 ? line[(eq + 1)..].Trim() : null;
                newPar = true;
                continue;
            }

            if (line.StartsWith("# newpar", StringComparison.Ordinal) && !line.StartsWith("# newpar_", StringComparison.Ordinal))
            {
                newPar = true;
                continue;
            }

            if (line.Length == 0)
            {
                FlushMwt();
                if (sentenceStart >= 0)
                {
                    var end = sb.Length;
                    while (end > sentenceStart && char.IsWhiteSpace(sb[end - 1]))
                    {
                        end--;
                    }

                    sentences.Add(TextSpan.FromBounds(sentenceStart, end));
                    sb.Length = end;
                    sentenceStart = -1;
                }

                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length < 10)
            {
                continue;
            }

            if (sentenceStart < 0)
            {
                // Start a sentence: separator from the previous one.
                if (!docStarted)
                {
                    docStarted = true;
                }
                else if (newPar)
                {
                    sb.Append("\n\n");
                }
                else if (lastSpaceAfter)
                {
                    sb.Append(' ');
                }

                newPar = false;
                sentenceStart = sb.Length;
            }

            var idCol = cols[0];
            if (idCol.Contains('.', StringComparison.Ordinal))
            {
                continue; // empty node
            }

            var spaceAfter = !cols[9].Contains("SpaceAfter=No", StringComparison.Ordinal);
            var dash = idCol.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                FlushMwt();
                mwtStart = int.Parse(idCol.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture);
                mwtEnd = int.Parse(idCol.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture);
                var start = sb.Length;
                sb.Append(cols[1]);
                mwtSpan = TextSpan.FromBounds(start, sb.Length);
                tokens.Add(mwtSpan);
                if (spaceAfter)
                {
                    sb.Append(' ');
                }

                lastSpaceAfter = spaceAfter;
                continue;
            }

            var wid = int.Parse(idCol, System.Globalization.CultureInfo.InvariantCulture);
            if (wid >= mwtStart && wid <= mwtEnd && mwtEnd > 0)
            {
                mwtParts.Add(cols[1]);
                if (wid == mwtEnd)
                {
                    FlushMwt();
                    mwtEnd = 0;
                }

                continue;
            }

            var ws = sb.Length;
            sb.Append(cols[1]);
            words.Add(TextSpan.FromBounds(ws, sb.Length));
            tokens.Add(TextSpan.FromBounds(ws, sb.Length));
            if (spaceAfter)
            {
                sb.Append(' ');
            }

            lastSpaceAfter = spaceAfter;
        }

        FlushMwt();
        if (sentenceStart >= 0)
        {
            sentences.Add(TextSpan.FromBounds(sentenceStart, sb.Length));
        }

        FinishDoc();
        return docs;
    }
}

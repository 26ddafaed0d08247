using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Syntax;

/// <summary>One syntactic word of a CoNLL-U sentence; <see cref="Head"/> is 0-based, -1 for the root.</summary>
internal sealed record ConlluWord(string Form, string Lemma, string Upos, string Xpos, int Head, string DepRel, string Misc);

/// <summary>A multiword token spanning words [<see cref="First"/>, <see cref="Last"/>] (0-based, inclusive).</summary>
internal sealed record ConlluRange(int First, int Last, string Form);

/// <summary>One CoNLL-U sentence: its raw text (the <c># text</c> comment) and its words.</summary>
internal sealed record ConlluSentence(string? Text, string? DocumentId, ImmutableArray<ConlluWord> Words, ImmutableArray<ConlluRange> Ranges);

/// <summary>Reads CoNLL-U files (empty nodes are skipped; multiword tokens are kept as ranges).</summary>
internal static class ConlluReader
{
    /// <summary>Sentences of the file at <paramref name="path"/>, in order.</summary>
    public static List<ConlluSentence> Read(string path)
    {
        var result = new List<ConlluSentence>();
        string? text = null, doc = null;
        var words = ImmutableArray.CreateBuilder<ConlluWord>();
        var ranges = ImmutableArray.CreateBuilder<ConlluRange>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    result.Add(new ConlluSentence(text, doc, words.ToImmutable(), ranges.ToImmutable()));
                }

                words.Clear();
                ranges.Clear();
                text = null;
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    text = line[9..];
                }
                else if (line.StartsWith("# newdoc id = ", StringComparison.Ordinal))
                {
                    doc = line[14..];
                }

                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length < 10)
            {
                continue;
            }

            var id = cols[0];
            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                var a = int.Parse(id.AsSpan(0, dash), CultureInfo.InvariantCulture);
                var b = int.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture);
                ranges.Add(new ConlluRange(a - 1, b - 1, cols[1]));
                continue;
            }

            var head = cols[6] == "_" ? 0 : int.Parse(cols[6], CultureInfo.InvariantCulture);
            words.Add(new ConlluWord(cols[1], cols[2], cols[3], cols[4], head - 1, cols[7], cols[9]));
        }

        if (words.Count > 0)
        {
            result.Add(new ConlluSentence(text, doc, words.ToImmutable(), ranges.ToImmutable()));
        }

        return result;
    }
}

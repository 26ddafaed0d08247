namespace Sitrep.Syntax;

/// <summary>
/// What the recogniser's first pass said about every word form of one document: for each lower-cased form, how often
/// it was labelled outside a name, or inside a person, organisation or location name. The second pass reads, for each
/// word, the labels of the form's <em>other</em> occurrences (document-level consistency, Krishnan &amp; Manning 2006
/// style stacking). Built once per document; read-only afterwards.
/// </summary>
public sealed class DocumentNames
{
    readonly Dictionary<ulong, int[]> _counts = [];

    internal DocumentNames()
    {
    }

    /// <summary>Adds one sentence's words and first-pass BIO label ids.</summary>
    internal void Add(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> labels)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!_counts.TryGetValue(words[i].Lower, out var c))
            {
                c = new int[4];
                _counts[words[i].Lower] = c;
            }

            c[Category(labels[i])]++;
        }
    }

    /// <summary>0 outside a name, else 1 + the entity kind (PER, ORG, LOC).</summary>
    static int Category(int label) => label == 0 ? 0 : 1 + ((label - 1) / 2);

    /// <summary>
    /// Per-word codes for the second pass: bits 0–3 the categories the form's other occurrences took, bits 4–6 the
    /// word's own first-pass label, bits 8–9 the most frequent name kind of the other occurrences (0 = none).
    /// </summary>
    internal ulong[] Codes(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> labels)
    {
        var codes = new ulong[words.Length];
        Span<int> others = stackalloc int[4];
        for (var i = 0; i < words.Length; i++)
        {
            others.Clear();
            if (_counts.TryGetValue(words[i].Lower, out var c))
            {
                c.CopyTo(others);
            }

            var own = Category(labels[i]);
            others[own] = Math.Max(0, others[own] - 1);
            ulong mask = 0;
            var major = 0;
            for (var k = 0; k < 4; k++)
            {
                if (others[k] > 0)
                {
                    mask |= 1UL << k;
                    if (k > 0 && (major == 0 || others[k] > others[major]))
                    {
                        major = k;
                    }
                }
            }

            codes[i] = mask | ((ulong)labels[i] << 4) | ((ulong)major << 8);
        }

        return codes;
    }
}

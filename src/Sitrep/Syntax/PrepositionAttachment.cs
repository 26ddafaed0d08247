namespace Sitrep.Syntax;

/// <summary>
/// A second opinion on one ambiguity the parser decides from little evidence: in "V N1 P N2" ("liberated the town from
/// Islamic State", "seized weapons from the depot"), whether the phrase "P N2" attaches to the verb (obl) or to its object
/// (nmod). The estimate is Collins &amp; Brooks' (1995) backed-off relative frequency over the (verb, object, preposition,
/// object of the preposition) lemmas of the treebanks' gold trees: the quadruple if seen, else the three triples containing
/// the preposition summed, else the three pairs, else the preposition alone. The parser's attachment is overturned when the
/// other site's estimate is at least <see cref="Threshold"/>, so verbs the treebanks never saw still get the preposition's
/// habit ("from" after an object attaches to the verb two times in three).
/// </summary>
internal sealed class PrepositionAttachment
{
    readonly Dictionary<ulong, (int Verb, int Noun)> _counts;

    PrepositionAttachment(Dictionary<ulong, (int Verb, int Noun)> counts, float threshold)
    {
        _counts = counts;
        Threshold = threshold;
    }

    /// <summary>Estimated probability of the other site at which the parser's attachment is overturned (in (0.5, 1]).</summary>
    internal float Threshold { get; }

    /// <summary>Distinct (level, lemmas) keys counted.</summary>
    internal int KeyCount => _counts.Count;

    /// <summary>One "V N1 P N2" configuration of a tree: the PP's nominal, its verb and noun candidate heads, and where it is attached.</summary>
    internal readonly record struct Site(int Nominal, int Verb, int Noun, string Preposition, bool AttachedToNoun);

    /// <summary>Counts every configuration of the gold trees of <paramref name="sentences"/>.</summary>
    public static PrepositionAttachment Train(IEnumerable<ConlluSentence> sentences, float threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0.5f);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1f);
        var counts = new Dictionary<ulong, (int Verb, int Noun)>();
        foreach (var s in sentences)
        {
            if (s.Words.Any(w => w.DepRel == "_"))
            {
                continue;
            }

            var lemmas = s.Words.Select(w => w.Lemma).ToArray();
            var upos = s.Words.Select(w => w.Upos).ToArray();
            var heads = s.Words.Select(w => w.Head).ToArray();
            var rels = s.Words.Select(w => w.DepRel).ToArray();
            foreach (var site in Sites(upos, heads, rels, lemmas))
            {
                foreach (var key in Keys(Lemmas(site, lemmas, upos)).SelectMany(level => level))
                {
                    var (v, n) = counts.GetValueOrDefault(key);
                    counts[key] = site.AttachedToNoun ? (v, n + 1) : (v + 1, n);
                }
            }
        }

        return new PrepositionAttachment(counts, threshold);
    }

    /// <summary>
    /// Backed-off probability that the PP of (<paramref name="verb"/>, <paramref name="noun"/>, <paramref name="preposition"/>,
    /// <paramref name="nominal"/>) attaches to the noun, and how many configurations the level it came from counted (0: never seen, 0.5).
    /// </summary>
    internal (double NounProbability, int Evidence) Estimate(string verb, string noun, string preposition, string nominal)
    {
        foreach (var level in Keys((verb, noun, preposition, nominal)))
        {
            int v = 0, n = 0;
            foreach (var key in level)
            {
                if (_counts.TryGetValue(key, out var c))
                {
                    v += c.Verb;
                    n += c.Noun;
                }
            }

            if (v + n > 0)
            {
                return ((double)n / (v + n), v + n);
            }
        }

        return (0.5, 0);
    }

    /// <summary>
    /// Re-attaches the PPs of one parsed sentence in place (<paramref name="heads"/>: 0-based, -1 = root). A PP moved to the
    /// noun becomes nmod, one moved to the verb obl.
    /// </summary>
    public void Apply(IReadOnlyList<string> lemmas, IReadOnlyList<string> upos, int[] heads, string[] rels)
    {
        foreach (var site in Sites(upos, heads, rels, lemmas))
        {
            var l = Lemmas(site, lemmas, upos);
            var (noun, _) = Estimate(l.Verb, l.Noun, l.Preposition, l.Nominal);
            if (site.AttachedToNoun && 1 - noun >= Threshold)
            {
                heads[site.Nominal] = site.Verb;
                rels[site.Nominal] = "obl";
            }
            else if (!site.AttachedToNoun && noun >= Threshold)
            {
                heads[site.Nominal] = site.Noun;
                rels[site.Nominal] = "nmod";
            }
        }
    }

    /// <summary>
    /// The configurations of a tree: a nominal with a preposition (case) before it, attached either as obl to a verb whose
    /// nominal object stands between the verb and the preposition, the PP starting right after the object's phrase; or as
    /// nmod to such an object, the PP ending the object's phrase. Either way the other attachment keeps the tree projective.
    /// Sites are found on the tree as given, before any is moved.
    /// </summary>
    internal static List<Site> Sites(IReadOnlyList<string> upos, IReadOnlyList<int> heads, IReadOnlyList<string> rels, IReadOnlyList<string> lemmas)
    {
        var n = heads.Count;
        var result = new List<Site>();
        int[]? left = null, right = null;
        for (var x = 0; x < n; x++)
        {
            if (!IsNominal(upos[x]) || heads[x] < 0)
            {
                continue;
            }

            var c = FirstCase(heads, rels, x);
            if (c < 0)
            {
                continue;
            }

            var h = heads[x];
            var rel = rels[x];
            if (ParsedSentenceQueries.IsRelation(rel, "obl") && upos[h] == "VERB")
            {
                // The last nominal object between the verb and the preposition.
                var obj = -1;
                for (var k = h + 1; k < c; k++)
                {
                    if (heads[k] == h && rels[k] == "obj" && upos[k] is "NOUN" or "PROPN")
                    {
                        obj = k;
                    }
                }

                (left, right) = (left ?? Edges(heads, true), right ?? Edges(heads, false));
                if (obj >= 0 && right[obj] + 1 == left[x])
                {
                    result.Add(new Site(x, h, obj, lemmas[c], AttachedToNoun: false));
                }
            }
            else if (rel == "nmod" && upos[h] is "NOUN" or "PROPN" && rels[h] == "obj" && heads[h] >= 0 && heads[h] < h && upos[heads[h]] == "VERB")
            {
                (left, right) = (left ?? Edges(heads, true), right ?? Edges(heads, false));
                if (right[h] == right[x])
                {
                    result.Add(new Site(x, heads[h], h, lemmas[c], AttachedToNoun: true));
                }
            }
        }

        return result;
    }

    static bool IsNominal(string upos) => upos is "NOUN" or "PROPN" or "PRON" or "NUM";

    /// <summary>The first case dependent before <paramref name="x"/>, or -1.</summary>
    static int FirstCase(IReadOnlyList<int> heads, IReadOnlyList<string> rels, int x)
    {
        for (var k = 0; k < x; k++)
        {
            if (heads[k] == x && rels[k] == "case")
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Leftmost (or rightmost) word of each word's subtree.</summary>
    static int[] Edges(IReadOnlyList<int> heads, bool leftmost)
    {
        var n = heads.Count;
        var edge = new int[n];
        for (var i = 0; i < n; i++)
        {
            edge[i] = i;
        }

        for (var i = 0; i < n; i++)
        {
            // Walk up from each word; the depth bound guards against cycles in malformed input.
            for (int h = heads[i], depth = 0; h >= 0 && h < n && depth < n; h = heads[h], depth++)
            {
                edge[h] = leftmost ? Math.Min(edge[h], i) : Math.Max(edge[h], i);
            }
        }

        return edge;
    }

    static (string Verb, string Noun, string Preposition, string Nominal) Lemmas(Site site, IReadOnlyList<string> lemmas, IReadOnlyList<string> upos)
    {
        string Norm(int i) => upos[i] == "NUM" ? "<num>" : lemmas[i].ToLowerInvariant();
        return (Norm(site.Verb), Norm(site.Noun), site.Preposition.ToLowerInvariant(), Norm(site.Nominal));
    }

    /// <summary>The keys of each back-off level, most specific first (every level contains the preposition).</summary>
    static ulong[][] Keys((string Verb, string Noun, string Preposition, string Nominal) q)
    {
        var (v, n1, p, n2) = q;
        return
        [
            [Key(4, v, n1, p, n2)],
            [Key(3, v, n1, p), Key(5, v, p, n2), Key(6, n1, p, n2)],
            [Key(2, v, p), Key(7, n1, p), Key(8, p, n2)],
            [Key(1, p)],
        ];
    }

    static ulong Key(int kind, params ReadOnlySpan<string> parts)
    {
        var h = FeatureHash.Mix((ulong)kind * 0x9E3779B97F4A7C15UL);
        foreach (var part in parts)
        {
            h = FeatureHash.Mix(h ^ FeatureHash.Of(part));
        }

        return h;
    }

    /// <summary>Writes the threshold and the counts (keys ascending).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Threshold);
        writer.Write(_counts.Count);
        foreach (var (key, (v, n)) in _counts.OrderBy(kv => kv.Key))
        {
            writer.Write(key);
            writer.Write(v);
            writer.Write(n);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static PrepositionAttachment Read(BinaryReader reader)
    {
        var threshold = reader.ReadSingle();
        var count = reader.ReadInt32();
        if (threshold is not (> 0.5f and <= 1f) || count < 0)
        {
            throw new InvalidDataException($"preposition attachment section is corrupt (threshold {threshold}, {count} keys)");
        }

        var counts = new Dictionary<ulong, (int Verb, int Noun)>(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            counts[key] = (reader.ReadInt32(), reader.ReadInt32());
        }

        return new PrepositionAttachment(counts, threshold);
    }
}

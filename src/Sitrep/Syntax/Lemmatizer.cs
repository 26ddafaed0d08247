namespace Sitrep.Syntax;

/// <summary>
/// Rule + exception lemmatiser. Exceptions (form, XPOS) → lemma and suffix rewrite rules per XPOS are both
/// learned from the treebanks; English irregular verb forms from <c>data/syntax/irregular-verbs.tsv</c> are
/// folded into the exceptions at training time so that verbs unseen in the treebank (slew, smote) still resolve.
/// </summary>
internal sealed class Lemmatizer
{
    const int MaxSuffix = 5;
    readonly Dictionary<string, string> _exceptions;
    readonly Dictionary<string, (int Strip, string Append)> _rules;

    Lemmatizer(Dictionary<string, string> exceptions, Dictionary<string, (int Strip, string Append)> rules)
    {
        _exceptions = exceptions;
        _rules = rules;
    }

    /// <summary>Number of exception entries.</summary>
    public int ExceptionCount => _exceptions.Count;

    /// <summary>Number of suffix rules.</summary>
    public int RuleCount => _rules.Count;

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="upos"/>/<paramref name="xpos"/>.</summary>
    /// <remarks>
    /// For a form the treebanks never showed, suffix rules are tried from the longest matching suffix down. With
    /// <paramref name="isWord"/>, the first rule whose output is a known word wins (as spaCy's rule lemmatiser checks its
    /// index of known words): "bombed" → "bomb", not "bom"; "smelled" → "smell", not "smel". When no output is a known word,
    /// the longest suffix's rule decides, as without <paramref name="isWord"/>.
    /// </remarks>
    public string Lemmatize(string form, string upos, string xpos, Func<string, bool>? isWord = null)
    {
        // A proper noun is its own lemma unless the treebanks spelt that very form's lemma otherwise ("Sept." →
        // "September", "GOODWYN" → "Goodwyn"); plural ones (NNPS) are singularised as the treebanks do ("Palestinians" →
        // "Palestinian"), keeping the form's capitals.
        var proper = upos == "PROPN";
        if (proper && !IsPluralProper(xpos))
        {
            return _exceptions.TryGetValue(ProperKey(xpos, form), out var spelt) ? spelt : form;
        }

        // Keys are "XPOS\tlower-cased form" (or suffix); built on the stack and looked up without allocating.
        var length = xpos.Length + 1 + form.Length;
        Span<char> key = length <= 128 ? stackalloc char[length] : new char[length];
        xpos.CopyTo(key);
        key[xpos.Length] = '\t';
        var lower = key[(xpos.Length + 1)..];
        form.AsSpan().ToLowerInvariant(lower);
        if (_exceptions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var lemma))
        {
            return lemma;
        }

        var rules = _rules.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> probe = stackalloc char[xpos.Length + 1 + MaxSuffix];
        key[..(xpos.Length + 1)].CopyTo(probe);
        string? longest = null;
        for (var k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
        {
            lower[(lower.Length - k)..].CopyTo(probe[(xpos.Length + 1)..]);
            if (rules.TryGetValue(probe[..(xpos.Length + 1 + k)], out var rule) && rule.Strip < lower.Length)
            {
                var candidate = string.Concat((proper ? form.AsSpan() : lower)[..(lower.Length - rule.Strip)], rule.Append);
                if (isWord is null || isWord(candidate))
                {
                    return candidate;
                }

                longest ??= candidate;
            }
        }

        return longest ?? (proper ? form : lower.ToString());
    }

    static bool IsPluralProper(string xpos) => xpos == "NNPS";

    /// <summary>
    /// Exception key of a singular proper noun: the exact form (case matters: "GOD" → "God" says nothing about "god"),
    /// marked so that it never meets the lower-cased keys of words tagged otherwise.
    /// </summary>
    static string ProperKey(string xpos, string form) => "=" + xpos + "\t" + form;

    static string ApplyRules(string lower, string xpos, Dictionary<string, (int Strip, string Append)> rules)
    {
        for (var k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
        {
            if (rules.TryGetValue(xpos + "\t" + lower[(lower.Length - k)..], out var rule) && rule.Strip < lower.Length)
            {
                return lower[..(lower.Length - rule.Strip)] + rule.Append;
            }
        }

        return lower;
    }

    static (int Strip, string Append) TransformOf(string lower, string lemma)
    {
        var l = lemma.ToLowerInvariant();
        var p = 0;
        while (p < lower.Length && p < l.Length && lower[p] == l[p])
        {
            p++;
        }

        return (lower.Length - p, l[p..]);
    }

    /// <summary>Learns exceptions and rules from <paramref name="data"/> plus irregular verb forms.</summary>
    public static Lemmatizer Train(IEnumerable<ConlluSentence> data, IEnumerable<(string Lemma, string Past, string Participle)> irregular)
    {
        var types = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in data)
        {
            foreach (var w in s.Words)
            {
                if (w.Lemma == "_")
                {
                    continue;
                }

                var key = w.Upos == "PROPN" && !IsPluralProper(w.Xpos) ? ProperKey(w.Xpos, w.Form) : w.Xpos + "\t" + w.Form.ToLowerInvariant();
                if (!types.TryGetValue(key, out var lemmas))
                {
                    lemmas = new(StringComparer.Ordinal);
                    types[key] = lemmas;
                }

                lemmas[w.Lemma] = lemmas.GetValueOrDefault(w.Lemma) + 1;
            }
        }

        var best = types.ToDictionary(kv => kv.Key, kv => kv.Value.MaxBy(x => x.Value).Key, StringComparer.Ordinal);
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, lemma) in best.Where(kv => kv.Key[0] == '=').ToList())
        {
            // Singular proper nouns: an exception only where the lemma is not the form itself; they teach no suffix rules.
            best.Remove(key);
            if (lemma != key[(key.IndexOf('\t', StringComparison.Ordinal) + 1)..])
            {
                exceptions[key] = lemma;
            }
        }

        var counts = new Dictionary<string, Dictionary<(int, string), int>>(StringComparer.Ordinal);
        foreach (var (key, lemma) in best)
        {
            var tab = key.IndexOf('\t', StringComparison.Ordinal);
            var xpos = key[..tab];
            var lower = key[(tab + 1)..];
            var t = TransformOf(lower, lemma);
            for (var k = 0; k <= Math.Min(MaxSuffix, lower.Length); k++)
            {
                var rk = xpos + "\t" + lower[(lower.Length - k)..];
                if (!counts.TryGetValue(rk, out var c))
                {
                    c = [];
                    counts[rk] = c;
                }

                c[t] = c.GetValueOrDefault(t) + 1;
            }
        }

        var all = new Dictionary<string, (int Strip, string Append)>(StringComparer.Ordinal);
        foreach (var (rk, c) in counts)
        {
            if (c.Values.Sum() >= 2)
            {
                all[rk] = c.MaxBy(x => x.Value).Key;
            }
        }

        // Prune rules that repeat what their one-shorter suffix already says.
        var rules = new Dictionary<string, (int Strip, string Append)>(StringComparer.Ordinal);
        foreach (var (rk, t) in all)
        {
            var tab = rk.IndexOf('\t', StringComparison.Ordinal);
            var parent = Parent(rk, tab, all);
            if (parent is null || parent.Value != t)
            {
                rules[rk] = t;
            }
        }

        foreach (var (key, lemma) in best)
        {
            var tab = key.IndexOf('\t', StringComparison.Ordinal);
            // Plural proper nouns keep the form's capitals at run time, so only a different spelling makes an exception.
            var comparison = IsPluralProper(key[..tab]) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (!string.Equals(ApplyRules(key[(tab + 1)..], key[..tab], rules), lemma, comparison))
            {
                exceptions[key] = lemma;
            }
        }

        foreach (var (lemma, past, participle) in irregular)
        {
            foreach (var (form, tag) in new[] { (past, "VBD"), (participle, "VBN") })
            {
                // The verb list outranks the treebanks, whose lemmas carry a few annotation slips ("fled" → "flead").
                foreach (var f in form.Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    var key = tag + "\t" + f;
                    if (ApplyRules(f, tag, rules) != lemma)
                    {
                        exceptions[key] = lemma;
                    }
                    else
                    {
                        exceptions.Remove(key);
                    }
                }
            }
        }

        return new Lemmatizer(exceptions, rules);
    }

    static (int Strip, string Append)? Parent(string rk, int tab, Dictionary<string, (int Strip, string Append)> all)
    {
        for (var cut = tab + 2; cut <= rk.Length; cut++)
        {
            if (all.TryGetValue(rk[..tab] + "\t" + rk[cut..], out var t))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>Reads <c>lemma TAB past TAB participle</c> lines (alternatives separated by '/', '#' comments).</summary>
    public static List<(string Lemma, string Past, string Participle)> ReadIrregular(string path)
    {
        var result = new List<(string, string, string)>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length >= 3)
            {
                result.Add((cols[0], cols[1], cols[2]));
            }
        }

        return result;
    }

    /// <summary>Writes exceptions and rules.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(_exceptions.Count);
        foreach (var (k, v) in _exceptions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(k);
            writer.Write(v);
        }

        writer.Write(_rules.Count);
        foreach (var (k, v) in _rules.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(k);
            writer.Write((byte)v.Strip);
            writer.Write(v.Append);
        }
    }

    /// <summary>Reads a lemmatiser written by <see cref="Write"/>.</summary>
    public static Lemmatizer Read(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        var exceptions = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var k = reader.ReadString();
            exceptions[k] = reader.ReadString();
        }

        n = reader.ReadInt32();
        var rules = new Dictionary<string, (int, string)>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var k = reader.ReadString();
            var strip = reader.ReadByte();
            rules[k] = (strip, reader.ReadString());
        }

        return new Lemmatizer(exceptions, rules);
    }
}

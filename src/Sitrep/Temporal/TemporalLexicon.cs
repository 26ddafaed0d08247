using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Temporal;

/// <summary>One compiled pattern of data/temporal/patterns.tsv.</summary>
/// <param name="Name">The pattern's name.</param>
/// <param name="Rule">The resolver it feeds.</param>
/// <param name="Regex">The compiled regular expression (non-backtracking, case-insensitive).</param>
public sealed record TemporalPattern(string Name, string Rule, Regex Regex);

/// <summary>
/// The temporal tagger's data, loaded once: vocabulary (data/temporal/vocabulary.tsv), patterns
/// (data/temporal/patterns.tsv), future cues (data/temporal/future-cues.txt) and ordinal nouns (data/temporal/ordinal-nouns.txt).
/// </summary>
public sealed class TemporalLexicon
{
    static readonly string[] Rules =
    [
        "date", "month", "year", "dayrange", "relday", "weekday", "relperiod", "weekend", "recent", "ago", "later",
        "dayofmonth", "decade", "quarter", "season", "numdate", "yearrange", "offset",
    ];

    TemporalLexicon(FrozenDictionary<string, FrozenDictionary<string, string>> vocabulary, ImmutableArray<TemporalPattern> patterns, Regex futureCue, FrozenSet<string> ordinalNouns)
    {
        OrdinalNouns = ordinalNouns;
        Vocabulary = vocabulary;
        Patterns = patterns;
        FutureCue = futureCue;
    }

    /// <summary>Vocabulary class → normalised form (lower case, single spaces) → value.</summary>
    public FrozenDictionary<string, FrozenDictionary<string, string>> Vocabulary { get; }

    /// <summary>The patterns, in file order (earlier wins ties).</summary>
    public ImmutableArray<TemporalPattern> Patterns { get; }

    /// <summary>Nouns after which an ordinal is not a day of the month (data/temporal/ordinal-nouns.txt).</summary>
    public FrozenSet<string> OrdinalNouns { get; }

    /// <summary>Matches a future cue at the end of the text before an expression.</summary>
    internal Regex FutureCue { get; }

    /// <summary>The lexicon shipped in <c>AppContext.BaseDirectory/data/temporal</c>.</summary>
    public static TemporalLexicon Load() => Load(Path.Combine(AppContext.BaseDirectory, "data", "temporal"));

    /// <summary>Loads the lexicon from <paramref name="directory"/>.</summary>
    public static TemporalLexicon Load(string directory)
    {
        var classes = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var line in DataLines(Path.Combine(directory, "vocabulary.tsv")))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                throw new InvalidDataException($"vocabulary.tsv: expected CLASS<TAB>FORM<TAB>VALUE: '{line}'");
            }

            if (!classes.TryGetValue(parts[0], out var forms))
            {
                classes[parts[0]] = forms = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            forms[Normalize(parts[1])] = parts[2].Trim();
        }

        var macros = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["day"] = "(?:[12][0-9]|3[01]|0?[1-9])",
            ["ord"] = "(?:st|nd|rd|th)",
            ["year"] = "(?:1[89][0-9]{2}|20[0-9]{2})",
            ["int"] = "(?:[0-9]{1,3})",
        };
        foreach (var (cls, forms) in classes)
        {
            var alternatives = forms.Keys
                .OrderByDescending(f => f.Length)
                .ThenBy(f => f, StringComparer.Ordinal)
                .Select(f => string.Join(@"[\s-]+", f.Split(' ').Select(Regex.Escape)));
            macros[cls] = "(?:" + string.Join("|", alternatives) + ")";
        }

        var patterns = ImmutableArray.CreateBuilder<TemporalPattern>();
        foreach (var line in DataLines(Path.Combine(directory, "patterns.tsv")))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                throw new InvalidDataException($"patterns.tsv: expected NAME<TAB>RULE<TAB>REGEX: '{line}'");
            }

            if (!Rules.Contains(parts[1], StringComparer.Ordinal))
            {
                throw new InvalidDataException($"patterns.tsv: unknown rule '{parts[1]}' in pattern '{parts[0]}'");
            }

            var regex = new Regex(Expand(parts[2], macros, parts[0]), Options);
            patterns.Add(new TemporalPattern(parts[0], parts[1], regex));
        }

        var cues = DataLines(Path.Combine(directory, "future-cues.txt"))
            .Select(c => string.Join(@"\s+", Normalize(c).Split(' ').Select(Regex.Escape)));
        var futureCue = new Regex(@"(?:^|[^\p{L}'’])(?:" + string.Join("|", cues) + @")(?:[^\p{L}]|$)", Options);

        return new TemporalLexicon(
            classes.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal),
            patterns.ToImmutable(),
            futureCue,
            DataLines(Path.Combine(directory, "ordinal-nouns.txt")).Select(l => l.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal));
    }

    internal const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.ExplicitCapture;

    /// <summary>The value of <paramref name="form"/> in vocabulary class <paramref name="cls"/>, or null.</summary>
    public string? Lookup(string cls, ReadOnlySpan<char> form)
    {
        ArgumentNullException.ThrowIfNull(cls);
        return Vocabulary.TryGetValue(cls, out var forms) && forms.TryGetValue(Normalize(form.ToString()), out var v) ? v : null;
    }

    /// <summary>Lower case, hyphens and runs of white space as one space, trailing period removed.</summary>
    internal static string Normalize(string form)
    {
        var sb = new StringBuilder(form.Length);
        var space = false;
        foreach (var c in form.Trim().TrimEnd('.'))
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    static string Expand(string pattern, Dictionary<string, string> macros, string name)
    {
        var sb = new StringBuilder(pattern.Length * 4);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '{' && (i == 0 || pattern[i - 1] != '\\'))
            {
                var close = pattern.IndexOf('}', i);
                var key = close > i ? pattern[(i + 1)..close] : string.Empty;
                if (macros.TryGetValue(key, out var body))
                {
                    sb.Append(body);
                    i = close;
                    continue;
                }

                if (key.Length > 0 && char.IsLetter(key[0]))
                {
                    throw new InvalidDataException($"patterns.tsv: unknown macro {{{key}}} in pattern '{name}'");
                }
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    static IEnumerable<string> DataLines(string path) =>
        File.ReadLines(path)
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Trim().Length > 0 && l.TrimStart()[0] != '#');
}

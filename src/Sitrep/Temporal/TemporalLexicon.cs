using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Temporal;

/// <summary>One compiled pattern of data/temporal/patterns.tsv.</summary>
/// <param name="Name">The pattern's name.</param>
/// <param name="Rule">The resolver it feeds.</param>
/// <param name="Regex">The compiled regular expression (non-backtracking, case-insensitive).</param>
/// <param name="Needs">Word classes (<see cref="TemporalLexicon.ClassBits"/>) a sentence must contain for the pattern to run; 0 = always run.</param>
/// <param name="NeedsAll">True: all of <paramref name="Needs"/> (the NEEDS column); false: any of them (derived from the regex).</param>
public sealed record TemporalPattern(string Name, string Rule, Regex Regex, int Needs = 0, bool NeedsAll = false)
{
    /// <summary>True when a sentence with the classes <paramref name="present"/> may match.</summary>
    public bool MayMatch(int present) => Needs == 0 || (NeedsAll ? (Needs & present) == Needs : (Needs & present) != 0);
}

/// <summary>
/// The temporal tagger's data, loaded once: vocabulary (data/temporal/vocabulary.tsv), patterns
/// (data/temporal/patterns.tsv), future cues (data/temporal/future-cues.txt) and ordinal nouns (data/temporal/ordinal-nouns.txt).
/// </summary>
public sealed class TemporalLexicon
{
    static readonly string[] Rules =
    [
        "date", "month", "year", "dayrange", "relday", "weekday", "relperiod", "weekend", "recent", "ago", "later",
        "dayofmonth", "decade", "quarter", "season", "numdate", "yearrange", "offset", "nthweekday", "weekof", "holiday",
    ];

    TemporalLexicon(FrozenDictionary<string, FrozenDictionary<string, string>> vocabulary, ImmutableArray<TemporalPattern> patterns, Regex futureCue, FrozenSet<string> ordinalNouns)
    {
        OrdinalNouns = ordinalNouns;
        var triggers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var cls in (ReadOnlySpan<string>)["month", "weekday", "relday", "season", "unit", "dayword", "trigger", "holiday"])
        {
            if (vocabulary.TryGetValue(cls, out var forms))
            {
                foreach (var f in forms.Keys)
                {
                    var last = f[(f.LastIndexOf(' ') + 1)..];
                    triggers[last] = triggers.GetValueOrDefault(last) | ClassBits[cls];
                }
            }
        }

        Triggers = triggers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        TriggerLookup = Triggers.GetAlternateLookup<ReadOnlySpan<char>>();
        Vocabulary = vocabulary;
        Holidays = vocabulary.TryGetValue("holiday", out var holidays)
            ? holidays.ToFrozenDictionary(kv => kv.Key, kv => HolidayRule.Parse(kv.Value), StringComparer.Ordinal)
            : FrozenDictionary<string, HolidayRule>.Empty;
        Patterns = patterns;
        FutureCue = futureCue;
    }

    /// <summary>Vocabulary class → normalised form (lower case, single spaces) → value.</summary>
    public FrozenDictionary<string, FrozenDictionary<string, string>> Vocabulary { get; }

    /// <summary>Named holidays (class <c>holiday</c>): normalised form → when it falls.</summary>
    public FrozenDictionary<string, HolidayRule> Holidays { get; }

    /// <summary>The patterns, in file order (earlier wins ties).</summary>
    public ImmutableArray<TemporalPattern> Patterns { get; }

    /// <summary>
    /// Pre-filter words and their class bits (<see cref="ClassBits"/>): the last word of each form of the classes
    /// month, weekday, relday, season, unit, dayword and trigger. A pattern runs on a sentence only when the
    /// sentence has a word (or a digit) of a class the pattern mentions.
    /// </summary>
    public FrozenDictionary<string, int> Triggers { get; }

    internal FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> TriggerLookup { get; }

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
            // Forms are stored without apostrophes ("father's day" → "fathers day"); in text a holiday's words may
            // carry one, straight or curly, anywhere inside or at the end ("Father’s Day", "Presidents' Day", "Int'l").
            var alternatives = forms.Keys
                .OrderByDescending(f => f.Length)
                .ThenBy(f => f, StringComparer.Ordinal)
                .Select(f => string.Join(@"[\s-]+", f.Split(' ').Select(w => cls == "holiday"
                    ? string.Join("['’]?", w.Select(ch => Regex.Escape(ch.ToString()))) + "['’]?" : Regex.Escape(w))));
            macros[cls] = "(?:" + string.Join("|", alternatives) + ")";
        }

        var patterns = ImmutableArray.CreateBuilder<TemporalPattern>();
        foreach (var line in DataLines(Path.Combine(directory, "patterns.tsv")))
        {
            var parts = line.Split('\t');
            if (parts.Length is not (3 or 4))
            {
                throw new InvalidDataException($"patterns.tsv: expected NAME<TAB>RULE<TAB>REGEX[<TAB>NEEDS]: '{line}'");
            }

            if (!Rules.Contains(parts[1], StringComparer.Ordinal))
            {
                throw new InvalidDataException($"patterns.tsv: unknown rule '{parts[1]}' in pattern '{parts[0]}'");
            }

            var regex = new Regex(Expand(parts[2], macros, parts[0]), Options);
            var (needs, all) = parts.Length == 4 ? (ParseNeeds(parts[3], parts[0]), true) : (NeedsOf(parts[2]), false);
            patterns.Add(new TemporalPattern(parts[0], parts[1], regex, needs, all));
        }

        var cues = DataLines(Path.Combine(directory, "future-cues.txt"))
            .Select(c => string.Join(@"\s+", Normalize(c, keepApostrophes: true).Split(' ').Select(Regex.Escape)));
        var futureCue = new Regex(@"(?:^|[^\p{L}'’])(?:" + string.Join("|", cues) + @")(?:[^\p{L}]|$)", Options);

        return new TemporalLexicon(
            classes.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal),
            patterns.ToImmutable(),
            futureCue,
            DataLines(Path.Combine(directory, "ordinal-nouns.txt")).Select(l => l.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal));
    }

    internal const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.ExplicitCapture;


    /// <summary>Bit of each word class in the pre-filter masks; <c>digit</c> stands for any ASCII digit.</summary>
    public static readonly IReadOnlyDictionary<string, int> ClassBits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["digit"] = 1, ["month"] = 2, ["weekday"] = 4, ["relday"] = 8, ["season"] = 16, ["unit"] = 32, ["dayword"] = 64, ["trigger"] = 128,
        ["holiday"] = 256,
    };

    static int ParseNeeds(string needs, string name)
    {
        var bits = 0;
        foreach (var cls in needs.Split('&', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            bits |= ClassBits.TryGetValue(cls, out var b) ? b : throw new InvalidDataException($"patterns.tsv: unknown class '{cls}' in NEEDS of '{name}'");
        }

        return bits;
    }

    /// <summary>The classes a pattern's text mentions (a sound over-approximation of what a match needs).</summary>
    static int NeedsOf(string pattern)
    {
        var needs = 0;
        foreach (var (cls, bit) in ClassBits)
        {
            if (pattern.Contains("{" + cls + "}", StringComparison.Ordinal))
            {
                needs |= bit;
            }
        }

        foreach (var digit in (ReadOnlySpan<string>)["{day}", "{year}", "{int}", "[0-9]", "[0-3]", "[1-", @"\d", "{number}"])
        {
            if (pattern.Contains(digit, StringComparison.Ordinal))
            {
                needs |= ClassBits["digit"];
            }
        }

        foreach (var unit in (ReadOnlySpan<string>)["day", "week", "month", "year", "decade", "{number}"])
        {
            if (pattern.Contains(unit, StringComparison.OrdinalIgnoreCase))
            {
                needs |= ClassBits["unit"];
            }
        }

        if (pattern.Contains("weekend", StringComparison.OrdinalIgnoreCase))
        {
            needs |= ClassBits["trigger"];
        }

        // {number} and {dayword} include words ("a", "few", "first") that are no trigger: they go with a unit or a digit.
        return needs;
    }

    /// <summary>The value of <paramref name="form"/> in vocabulary class <paramref name="cls"/>, or null.</summary>
    public string? Lookup(string cls, ReadOnlySpan<char> form)
    {
        ArgumentNullException.ThrowIfNull(cls);
        return Vocabulary.TryGetValue(cls, out var forms) && forms.TryGetValue(Normalize(form.ToString()), out var v) ? v : null;
    }

    /// <summary>True when <paramref name="word"/> is a month or weekday abbreviation ("Sept", "Jun", "Thu"): a strict prefix of another form of its class.</summary>
    public bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        var w = Normalize(word.ToString());
        foreach (var cls in (ReadOnlySpan<string>)["month", "weekday"])
        {
            if (Vocabulary.TryGetValue(cls, out var forms) && forms.ContainsKey(w))
            {
                foreach (var f in forms.Keys)
                {
                    if (f.Length > w.Length && f.StartsWith(w, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Lower case, hyphens and runs of white space as one space, trailing period removed, apostrophes dropped unless kept.</summary>
    internal static string Normalize(string form, bool keepApostrophes = false)
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

            if (c is '\'' or '’' && !keepApostrophes)
            {
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

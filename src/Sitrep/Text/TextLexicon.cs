using System.Collections.Frozen;
using System.Globalization;

namespace Sitrep.Text;

/// <summary>What a listed abbreviation's period may do at the end of a sentence (see data/text/abbreviations.tsv).</summary>
public enum AbbreviationKind
{
    /// <summary>Ends a sentence only before a common sentence starter.</summary>
    General,
    /// <summary>Never ends a sentence (a name follows): Mr., Gen.</summary>
    Title,
    /// <summary>Does not end a sentence before a digit: No. 5.</summary>
    Number,
    /// <summary>Does not end a sentence before a digit or a lower-case word: Jan. 5.</summary>
    Month,
}

/// <summary>
/// Word lists the sentence splitter and tokenizer use, loaded once from <c>data/text/</c>: abbreviations,
/// sentence starters, hyphen prefixes that do not split, and whole-word splits ("cannot" → can not).
/// </summary>
public sealed class TextLexicon
{
    /// <summary>Creates a lexicon from its lists.</summary>
    public TextLexicon(
        IReadOnlyDictionary<string, AbbreviationKind> abbreviations,
        IEnumerable<string> sentenceStarters,
        IEnumerable<string> hyphenPrefixes,
        IReadOnlyDictionary<string, string[]> wordSplits)
    {
        ArgumentNullException.ThrowIfNull(abbreviations);
        Abbreviations = abbreviations.ToFrozenDictionary(StringComparer.Ordinal);
        SentenceStarters = sentenceStarters.ToFrozenSet(StringComparer.Ordinal);
        HyphenPrefixes = hyphenPrefixes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        WordSplits = wordSplits.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        StarterLookup = SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();
        PrefixLookup = HyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        SplitLookup = WordSplits.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Abbreviations (without their final period) and their kind.</summary>
    public FrozenDictionary<string, AbbreviationKind> Abbreviations { get; }

    /// <summary>Words that commonly start a sentence.</summary>
    public FrozenSet<string> SentenceStarters { get; }

    /// <summary>Prefixes after which a hyphen stays inside the word ("non-state").</summary>
    public FrozenSet<string> HyphenPrefixes { get; }

    /// <summary>Whole tokens that UD splits into several words, with their word lengths' forms.</summary>
    public FrozenDictionary<string, string[]> WordSplits { get; }

    internal FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrefixLookup { get; }

    internal FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> SplitLookup { get; }

    /// <summary>The lexicon shipped in <c>AppContext.BaseDirectory/data/text</c>.</summary>
    public static TextLexicon Load() => Load(Path.Combine(AppContext.BaseDirectory, "data", "text"));

    /// <summary>Loads the lexicon from <paramref name="directory"/> (abbreviations.tsv, sentence-starters.txt, hyphen-prefixes.txt, clitics.tsv).</summary>
    public static TextLexicon Load(string directory)
    {
        var abbreviations = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        foreach (var line in DataLines(Path.Combine(directory, "abbreviations.tsv")))
        {
            var parts = line.Split('\t', StringSplitOptions.TrimEntries);
            var kind = parts.Length > 1 ? ParseKind(parts[1], line) : AbbreviationKind.General;
            abbreviations[parts[0].TrimEnd('.')] = kind;
        }

        var splits = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in DataLines(Path.Combine(directory, "clitics.tsv")))
        {
            var parts = line.Split('\t', StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new InvalidDataException($"clitics.tsv: expected SURFACE<TAB>WORDS: '{line}'");
            }

            var words = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!string.Equals(string.Concat(words), parts[0], StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"clitics.tsv: words must spell the surface form: '{line}'");
            }

            splits[parts[0]] = words;
        }

        return new TextLexicon(
            abbreviations,
            DataLines(Path.Combine(directory, "sentence-starters.txt")),
            DataLines(Path.Combine(directory, "hyphen-prefixes.txt")),
            splits);
    }

    static AbbreviationKind ParseKind(string kind, string line) => kind.ToUpperInvariant() switch
    {
        "TITLE" => AbbreviationKind.Title,
        "NUMBER" => AbbreviationKind.Number,
        "MONTH" => AbbreviationKind.Month,
        "GENERAL" => AbbreviationKind.General,
        _ => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"abbreviations.tsv: unknown kind in '{line}'")),
    };

    static IEnumerable<string> DataLines(string path) =>
        File.ReadLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] != '#');
}

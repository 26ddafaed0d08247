using System.Collections.Immutable;

namespace Sitrep.Events;

/// <summary>The trigger lexicon of data/events/triggers.tsv, inflected and indexed once at startup.</summary>
public sealed class TriggerLexicon
{
    readonly PhraseIndex<(TriggerEntry Entry, string Form)> _index;

    TriggerLexicon(PhraseIndex<(TriggerEntry, string)> index, ImmutableArray<TriggerEntry> entries)
    {
        _index = index;
        Entries = entries;
    }

    /// <summary>Every entry.</summary>
    public ImmutableArray<TriggerEntry> Entries { get; }

    /// <summary>Loads the lexicon shipped in <c>data/events</c> beside the binaries.</summary>
    public static TriggerLexicon LoadDefault() => Load(Path.Combine(TsvFile.DataDir("events"), "triggers.tsv"));

    /// <summary>Loads a lexicon file.</summary>
    public static TriggerLexicon Load(string path)
    {
        var index = new PhraseIndex<(TriggerEntry, string)>();
        var entries = ImmutableArray.CreateBuilder<TriggerEntry>();
        foreach (var (line, cell) in TsvFile.Read(path))
        {
            var lemma = cell("lemma");
            var pos = cell("pos");
            if (pos is not ("V" or "N"))
            {
                throw new DataFileException(path, line, $"pos must be V or N, not '{pos}'");
            }

            if (!Enum.TryParse<TriggerClass>(cell("class"), out var cls))
            {
                throw new DataFileException(path, line, $"unknown class '{cell("class")}'");
            }

            AcledSubEventType? acled = null;
            if (cell("acled") != "-")
            {
                acled = AcledTaxonomy.ParseSubType(cell("acled")) ?? throw new DataFileException(path, line, $"unknown ACLED sub-event type '{cell("acled")}'");
            }

            var mode = cell("mode");
            var entry = new TriggerEntry(lemma, pos == "V", cls, acled, new PloverCode(cell("plover"), mode is "-" or "" ? null : mode), cell("cameo"));
            entries.Add(entry);
            var forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { lemma };
            foreach (var f in Inflect(lemma, pos == "V"))
            {
                forms.Add(f);
            }

            foreach (var f in TsvFile.Multi(cell("forms")))
            {
                forms.Add(f);
            }

            foreach (var f in forms)
            {
                index.Add(f, (entry, f));
            }
        }

        return new TriggerLexicon(index, entries.ToImmutable());
    }

    /// <summary>Regular inflections of the first word of <paramref name="lemma"/>.</summary>
    internal static IEnumerable<string> Inflect(string lemma, bool verb)
    {
        var space = lemma.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? lemma : lemma[..space];
        var rest = space < 0 ? "" : lemma[space..];
        var outs = new List<string>();
        var sibilant = head.EndsWith('s') || head.EndsWith('x') || head.EndsWith('z') || head.EndsWith("sh", StringComparison.Ordinal) || head.EndsWith("ch", StringComparison.Ordinal);
        var consY = head.Length > 1 && head[^1] == 'y' && "aeiou".IndexOf(head[^2]) < 0;
        outs.Add(consY ? head[..^1] + "ies" : sibilant ? head + "es" : head + "s");
        if (verb)
        {
            outs.Add(consY ? head[..^1] + "ied" : head.EndsWith('e') ? head + "d" : head + "ed");
            outs.Add(head.EndsWith('e') && !head.EndsWith("ee", StringComparison.Ordinal) ? head[..^1] + "ing" : head + "ing");
        }

        return outs.Select(o => o + rest);
    }

    internal (IReadOnlyList<(TriggerEntry Entry, string Form)> Values, int Length) Match(IReadOnlyList<MatchUnit> units, int start) => _index.Longest(units, start);
}

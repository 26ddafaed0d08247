using System.Collections.Frozen;

namespace Sitrep.Geo;

/// <summary>Cue-word lexicon of the geoparser, loaded from data/geo/cues.tsv (category TAB word).</summary>
internal sealed class GeoCues
{
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lower;

    public const int Stop = 1, Title = 2, TitleNext = 4, Org = 8, Verb = 16, Aux = 32, Direction = 64, Near = 128, Rural = 256, TitleLower = 512, Name = 1024, Facility = 2048, Site = 4096, Given = 8192;

    private readonly FrozenDictionary<string, PlaceKind>.AlternateLookup<ReadOnlySpan<char>> _kinds;

    private GeoCues(Dictionary<string, int> exact, Dictionary<string, int> lower, Dictionary<string, PlaceKind> kinds)
    {
        _lookup = exact.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _lower = lower.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _kinds = kinds.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Flags of a word as written (stop/title/titlenext/org).</summary>
    public int Exact(ReadOnlySpan<char> w) => _lookup.TryGetValue(w, out var f) ? f : 0;

    /// <summary>True for a title before a person's name, in any case ("President", "president", "Gen").</summary>
    public bool IsTitle(ReadOnlySpan<char> w) => (Exact(w) & Title) != 0 || (w.Length > 1 && char.IsLower(w[0]) && (Lower(w) & TitleLower) != 0);

    /// <summary>Flags of a word in any case (verb/aux/direction/near/rural).</summary>
    public int Lower(ReadOnlySpan<char> w) => _lower.TryGetValue(w, out var f) ? f : 0;

    /// <summary>The feature kind a word asks for ("province" → Admin1), if any.</summary>
    public PlaceKind? Kind(ReadOnlySpan<char> w) => _kinds.TryGetValue(w, out var k) ? k : null;

    public static GeoCues Load(string path)
    {
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var lower = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var kinds = new Dictionary<string, PlaceKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in File.ReadLines(path))
        {
            if (raw.Length == 0 || raw[0] == '#' || raw.StartsWith("category\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = raw.Split('\t');
            if (f.Length < 2)
            {
                continue;
            }

            var (cat, w) = (f[0], f[1].Trim());
            if (cat.StartsWith("kind:", StringComparison.Ordinal))
            {
                if (Enum.TryParse<PlaceKind>(cat[5..], out var k))
                {
                    kinds[w] = k;
                }

                continue;
            }

            var flag = cat switch
            {
                "stop" => Stop,
                "title" => Title,
                "titlenext" => TitleNext,
                "org" => Org,
                "name" => Stop | Name,
                "verb" => Verb,
                "aux" => Aux,
                "direction" => Direction,
                "near" => Near,
                "rural" => Rural,
                "facility" => Facility,
                "site" => Site,
                "given" => Given,
                _ => 0,
            };
            if (flag is Stop or Title or TitleNext or Org or Facility or Site or Given or (Stop | Name))
            {
                exact[w] = exact.GetValueOrDefault(w) | flag;
                if (flag == Title && w.Length > 3)
                {
                    lower[w] = lower.GetValueOrDefault(w) | TitleLower;
                }
            }
            else
            {
                lower[w] = lower.GetValueOrDefault(w) | flag;
            }
        }

        return new GeoCues(exact, lower, kinds);
    }
}

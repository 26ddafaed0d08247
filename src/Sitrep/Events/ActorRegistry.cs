using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Events;

/// <summary>How an alias names its actor.</summary>
internal enum AliasUse
{
    /// <summary>A name of the actor.</summary>
    Name,
    /// <summary>A bare country name ("Turkey"): the state, never when it is a place.</summary>
    Country,
    /// <summary>A seat of power used as metonym ("Ankara", "the Kremlin").</summary>
    Seat,
    /// <summary>An anaphor resolved to an earlier actor ("the group", "they").</summary>
    Anaphor,
}

/// <summary>One alias hit: what it names and how.</summary>
internal sealed record ActorAlias(ActorDefinition? Actor, AliasUse Use, string? Accepts = null, string? Fallback = null);

/// <summary>
/// The actor registry: states (generated actors per state), named and generic actors, sources and anaphors,
/// loaded once from data/actors/*.tsv, immutable afterwards.
/// </summary>
public sealed class ActorRegistry
{
    readonly PhraseIndex<ActorAlias> _index;
    readonly FrozenDictionary<string, ActorDefinition> _byId;
    readonly FrozenDictionary<string, StateInfo> _states;
    readonly FrozenDictionary<string, StateInfo> _byDemonym;

    ActorRegistry(PhraseIndex<ActorAlias> index, Dictionary<string, ActorDefinition> byId, Dictionary<string, StateInfo> states,
        Dictionary<string, StateInfo> byDemonym)
    {
        _index = index;
        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
        _states = states.ToFrozenDictionary(StringComparer.Ordinal);
        _byDemonym = byDemonym.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All actors.</summary>
    public IEnumerable<ActorDefinition> Actors => _byId.Values;

    /// <summary>All states.</summary>
    public IEnumerable<StateInfo> States => _states.Values;

    /// <summary>Loads the registry shipped in <c>data/actors</c> beside the binaries.</summary>
    public static ActorRegistry LoadDefault() => Load(TsvFile.DataDir("actors"));

    /// <summary>Loads states.tsv, actors.tsv and anaphors.tsv from <paramref name="dir"/>.</summary>
    public static ActorRegistry Load(string dir)
    {
        var states = new Dictionary<string, StateInfo>(StringComparer.Ordinal);
        var byDemonym = new Dictionary<string, StateInfo>(StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<string, ActorDefinition>(StringComparer.Ordinal);
        var index = new PhraseIndex<ActorAlias>();

        var statesPath = Path.Combine(dir, "states.tsv");
        foreach (var (line, cell) in TsvFile.Read(statesPath))
        {
            var iso = cell("iso2");
            if (iso.Length != 2)
            {
                throw new DataFileException(statesPath, line, $"bad iso2 '{iso}'");
            }

            var s = new StateInfo(iso, cell("name"), [.. TsvFile.Multi(cell("aliases"))], [.. TsvFile.Multi(cell("demonyms"))],
                [.. TsvFile.Multi(cell("seats"))], cell("qid") is { Length: > 0 } q ? q : null,
                int.TryParse(cell("iso_num"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var num) ? num : null,
                cell("region") is { Length: > 0 } r ? r : null);
            states[iso] = s;
            foreach (var d in s.Demonyms)
            {
                byDemonym.TryAdd(d, s);
            }

            Generate(s, byId, index);
        }

        var actorsPath = Path.Combine(dir, "actors.tsv");
        foreach (var (line, cell) in TsvFile.Read(actorsPath))
        {
            var id = cell("id");
            var aliases = TsvFile.Multi(cell("aliases"));
            if (byId.TryGetValue(id, out var existing))
            {
                // A row for a generated actor adds aliases to it.
                var merged = existing with { Aliases = existing.Aliases.AddRange(aliases) };
                byId[id] = merged;
                foreach (var a in aliases)
                {
                    index.Add(a, new ActorAlias(merged, AliasUse.Name));
                }

                continue;
            }

            if (!Enum.TryParse<ActorKind>(cell("kind"), out var kind))
            {
                throw new DataFileException(actorsPath, line, $"unknown kind '{cell("kind")}'");
            }

            var def = new ActorDefinition(id, cell("name"), kind,
                int.Parse(cell("inter"), CultureInfo.InvariantCulture),
                cell("country") is { Length: 2 } c ? c : null,
                ParseDate(cell("from"), actorsPath, line), ParseDate(cell("to"), actorsPath, line),
                cell("successor") is { Length: > 0 } succ ? succ : null,
                [.. TsvFile.Multi(cell("affiliations"))], [.. TsvFile.Multi(cell("tags"))], [.. aliases]);
            byId[id] = def;
            index.Add(def.Name, new ActorAlias(def, AliasUse.Name));
            foreach (var a in aliases)
            {
                index.Add(a, new ActorAlias(def, AliasUse.Name));
            }
        }

        // Index entries still point at the pre-merge records of generated actors; they share the id, which is what
        // resolution uses, so looking up by id below gives the merged record.
        var anaphorsPath = Path.Combine(dir, "anaphors.tsv");
        foreach (var (line, cell) in TsvFile.Read(anaphorsPath))
        {
            var accepts = cell("accepts");
            if (accepts is not ("jihadist" or "nonstate" or "armed" or "state"))
            {
                throw new DataFileException(anaphorsPath, line, $"unknown accepts '{accepts}'");
            }

            var fb = cell("fallback");
            if (fb.Length > 0 && !byId.ContainsKey(fb))
            {
                throw new DataFileException(anaphorsPath, line, $"unknown fallback actor '{fb}'");
            }

            index.Add(cell("phrase"), new ActorAlias(null, AliasUse.Anaphor, accepts, fb.Length > 0 ? fb : null));
        }

        foreach (var def in byId.Values)
        {
            if (def.Successor is { } su && !byId.ContainsKey(su))
            {
                throw new DataFileException(actorsPath, 0, $"{def.Id}: unknown successor '{su}'");
            }
        }

        return new ActorRegistry(index, byId, states, byDemonym);
    }

    static DateOnly? ParseDate(string s, string path, int line)
    {
        if (s.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new DataFileException(path, line, $"bad date '{s}'");
    }

    static readonly string[] MilitaryNouns =
    [
        "forces", "troops", "army", "military", "soldiers", "army forces", "armed forces", "government forces", "regime forces",
        "pro-government forces", "jets", "warplanes", "aircraft", "air force", "fighter jets", "helicopters", "navy", "artillery",
        "tanks", "special forces", "security forces", "government troops", "military forces", "drones", "army units", "units",
        "soldier", "forces loyal to the government", "air forces", "aerospace forces", "aerospace force", "aerospace defense forces",
        "aerospace defence forces",
    ];

    static readonly string[] AirNouns =
        ["jets", "warplanes", "aircraft", "air force", "fighter jets", "helicopters", "drones", "air forces", "aerospace forces", "aerospace force",
            "aerospace defense forces", "aerospace defence forces"];

    static void Generate(StateInfo s, Dictionary<string, ActorDefinition> byId, PhraseIndex<ActorAlias> index)
    {
        var milName = "Military Forces of " + s.NameInActorNames;
        var mil = new ActorDefinition("mil:" + s.Iso2, milName, ActorKind.StateForces, 1, s.Iso2, null, null, null, [], [], []);
        var air = mil with { Tags = ["air"] };
        var police = new ActorDefinition("police:" + s.Iso2, "Police Forces of " + s.NameInActorNames, ActorKind.StateForces, 1, s.Iso2,
            null, null, null, [], [], []);
        var gov = new ActorDefinition("gov:" + s.Iso2, "Government of " + s.NameInActorNames, ActorKind.Government, 1, s.Iso2,
            null, null, null, [], [], []);
        byId[mil.Id] = mil;
        byId[police.Id] = police;
        byId[gov.Id] = gov;
        index.Add(milName, new ActorAlias(mil, AliasUse.Name));
        var names = new List<string> { s.Name };
        names.AddRange(s.Aliases);
        foreach (var d in s.Demonyms)
        {
            foreach (var n in MilitaryNouns)
            {
                index.Add($"{d} {n}", new ActorAlias(AirNouns.Contains(n) ? air : mil, AliasUse.Name));
            }

            index.Add($"{d} police", new ActorAlias(police, AliasUse.Name));
            index.Add($"{d} police forces", new ActorAlias(police, AliasUse.Name));
            index.Add($"{d} government", new ActorAlias(gov, AliasUse.Name));
            index.Add($"{d} authorities", new ActorAlias(gov, AliasUse.Name));
            index.Add($"{d} officials", new ActorAlias(gov, AliasUse.Name));
            index.Add($"{d} regime", new ActorAlias(mil, AliasUse.Name));
        }

        foreach (var n in names)
        {
            index.Add(n, new ActorAlias(gov, AliasUse.Country));
            foreach (var noun in new[] { "army", "military", "armed forces", "forces", "troops", "air force", "government", "police", "warplanes", "jets" })
            {
                var target = noun is "government" ? gov : noun is "police" ? police : AirNouns.Contains(noun) ? air : mil;
                // "Syria's army" (tokenised "Syria" "'s" "army") and "Syrias army" (apostrophes stripped by some sources).
                index.Add($"{n}'s {noun}", new ActorAlias(target, AliasUse.Name));
                index.Add($"{n}s {noun}", new ActorAlias(target, AliasUse.Name));
            }

            index.Add($"Government of {n}", new ActorAlias(gov, AliasUse.Name));
        }

        foreach (var seat in s.Seats)
        {
            index.Add(seat, new ActorAlias(gov, AliasUse.Seat));
        }
    }

    /// <summary>The actor with id <paramref name="id"/>, or null.</summary>
    public ActorDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The state with ISO2 code <paramref name="iso2"/>, or null.</summary>
    public StateInfo? State(string iso2) => _states.GetValueOrDefault(iso2);

    /// <summary>The state whose demonym is <paramref name="word"/> ("Turkish"), or null.</summary>
    public StateInfo? StateByDemonym(string word) => _byDemonym.GetValueOrDefault(word);

    internal (IReadOnlyList<ActorAlias> Values, int Length) Match(IReadOnlyList<MatchUnit> units, int start) => _index.Longest(units, start);

    /// <summary>
    /// The reference for <paramref name="def"/> in an event in <paramref name="eventCountry"/> on <paramref name="date"/>:
    /// successors by date, templates filled, state forces abroad marked external.
    /// </summary>
    public ActorRef Resolve(ActorDefinition def, string? eventCountry, DateOnly? date)
    {
        def = _byId.GetValueOrDefault(def.Id) ?? def;
        for (var guard = 0; guard < 4 && date is { } d && def.ValidTo is { } to && d > to && def.Successor is { } su && _byId.TryGetValue(su, out var next); guard++)
        {
            def = next;
        }

        var name = def.Name;
        var id = def.Id;
        var country = def.Country;
        if (def.IsTemplate)
        {
            var st = eventCountry is null ? null : State(eventCountry);
            if (st is null)
            {
                name = name.Replace("{demonym} ", "", StringComparison.Ordinal).Replace("Military Forces of {country}", "State forces", StringComparison.Ordinal);
                name = char.ToUpperInvariant(name[0]) + name[1..];
            }
            else
            {
                name = name.Replace("{demonym}", st.Demonym, StringComparison.Ordinal).Replace("{country}", st.NameInActorNames, StringComparison.Ordinal);
                id = def.Id == "generic:mil" ? "mil:" + st.Iso2 : def.Id + ":" + st.Iso2;
                country = st.Iso2;
            }
        }

        var kind = def.Kind;
        var inter = def.Inter;
        if (kind == ActorKind.StateForces && country is not null && eventCountry is not null && country != eventCountry)
        {
            kind = ActorKind.ExternalForce;
            inter = 8;
        }

        return new ActorRef(id, name, kind, inter, country);
    }
}

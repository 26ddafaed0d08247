using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Geo;
using Sitrep.Temporal;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>
/// Codes the conflict events of one document: finds triggers, actors, places, dates, casualties and factuality,
/// fills roles (syntax-free positional rules; every role records its rule), applies ACLED's type rules and merges
/// what one sentence or one document says twice. Stateless and thread-safe once built.
/// </summary>
public sealed class EventExtractor
{
    readonly ActorRegistry _actors;
    readonly TriggerLexicon _triggers;

    /// <summary>Creates the coder over a registry and a lexicon.</summary>
    public EventExtractor(ActorRegistry actors, TriggerLexicon triggers)
    {
        _actors = actors;
        _triggers = triggers;
    }

    /// <summary>The registry.</summary>
    public ActorRegistry Actors => _actors;

    internal sealed record ActorMention(int Start, int End, ActorDefinition Def, AliasUse Use, bool IsAnaphor);

    internal sealed record TriggerMention(int Start, int End, TriggerEntry Entry, string Form);

    internal sealed record PlaceAt(int Unit, int EndUnit, PlaceMention Mention);

    static readonly FrozenSet<string> LocativePreps = new[] { "in", "near", "at", "around", "outside", "on", "into", "inside", "across", "of", "towards", "toward", "over", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western", "province", "countryside", "outskirts" }
        .ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> NearPreps = new[] { "near", "around", "outside", "outskirts", "countryside", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "of" }
        .ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> NonActorPreps = new[] { "in", "near", "at", "into", "across", "toward", "towards", "inside", "outside", "around", "throughout", "within", "to" }
        .ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> Auxiliaries = new[] { "was", "were", "been", "being", "is", "are", "be", "got", "get" }.ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> Determiners = new[] { "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "new", "of", "fresh", "heavy", "fierce", "intense", "violent", "deadly", "several", "two", "three", "many", "more", "such", "suicide", "joint", "major", "large", "ongoing" }
        .ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> PlaceAnaphors = new[] { "town", "city", "village", "crossing", "area", "district", "neighbourhood", "neighborhood", "base", "airport", "dam" }
        .ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> TerritoryNouns = new[] { "territory", "territories", "villages", "village", "town", "towns", "areas", "area", "city", "cities", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "district", "districts", "ground", "control", "positions", "position", "hills", "hill", "crossing", "base", "airport", "airbase", "dam", "field", "points", "checkpoint", "checkpoints", "farms", "region", "border" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Codes <paramref name="doc"/>. Statements that are negated, planned, feared etc. are returned too, with their
    /// <see cref="ConflictEvent.Factuality"/>; callers filter on <see cref="Factuality.Asserted"/> to emit events.
    /// </summary>
    public ImmutableArray<ConflictEvent> Extract(EventDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var ctx = new DocContext(doc, _actors);
        var all = new List<ConflictEvent>();
        var gluedHeadline = MentionZones.GluedHeadlineEnd(doc);
        var quotes = MentionZones.Quotations(doc.Text);
        var datelineHeadline = MentionZones.DatelineHeadline(doc);
        for (var si = 0; si < doc.Sentences.Length; si++)
        {
            var sentence = doc.Sentences[si];
            var units = MatchUnit.Of(sentence.Tokens);
            var places = PlacesIn(doc, sentence, units);
            var actors = FindActors(units, places, ctx, out var sources);
            // "Free Syrian Army", "Syrian Observatory": a toponym inside an actor's name is no place.
            places.RemoveAll(p => actors.Any(a => a.Use == AliasUse.Name && !a.IsAnaphor && a.End - a.Start >= 2 && a.Start <= p.Unit && p.EndUnit <= a.End && a.Def.Kind != ActorKind.Government));
            places.RemoveAll(p => IsMisplacedPart(units, places, p));
            if (places.Any(p => p.Mention.Role == ToponymRole.Location && !IsReporterOrBasePlace(units, p.Unit)))
            {
                places.RemoveAll(p => IsReporterOrBasePlace(units, p.Unit));
            }

            var triggers = FindTriggers(units, actors, places);
            if (triggers.Count > 0)
            {
                // Parsing is lazy and costs far more than positional coding: the sentence is first coded positionally, and
                // only when that yields a statement (and there is an actor or place for the parse to attach) is it parsed
                // and coded again with the dependency roles first (SyntacticRoles), positional rules filling the gaps.
                var coded = CodeSentence(doc, ctx, si, sentence, units, places, actors, triggers, sources).ToList();
                if (NeedsParse(coded, actors, places, sentence) && doc.Parse?.Invoke(sentence) is { } parsed)
                {
                    coded = [.. CodeSentence(doc, ctx, si, sentence, units, places, actors, triggers, sources, parsed)];
                }

                var zones = MentionZones.Of(si, units, gluedHeadline, datelineHeadline, quotes);
                foreach (var e in coded)
                {
                    all.Add(WithMention(e, units, zones));
                }
            }

            ctx.Remember(actors, places, si);
        }

        // ACLED: a report of injuries only is a report of no deaths (guideline §6), once every mention's figures are pooled.
        return [.. EventCoreference.Resolve(all).Select(e => e.Fatalities is null && e.Injured > 0 ? e with { Fatalities = 0 } : e).Select(WithUnnamedVictims)];
    }

    /// <summary>
    /// "A car bomb killed at least 44", "shelling wounded three": a strike, bomb or attack with casualties and no named target
    /// hit people no armed side is named for — civilians (guideline §2–3: remote violence that kills civilians has actor2 Civilians).
    /// </summary>
    ConflictEvent WithUnnamedVictims(ConflictEvent e) =>
        e.Actor2 is null && (e.Fatalities > 0 || e.Injured > 0) && e.Factuality == Factuality.Asserted
        && e.SubEventType is AcledSubEventType.AirDroneStrike or AcledSubEventType.ShellingArtilleryMissileAttack or AcledSubEventType.RemoteExplosiveLandmineIed
            or AcledSubEventType.SuicideBomb or AcledSubEventType.ChemicalWeapon or AcledSubEventType.Grenade or AcledSubEventType.Attack
        && _actors.Find("generic:civilians") is { } civilians
            ? e with { Actor2 = _actors.Resolve(civilians, e.Location?.Country, e.EventDate), CivilianTargeting = true }
            : e;

    /// <summary>Records in the event's roles whether its trigger sits in the body, a headline, a quotation or a teaser.</summary>
    static ConflictEvent WithMention(ConflictEvent e, ImmutableArray<MatchUnit> units, MentionKind[] zones)
    {
        var start = e.Sources.Length > 0 ? e.Sources[0].Span.Start : -1;
        for (var i = 0; i < units.Length; i++)
        {
            if (units[i].Span.Start == start && e.Roles is { } r)
            {
                return zones[i] == MentionKind.Body ? e : e with { Roles = r with { Mention = zones[i] } };
            }
        }

        return e;
    }

    /// <summary>
    /// The first of a list of villages or towns the place belongs to ("Akhtarin, Turkmen Bareh and Dabiq": commas, "and", "or" and
    /// capitalised words the gazetteer does not know between them), or the place itself.
    /// </summary>
    static PlaceAt FirstOfList(ImmutableArray<MatchUnit> u, List<PlaceAt> usable, PlaceAt place)
    {
        static bool Local(PlaceAt p) => p.Mention.Place!.Kind is not (PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Admin2 or PlaceKind.Region);
        if (!Local(place))
        {
            return place;
        }

        var head = place;
        while (usable.Where(p => p != head && p.EndUnit <= head.Unit && p.EndUnit >= head.Unit - 4 && Local(p)).OrderByDescending(p => p.EndUnit).FirstOrDefault() is { } before)
        {
            var separated = false;
            for (var j = before.EndUnit; j < head.Unit; j++)
            {
                if (u[j].Key is "," or "and" or "or")
                {
                    separated = true;
                    continue;
                }

                if (u[j].Surface.Length == 0 || !char.IsUpper(u[j].Surface[0]))
                {
                    return head;
                }
            }

            if (!separated && before.EndUnit == head.Unit)
            {
                return head; // two names glued together are one name misread, not a list
            }

            head = before;
        }

        return head;
    }

    /// <summary>
    /// "al-Qusour neighborhood in Deir Ezzor city", "the Sukari district of Aleppo": a part named inside a whole must lie in it;
    /// read as a namesake far away (a town of Homs), the part is a misreading and the whole is the place.
    /// </summary>
    static bool IsMisplacedPart(ImmutableArray<MatchUnit> u, List<PlaceAt> places, PlaceAt part)
    {
        if (part.Mention.Place is not { } p || part.Mention.Role != ToponymRole.Location)
        {
            return false;
        }

        var whole = places.Where(w => w != part && w.Unit >= part.EndUnit && w.Unit <= part.EndUnit + 4 && w.Mention.Place is not null && w.Mention.Role == ToponymRole.Location)
            .OrderBy(w => w.Unit).FirstOrDefault();
        if (whole is null || whole.Mention.Place!.Kind is PlaceKind.Country)
        {
            return false;
        }

        var sawIn = false;
        for (var j = part.EndUnit; j < whole.Unit; j++)
        {
            var k = u[j].Key;
            if (k is "in" or "of")
            {
                sawIn = true;
            }
            else if (k is not ("neighbourhood" or "neighborhood" or "district" or "quarter" or "area" or "camp" or "the" or "," or "city"))
            {
                return false;
            }
        }

        return sawIn && part.EndUnit < u.Length && u[part.EndUnit].Key is "neighbourhood" or "neighborhood" or "district" or "quarter" or "camp"
            && EventMatcher.DistanceKm(p.Latitude, p.Longitude, whole.Mention.Place.Latitude, whole.Mention.Place.Longitude) > 30;
    }

    static readonly FrozenSet<string> Reporters = new[]
    {
        "source", "sources", "correspondent", "correspondents", "reporter", "reporters", "official", "officials", "spokesman", "spokesperson",
    }.ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> Stationed = new[] { "positioned", "stationed", "entrenched", "based", "holed" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "a source in Hasaka", "SANA's correspondent in Deir Ezzor", "an official from Idlib", "the Governor of Hatay": where the report comes from; "terrorists
    /// positioned in al-Rashidin fired rockets", "holed up in": where the attackers are. Neither is where the act happened, nor a
    /// place later mentions refer back to, when the sentence names another place (alone, it is usually near the act).
    /// </summary>
    internal static bool IsReporterOrBasePlace(ImmutableArray<MatchUnit> u, int placeUnit)
    {
        var j = placeUnit - 1;
        while (j >= 0 && u[j].Key is "the" or "al")
        {
            j--;
        }

        if (j < 1)
        {
            return false;
        }

        return (u[j].Key is "in" or "at" or "from" && Reporters.Contains(u[j - 1].Key))
            || (u[j].Key == "of" && u[j - 1].Key is "governor" or "mayor" or "minister" or "ambassador" or "envoy" or "president" or "chief" or "head")
            || (u[j].Key == "in" && (Stationed.Contains(u[j - 1].Key) || (u[j - 1].Key == "up" && j >= 2 && u[j - 2].Key == "holed")));
    }

    /// <summary>Longest sentence (in tokens) worth parsing: longer ones are mostly run-ons of captions, datelines and link lists.</summary>
    const int MaxParsedTokens = 50;

    /// <summary>
    /// Whether the parse can change what the positional rules coded: an asserted statement (the ones emitted by default),
    /// an actor to place in a role, and a sentence short enough for the parse to be useful.
    /// </summary>
    static bool NeedsParse(List<ConflictEvent> coded, List<ActorMention> actors, List<PlaceAt> places, Sentence sentence) =>
        coded.Any(e => e.Factuality == Factuality.Asserted) && actors.Count > 0
        && sentence.Tokens.Length <= MaxParsedTokens;

    /// <summary>True when <paramref name="sentence"/> holds a trigger candidate: only such sentences need dates and syntax.</summary>
    public bool HasTriggerCandidate(Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var units = MatchUnit.Of(sentence.Tokens);
        for (var i = 0; i < units.Length; i++)
        {
            var (values, len) = _triggers.Match(units, i);
            if (len > 0 && values.Any(v => v.Entry.Class != TriggerClass.Statement))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The PLOVER type, mode and CAMEO code of the first trigger in a sentence of tokens, or null.</summary>
    public (PloverCode Plover, string Cameo, TriggerClass Class)? CodePlover(IReadOnlyList<Token> tokens)
    {
        var units = MatchUnit.Of(tokens);
        var triggers = FindTriggers(units, [], []);
        // Prefer a verb trigger (the predicate) over nouns.
        var t = triggers.FirstOrDefault(x => x.Entry.IsVerb) ?? triggers.FirstOrDefault();
        return t is null ? null : (t.Entry.Plover, t.Entry.Cameo, t.Entry.Class);
    }

    /// <summary>"BEIRUT", "MOSCOW (Sputnik)": a place written in capitals is a dateline, where the report was filed.</summary>
    internal static bool IsDatelinePlace(string text, TextSpan span)
    {
        var letters = 0;
        for (var i = span.Start; i < span.End && i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                if (!char.IsUpper(text[i]))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 4;
    }

    static List<PlaceAt> PlacesIn(EventDocument doc, Sentence sentence, ImmutableArray<MatchUnit> units)
    {
        var list = new List<PlaceAt>();
        foreach (var m in doc.Places)
        {
            if (m.Span.Start < sentence.Span.Start || m.Span.End > sentence.Span.End || IsDatelinePlace(doc.Text, m.Span)
                || doc.Text.AsSpan(m.Span.End).StartsWith("-based", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var first = -1;
            var last = -1;
            for (var i = 0; i < units.Length; i++)
            {
                if (units[i].Span.Overlaps(m.Span))
                {
                    if (first < 0)
                    {
                        first = i;
                    }

                    last = i;
                }
            }

            if (first >= 0 && !IsOriginOfAName(units, first))
            {
                list.Add(new PlaceAt(first, last + 1, m));
            }
        }

        return list;
    }

    /// <summary>
    /// "Master Sgt Johnathan J. Dunbar of Austin, Texas, died": a place after "of" that follows a multi-word capitalised
    /// name is where a person comes from, not where this sentence's events happen. One capitalised word before "of" is
    /// not enough ("the Battle of Mosul", "the University of Aleppo"), and "from" is left alone ("drove Islamic State from Kobane").
    /// </summary>
    internal static bool IsOriginOfAName(ImmutableArray<MatchUnit> units, int first)
    {
        if (first < 3 || units[first - 1].Key != "of")
        {
            return false;
        }

        // The capitalised run before "of", initials' periods included ("Johnathan J. Dunbar"), not from the sentence start.
        var words = 0;
        var j = first - 2;
        for (; j >= 0 && (units[j].Surface is "." || char.IsUpper(units[j].Surface[0])); j--)
        {
            words += units[j].Surface == "." ? 0 : 1;
        }

        return words >= 2 && j >= 0;
    }

    List<ActorMention> FindActors(ImmutableArray<MatchUnit> units, List<PlaceAt> places, DocContext ctx, out List<string> sources)
    {
        var list = new List<ActorMention>();
        sources = [];
        for (var i = 0; i < units.Length;)
        {
            var (values, len) = _actors.Match(units, i);
            if (len == 0)
            {
                i++;
                continue;
            }

            var alias = values.FirstOrDefault(v => v.Use == AliasUse.Name) ?? values[0];
            var start = i;
            var end = i + len;
            var coveredByLocation = places.Any(p => p.Mention.Role == ToponymRole.Location && p.Unit < end && start < p.EndUnit);
            var prevKey = start > 0 ? units[start - 1].Key : "";
            // "the Britain-based Syrian Observatory", "a London-based monitor": where something is based, not an actor.
            var basedAt = end < units.Length && (units[end].Key == "based" || (units[end].Key == "-" && end + 1 < units.Length && units[end + 1].Key == "based"));
            if ((alias.Use is AliasUse.Country or AliasUse.Seat && (coveredByLocation || NonActorPreps.Contains(prevKey) || IsDatelineName(units, start, end))) || basedAt)
            {
                i = end;
                continue;
            }

            // Country names and seats as adjectives of something else ("Syria talks") are fine as actors only
            // when the geoparser calls them metonyms or the next word is a verb-ish; otherwise keep them (cheap).
            if (alias.Use == AliasUse.Anaphor)
            {
                var resolved = ctx.ResolveAnaphor(alias.Accepts!, list);
                if (resolved is null && alias.Fallback is { } fb)
                {
                    resolved = _actors.Find(fb);
                }

                if (resolved is not null)
                {
                    list.Add(new ActorMention(start, end, resolved, AliasUse.Anaphor, true));
                }

                i = end;
                continue;
            }

            var def = alias.Actor!;
            if (def.IsSource)
            {
                sources.Add(def.Id == "src:activists" || def.Id == "src:other-media" ? string.Join(' ', units.Skip(start).Take(len).Select(u => u.Surface)) : _actors.Find(def.Id)!.Name);
            }
            else
            {
                list.Add(new ActorMention(start, end, def, alias.Use, false));
            }

            i = end;
        }

        return list;
    }

    List<TriggerMention> FindTriggers(ImmutableArray<MatchUnit> units, List<ActorMention> actors, List<PlaceAt> places)
    {
        var list = new List<TriggerMention>();
        for (var i = 0; i < units.Count();)
        {
            var (values, len) = _triggers.Match(units, i);
            if (len == 0 || actors.Any(a => a.Start <= i && i < a.End) || places.Any(p => p.Unit <= i && i < p.EndUnit))
            {
                i += Math.Max(1, len == 0 ? 1 : 1);
                continue;
            }

            if (IsCapitalisedInProse(units, i, len))
            {
                // "former CISOs from BP and Shell", "the Astana Agreement": a capitalised word inside an ordinarily
                // cased sentence is part of a name, not an event mention (headlines in title case keep theirs).
                i += len;
                continue;
            }

            var form = string.Join(' ', units.Skip(i).Take(len).Select(u => u.Surface));
            var entry = ChooseEntry(values, units, i, form);
            var prev = i > 0 ? units[i - 1].Key : "";
            if ((entry.IsVerb && !values.Any(v => !v.Entry.IsVerb) && prev is "the" or "a" or "an" or "its" or "their" or "this" or "that")
                || (prev == "of" && i > 1 && units[i - 2].Key is "line" or "lines" or "ways" or "way" or "means")
                || (entry.IsVerb && prev is "of" or "for" && MatchUnit.Normalize(form).EndsWith("ing", StringComparison.Ordinal)))
            {
                // "the target was", "a new line of attack", "ways of fighting terrorism": not event mentions.
                i += len;
                continue;
            }

            var next = i + len < units.Length ? units[i + len].Key : "";
            if ((entry.Lemma is "take" or "take over" && next is "part" or "place" or "note" or "care" or "steps" or "advantage" or "refuge" or "shelter" or "measures" or "action")
                || (entry.Lemma == "fall" && next is "back" or "apart" or "short" or "silent")
                || (MatchUnit.Normalize(form) == "surrounding" && (next is "areas" or "area" or "villages" or "countryside" or "towns" or "region" or "neighbourhoods" or "neighborhoods" or "province" || prev is "in" or "the" or "and" or "of" or "its" or "their" or "from"
                    || prev is "area" or "areas" or "region" or "villages" or "towns" or "countryside" or "neighbourhood" or "neighborhood" or "neighbourhoods" or "neighborhoods" or "district" or "districts" or "hills" or "farms"))
                || (entry.Class is TriggerClass.Capture && next is "hostage" or "hostages" or "prisoner" or "prisoners" or "captive" or "captives" or "away" or "into")
                || (entry.Class == TriggerClass.Agreement && entry.IsVerb && next is "to" or "upon"))
            {
                // "took part in", "fell back", "agreed to provide", "the zone agreed upon": not a capture, not a concluded agreement.
                i += len;
                continue;
            }

            // "Katyusha rocket launchers", "a mortar shells plant", "the base holds tanks and artillery": the weapon as a thing
            // made, stored or destroyed, not fired.
            if (entry.Class is TriggerClass.Shelling or TriggerClass.AirStrike && !entry.IsVerb
                && (next is "launcher" or "launchers" or "launch" or "launching" or "factory" or "factories" or "plant" or "plants" or "depot" or "depots"
                        or "warehouse" or "warehouses" or "workshop" or "workshops" or "stockpile" or "stockpiles" or "cache" or "caches" or "platform" or "platforms"
                    || units.Skip(Math.Max(0, i - 10)).Take(Math.Min(i, 10)).Any(x => x.Key is "holds" or "possesses" or "possess" or "owns" or "stores" or "stored")))
            {
                i += len;
                continue;
            }

            // "freed Palmyra from IS": a place freed is taken; "freed 19 civilians", "freed the hostages" are people set free.
            if (entry.Lemma == "free" && !places.Any(p => p.Unit == i + len || (p.Unit == i + len + 1 && units[i + len].Key == "the")))
            {
                i += len;
                continue;
            }

            // "Syrian soldiers captured while fleeing", "troops captured by IS": people taken prisoner, not a place taken.
            if (entry.Class == TriggerClass.Capture && entry.IsVerb && prev is "soldiers" or "troops" or "fighters" or "men" or "civilians" or "people" or "militants"
                    or "members" or "officers" or "pilots" or "journalists" or "hostages" or "prisoners"
                && next is "while" or "by" or "during" or "were" or "was" or "are" or "after" or "alive")
            {
                i += len;
                continue;
            }

            // "rebels fighting both the regime and the jihadists", "opposition fighters battling forces loyal to Assad", "the main
            // force fighting Daesh": a participle after the fighters it describes says who they are, not that a clash happened;
            // "has been fighting ISIL for months" is a state (guideline §1).
            // "rebel groups that had fought against the jihadists", "fighters who have battled IS": who the fighters are; "IS is
            // battling for survival": a struggle, not a clash.
            if (entry.Class == TriggerClass.Clash && entry.IsVerb
                && ((prev is "had" or "have" or "has" && i >= 2 && units[i - 2].Key is "that" or "who" or "which") || (next == "for" && i + len + 1 < units.Length && units[i + len + 1].Key == "survival")))
            {
                i += len;
                continue;
            }

            if (entry.IsVerb && prev == "been" && len == 1 && units[i].Key.EndsWith("ing", StringComparison.Ordinal))
            {
                i += len; // "militant groups have been shelling the city", "has been fighting ISIL for months", "have been mobilizing": a state or process (guideline §1).
                continue;
            }

            if (entry.Class == TriggerClass.Clash && len == 1 && units[i].Key.EndsWith("ing", StringComparison.Ordinal)
                && (prev == "been" || actors.Any(a => a.End == i && !a.IsAnaphor) || prev is "fighters" or "rebels" or "militants" or "groups" or "group" or "force" or "forces"
                    or "kurds" or "arabs" or "men" or "units" or "factions" or "militias" or "militiamen" or "jihadists" or "troops" or "soldiers"))
            {
                i += len;
                continue;
            }

            list.Add(new TriggerMention(i, i + len, entry, form));
            i += len;
        }

        return list;
    }

    internal static bool IsCapitalisedInProse(ImmutableArray<MatchUnit> units, int i, int len)
    {
        var s = units[i].Surface;
        if (len != 1 || i == 0 || s.Length < 2 || !char.IsUpper(s[0]) || !char.IsLower(s[1]) || !char.IsLetter(units[i - 1].Surface[^1]))
        {
            return false; // sentence-initial, after a quote, colon or dash, or not a capitalised word
        }

        int words = 0, capitalised = 0;
        foreach (var u in units)
        {
            if (char.IsLetter(u.Surface[0]) && u.Surface.Length > 3)
            {
                words++;
                capitalised += char.IsUpper(u.Surface[0]) ? 1 : 0;
            }
        }

        return capitalised * 2 < words;
    }

    static TriggerEntry ChooseEntry(IReadOnlyList<(TriggerEntry Entry, string Form)> values, ImmutableArray<MatchUnit> units, int i, string form)
    {
        if (values.Count == 1)
        {
            return values[0].Entry;
        }

        var prev = i > 0 ? units[i - 1].Key : "";
        var key = MatchUnit.Normalize(form);
        // "to launch attacks", "carried out strikes": the object of a light verb is the noun.
        var nounish = Determiners.Contains(prev) || CasualtyParser.NumberAt(units, i - 1) is not null
            || prev is "launch" or "launched" or "launching" or "launches" or "carry" or "carried" or "conduct" or "conducted" or "conducting" or "mount" or "mounted" or "stage" or "staged";
        var verbish = key.EndsWith("ed", StringComparison.Ordinal) || Auxiliaries.Contains(prev) || prev is "to" or "have" or "has" or "had" or "and";
        var wantVerb = verbish || !nounish;
        if (nounish && !key.EndsWith("ed", StringComparison.Ordinal))
        {
            wantVerb = false;
        }

        return values.FirstOrDefault(v => v.Entry.IsVerb == wantVerb).Entry ?? values[0].Entry;
    }

    IEnumerable<ConflictEvent> CodeSentence(EventDocument doc, DocContext ctx, int si, Sentence sentence, ImmutableArray<MatchUnit> units,
        List<PlaceAt> places, List<ActorMention> actors, List<TriggerMention> triggers, List<string> sources, Syntax.ParsedSentence? parsed = null)
    {
        var casualties = CasualtyParser.Parse(units, 0, units.Length);
        var coded = new List<Coded>();
        foreach (var t in triggers)
        {
            if (t.Entry.Class == TriggerClass.Statement || t.Entry.Acled is null)
            {
                continue;
            }

            var frame = parsed is null ? SyntacticRoles.Frame.Empty : SyntacticRoles.Read(parsed, units, actors, places, t);
            var c = CodeTrigger(doc, ctx, si, units, places, actors, triggers, t, frame);
            if (c is not null)
            {
                coded.Add(c);
            }
        }

        // Merge within the sentence: a kill verb feeds the event it belongs to; control changes absorb the fighting
        // for the place; remote violence absorbs a generic attack; the same sub-type twice is one event.
        var violent = coded.Where(c => c.Trigger.Entry.Class != TriggerClass.Kill).ToList();
        foreach (var kill in coded.Where(c => c.Trigger.Entry.Class == TriggerClass.Kill).ToList())
        {
            var host = violent.Where(v => v.Factuality == kill.Factuality && IsViolent(v.Trigger.Entry.Class))
                .OrderBy(v => Math.Abs(v.Trigger.Start - kill.Trigger.Start)).FirstOrDefault();
            if (host is not null)
            {
                host.Absorb(kill);
                if (kill.Actor2Def?.Kind == ActorKind.Civilians && host.Actor2Def?.Kind != ActorKind.Civilians
                    && host.Trigger.Entry.Class is not (TriggerClass.Clash or TriggerClass.Capture or TriggerClass.Advance or TriggerClass.Encircle))
                {
                    // Remote violence and attacks that kill civilians have the civilians as their target (ACLED).
                    host.Actor2Def = kill.Actor2Def;
                    host.Actor2Rule = kill.Actor2Rule;
                }

                coded.Remove(kill);
            }
        }

        if (casualties.Killed is not null || casualties.Injured is not null)
        {
            // The figures go to the violent event nearest the kill word.
            var target = coded.Where(c => IsViolent(c.Trigger.Entry.Class) || c.Trigger.Entry.Class == TriggerClass.Kill)
                .OrderBy(c => Math.Abs(c.Trigger.Start - (casualties.KillUnit < 0 ? c.Trigger.Start : casualties.KillUnit))).FirstOrDefault();
            if (target is not null)
            {
                target.Fatalities = casualties.Killed;
                target.Injured = casualties.Injured;
            }
        }

        var hasCapture = coded.Any(c => c.Factuality == Factuality.Asserted && c.Trigger.Entry.Class is TriggerClass.Capture or TriggerClass.FallTo or TriggerClass.Lose);
        var hasRemote = coded.Any(c => c.Factuality == Factuality.Asserted && c.Trigger.Entry.Class is TriggerClass.AirStrike or TriggerClass.Shelling or TriggerClass.Explosive or TriggerClass.SuicideBomb or TriggerClass.Chemical);
        var kept = new List<Coded>();
        foreach (var c in coded)
        {
            var cls = c.Trigger.Entry.Class;
            if (hasCapture && cls is TriggerClass.Clash or TriggerClass.Advance or TriggerClass.Attack or TriggerClass.Encircle && c.Factuality == Factuality.Asserted)
            {
                continue;
            }

            if (hasRemote && cls is TriggerClass.Attack or TriggerClass.Kill && c.Factuality == Factuality.Asserted)
            {
                var remote = coded.First(x => x.Factuality == Factuality.Asserted && x.Trigger.Entry.Class is TriggerClass.AirStrike or TriggerClass.Shelling or TriggerClass.Explosive or TriggerClass.SuicideBomb or TriggerClass.Chemical);
                remote.Absorb(c);
                continue;
            }

            // "missiles containing toxic gas", "barrel bombs loaded with chlorine": the weapon delivers the chemical attack.
            if (cls is TriggerClass.Shelling or TriggerClass.AirStrike or TriggerClass.Explosive
                && coded.FirstOrDefault(x => x.Trigger.Entry.Class == TriggerClass.Chemical && x.Factuality == c.Factuality
                    && x.Trigger.Start >= c.Trigger.End && x.Trigger.Start - c.Trigger.End <= 3) is { } chemical)
            {
                chemical.Absorb(c);
                continue;
            }

            // "a suicide bomber carried out the attack using a car bomb", "a suicide bomber detonated an explosive vest": one suicide bombing.
            if (cls == TriggerClass.Explosive && coded.FirstOrDefault(x => x.Trigger.Entry.Class == TriggerClass.SuicideBomb && x.Factuality == c.Factuality) is { } suicide)
            {
                suicide.Absorb(c);
                continue;
            }

            var twin = kept.FirstOrDefault(k => k.SubType == c.SubType && k.Factuality == c.Factuality && k.Place?.Place?.Id == c.Place?.Place?.Id);
            if (twin is not null)
            {
                twin.Absorb(c);
                continue;
            }

            kept.Add(c);
        }

        // "recaptured areas ... which rebels had seized": two control changes of one place in one sentence have opposite sides.
        foreach (var c in kept.Where(k => k.TerritoryChange && k.Actor2Def is null && k.Place is not null))
        {
            var other = kept.FirstOrDefault(k => k != c && k.TerritoryChange && k.Place?.Place?.Id == c.Place!.Place?.Id
                && k.Actor1Def is not null && k.Actor1Def.Id != c.Actor1Def?.Id);
            if (other is not null)
            {
                c.Actor2Def = other.Actor1Def;
                c.Actor2Rule = RoleRule.OtherSide;
            }
        }

        foreach (var c in kept)
        {
            var e = Build(doc, ctx, si, sentence, c, sources);
            // Background history (older than a year before publication) is not an event, except a dated control change.
            if (doc.Published is { } pub && e.DateInterval.Start < pub.AddDays(-365) && e.Territory is null)
            {
                continue;
            }

            if (si >= 8 && e.Roles?.Date != RoleRule.OwnDate && c.PlaceRule is not (RoleRule.LocativePhrase or RoleRule.CapturedPlace))
            {
                continue; // deep in the article, undated and placeless: background or commentary, not a report.
            }

            if (e.Actor1 is null && e.Actor2 is null && c.PlaceRule is not (RoleRule.LocativePhrase or RoleRule.CapturedPlace))
            {
                continue; // no one, and no place of its own: a mention too vague to code.
            }

            if (c.Place?.Place?.Kind == Geo.PlaceKind.Country && e.SubEventType != AcledSubEventType.Agreement)
            {
                continue; // ACLED codes a place no vaguer than a province; "in Syria" alone is no location.
            }

            if (e.Territory is not null && (e.Location is null || c.Place?.Place?.Kind == Geo.PlaceKind.Country))
            {
                continue; // a control change needs a named sub-national place ("seized several villages" in "Iraq" is folded elsewhere).
            }

            if (e.Territory is not null && doc.Published is { } pub2 && e.DateInterval.End < pub2.AddDays(-365) && c.PlaceRule != RoleRule.CapturedPlace)
            {
                continue;
            }

            if (c.Trigger.Entry.Class is TriggerClass.Protest or TriggerClass.Riot && c.PlaceRule != RoleRule.LocativePhrase && e.Roles?.Date != RoleRule.OwnDate)
            {
                continue; // "the protests became an armed uprising": background, not a dated protest somewhere.
            }

            if (e.Factuality == Factuality.Asserted && (EventFilters.IsCampaignStart(units, c.Trigger.Start, e.TimePrecision)
                || EventFilters.IsHabitual(units, c.Trigger.Start, c.Trigger.End)
                || EventFilters.IsState(units, c.Trigger.Start, c.Trigger.Entry.IsVerb)
                || (c.Trigger.Entry.Class == TriggerClass.Clash && EventFilters.IsFledFrom(units, c.Trigger.Start))
                || (c.Trigger.Entry.Class is TriggerClass.AirStrike or TriggerClass.Shelling && !c.Trigger.Entry.IsVerb && EventFilters.IsBackingOf(units, c.Trigger.Start))
                || (c.Trigger.Entry.Class == TriggerClass.Chemical && EventFilters.IsWeaponOnly(units, c.Trigger))
                || (c.Trigger.Entry.Class == TriggerClass.Shelling && EventFilters.IsMunitionOnly(units, c.Trigger))
                || EventFilters.IsBackdropReMention(units, c.Trigger)
                || EventFilters.IsTrend(units, c.Trigger)
                || EventFilters.IsCampaign(units, c.Trigger)
                || (c.Trigger.Entry.Class == TriggerClass.Kidnap && EventFilters.IsRescuedCaptives(units, c.Trigger))
                || EventFilters.IsDemanded(units, c.Trigger)
                || (c.Trigger.Entry.Class == TriggerClass.Explosive && EventFilters.IsHeardOnly(units, c.Trigger))
                || (c.Trigger.Entry.Class == TriggerClass.Agreement && !c.Trigger.Entry.IsVerb && EventFilters.IsUnconcludedAgreement(units, c.Trigger.Start, c.Trigger.End))))
            {
                continue; // a campaign's start, a habit, a ceasefire only referred to: not an event (guideline §1).
            }

            if (e.Location is { } l && l.Country != ctx.MainCountry && !(ctx.IsDocumentCountry(l.Country) && (e.Actor1?.Country == l.Country || e.Actor2?.Country == l.Country))
                && c.PlaceRule is not (RoleRule.LocativePhrase or RoleRule.CapturedPlace))
            {
                continue; // a place abroad picked by proximity alone ("Moscow", "Poole"): a misreading or a dateline, not where it happened.
            }

            if (e.Territory is not null && (e.Actor1 is null || e.Actor2?.Kind is ActorKind.InternationalBody or ActorKind.Civilians))
            {
                continue; // "the photo captured from", "trucks entered Eastern Ghouta": no force takes anything.
            }

            if (e.Territory is not null && c.Trigger.Entry.Lemma == "enter" && (c.Place?.Place?.Kind is Geo.PlaceKind.Admin1 or Geo.PlaceKind.Region or Geo.PlaceKind.Country
                || (c.Place is { } ep && doc.Text.AsSpan(ep.Span.End).TrimStart().StartsWith("province", StringComparison.OrdinalIgnoreCase))))
            {
                continue; // "entered the neighbouring Raqqa province": movement, not a place taken.
            }

            if (e.SubEventType == AcledSubEventType.ArmedClash && e.Actor1 is null && (e.Actor2 is null || e.Actor2.Kind == ActorKind.Civilians))
            {
                continue; // "killed in clashes" with no armed side named: no clash to code.
            }

            // "it has lost major cities such as Mosul": a loss with neither captor nor date is a summary, not an event.
            if (c.Trigger.Entry.Class == TriggerClass.Lose && e.Actor1 is null && e.Roles?.Date != RoleRule.OwnDate)
            {
                continue;
            }

            yield return e;
        }
    }

    /// <summary>The event's admin1: "the Damascus suburbs/countryside/outskirts" lie in the division around the city (guideline §4).</summary>
    static string? SurroundingAdmin1(Geo.Place place, string? relation) =>
        relation is { } r && (r.StartsWith("suburb", StringComparison.Ordinal) || r.StartsWith("countryside", StringComparison.Ordinal) || r.StartsWith("outskirts", StringComparison.Ordinal))
        && place.Admin1 is { } a && Admin1Names.Default.Surrounding(a) is { } around ? around : place.Admin1;

    /// <summary>
    /// "a besieged Damascus suburb", "the Damascus countryside": the unnamed suburbs of a city that is its own governorate are the
    /// governorate around it (Rural Damascus), a governorate-level place (guideline §4, precision 3); "the outskirts of" stays near the city.
    /// </summary>
    static bool IsSurroundingGovernorate(Geo.Place place, string? relation) =>
        relation is { } r && (r.StartsWith("suburb", StringComparison.Ordinal) || r.StartsWith("countryside", StringComparison.Ordinal))
        && place.Admin1 is { } a && Admin1Names.Default.Surrounding(a) is not null;

    /// <summary>
    /// A seat or country written as a dateline ("BEIRUT At least 70 ...", "Beirut London- Warplanes ..."): all capitals, or
    /// glued to another capitalised name by a dash. Where the report was filed, never an actor.
    /// </summary>
    static bool IsDatelineName(ImmutableArray<MatchUnit> u, int start, int end)
    {
        var surface = string.Concat(u.Skip(start).Take(end - start).Select(x => x.Surface));
        if (surface.Length > 3 && surface.All(ch => !char.IsLetter(ch) || char.IsUpper(ch)))
        {
            return true;
        }

        return end + 1 < u.Length && u[end].Surface.Length > 0 && char.IsUpper(u[end].Surface[0]) && u[end + 1].Surface is "-" or "–";
    }

    static bool IsViolent(TriggerClass c) => c is TriggerClass.Clash or TriggerClass.Attack or TriggerClass.AirStrike or TriggerClass.Shelling
        or TriggerClass.Explosive or TriggerClass.SuicideBomb or TriggerClass.Chemical or TriggerClass.Execute or TriggerClass.Encircle
        or TriggerClass.Capture or TriggerClass.Advance;

    /// <summary>One trigger being coded (mutable only inside one call of <see cref="CodeSentence"/>).</summary>
    sealed class Coded
    {
        public required TriggerMention Trigger { get; init; }
        public Factuality Factuality { get; set; }
        public ActorMention? Actor1 { get; set; }
        public RoleRule Actor1Rule { get; set; }
        public ActorMention? Actor2 { get; set; }
        public RoleRule Actor2Rule { get; set; }
        public ActorDefinition? Actor1Def { get; set; }
        public ActorDefinition? Actor2Def { get; set; }
        public PlaceMention? Place { get; set; }
        public int Precision { get; set; }
        public RoleRule PlaceRule { get; set; }
        public int? Fatalities { get; set; }
        public int? Injured { get; set; }
        public AcledSubEventType SubType { get; set; }
        public bool TerritoryChange { get; set; }
        public List<ActorDefinition> Assoc1 { get; } = [];
        public bool Definite { get; set; }

        public void Absorb(Coded other)
        {
            if (Actor1Def is null && other.Actor1Def is not null)
            {
                Actor1Def = other.Actor1Def;
                Actor1Rule = RoleRule.Merged;
            }

            if (Actor2Def is null && other.Actor2Def is not null)
            {
                Actor2Def = other.Actor2Def;
                Actor2Rule = RoleRule.Merged;
            }

            if (Place is null && other.Place is not null)
            {
                Place = other.Place;
                Precision = other.Precision;
                PlaceRule = other.PlaceRule;
            }

            Fatalities ??= other.Fatalities;
            Injured ??= other.Injured;
        }
    }

    Coded? CodeTrigger(EventDocument doc, DocContext ctx, int si, ImmutableArray<MatchUnit> u, List<PlaceAt> places, List<ActorMention> actors,
        List<TriggerMention> triggers, TriggerMention t, SyntacticRoles.Frame frame)
    {
        var cls = t.Entry.Class;
        var (fact, _) = FactualityDetector.Detect(u, t.Start, t.Entry.IsVerb);
        var c = new Coded { Trigger = t, Factuality = fact };
        c.Definite = t.Start > 0 && u[t.Start - 1].Key is "the" or "this" or "that" or "these" or "those" or "its" or "their";
        var passive = t.Entry.IsVerb && t.Start > 0 && (Auxiliaries.Contains(u[t.Start - 1].Key) || (t.Start > 1 && Auxiliaries.Contains(u[t.Start - 2].Key) && u[t.Start - 1].Key.EndsWith("ly", StringComparison.Ordinal)));
        var nextTrigger = triggers.Where(x => x.Start > t.Start).Select(x => x.Start).DefaultIfEmpty(u.Length).Min();

        var clause = ClauseStart(u, triggers, t);
        ActorMention? before = actors.Where(a => a.Start >= clause && a.End <= t.Start && !IsAfterPrep(u, a, "from", "against", "by", "to", "on", "with", "of", "in", "than", "between", "near", "at", "for"))
            .OrderBy(a => a.Start).FirstOrDefault() ?? NearestBefore(u, actors, t.Start);
        ActorMention? after = actors.Where(a => a.Start >= t.End && a.Start < Math.Min(u.Length, t.End + 10) && !IsAfterPrep(u, a, "from", "by", "to", "with", "in", "of"))
            .OrderBy(a => a.Start).FirstOrDefault();
        var from = PrepActor(u, actors, t.End, 16, "from");
        var by = PrepActor(u, actors, t.End, 6, "by");
        var against = PrepActor(u, actors, t.End, 8, "against", "on", "targeting", "targeted", "at");
        var to = PrepActor(u, actors, t.End, 4, "to", "into");

        // Dependency roles first (Set1/Set2 keep the first value); the positional rules below fill the gaps.
        Set1(c, frame.Actor1, frame.Actor1Rule);
        Set2(c, frame.Actor2, frame.Actor2Rule);
        c.Assoc1.AddRange(frame.Assoc1.Select(a => a.Def));

        if (t.Entry.IsVerb)
        {
            if (cls == TriggerClass.FallTo)
            {
                if (to is null && !(t.End < u.Length && u[t.End].Key is "to" or "into"))
                {
                    return null; // "fell back", "prices fell": not a control change.
                }

                Set1(c, to, RoleRule.ToPhrase);
            }
            else if (passive)
            {
                Set1(c, by, RoleRule.PassiveAgent);
                Set2(c, before, RoleRule.Subject);
            }
            else if (cls == TriggerClass.Lose)
            {
                // "IS lost Albu Kamal to the army": the subject loses.
                Set2(c, before, RoleRule.Subject);
                Set1(c, to, RoleRule.ToPhrase);
            }
            else
            {
                Set1(c, before, RoleRule.Subject);
                if (cls == TriggerClass.Clash && c.Actor2Def is null && ConjoinedBefore(u, actors, t.Start) is { } pair && c.Actor1Def is { } a1
                    && (a1.Id == pair.First.Def.Id || a1.Id == pair.Second.Def.Id))
                {
                    // "government forces and HTS militants clashed" when the parse missed the conjunction: a symmetric act's
                    // two conjoined subjects are its two sides.
                    Set2(c, a1.Id == pair.First.Def.Id ? pair.Second : pair.First, RoleRule.Subject);
                }

                Set2(c, from ?? against ?? (after is not null && after.Start < nextTrigger ? after : null), from is not null ? RoleRule.FromPhrase : against is not null ? RoleRule.AgainstPhrase : RoleRule.Object);
            }
        }
        else
        {
            // "clashes (broke out in X) between A and B": the two sides, the first named first (guideline §3).
            if (cls == TriggerClass.Clash && PrepActor(u, actors, t.End, 10, "between") is { } sideA)
            {
                Set1(c, sideA, RoleRule.AgainstPhrase);
                if (actors.FirstOrDefault(a => a.Start > sideA.End && a.Start <= sideA.End + 3 && u[a.Start - 1].Key is "and" or "the" && a.Def.Id != sideA.Def.Id) is { } sideB)
                {
                    Set2(c, sideB, RoleRule.AgainstPhrase);
                }
            }

            // Nominal trigger: possessor or pre-modifier, demonym adjective, "by X", else the clause's subject.
            var poss = actors.FirstOrDefault(a => a.End == t.Start);
            if (poss is not null)
            {
                Set1(c, poss, RoleRule.Possessor);
            }
            else if (t.Start > 0 && _actors.StateByDemonym(u[t.Start - 1].Surface) is { } st)
            {
                c.Actor1Def = _actors.Find("mil:" + st.Iso2);
                c.Actor1Rule = RoleRule.Possessor;
            }
            else if (by is not null)
            {
                Set1(c, by, RoleRule.PassiveAgent);
            }
            else if (before is not null && !triggers.Any(x => x.Start > before.End && x.Start < t.Start && x.Entry.IsVerb && x.Entry.Class != TriggerClass.Kill))
            {
                Set1(c, before, RoleRule.NearestBefore);
            }

            Set2(c, against ?? from, against is not null ? RoleRule.AgainstPhrase : RoleRule.FromPhrase);
        }

        if (frame.SubjectIsNoActor && frame.Actor1 is null && c.Actor1Rule is RoleRule.Subject or RoleRule.NearestBefore or RoleRule.Coreference)
        {
            // The parse found the verb's subject and it is no actor ("a bomb exploded"): no positional guess.
            c.Actor1 = null;
            c.Actor1Def = null;
            c.Actor1Rule = RoleRule.None;
        }

        if (c.Actor1 is { } first)
        {
            c.Assoc1.AddRange(actors.Where(a => a.Start >= first.End && a.End <= t.Start && a.Def.IsArmed && a.Def.Id != first.Def.Id && a != c.Actor2).Select(a => a.Def));
        }

        if (cls is TriggerClass.Kill && c.Actor2Def is null && after is not null)
        {
            Set2(c, after, RoleRule.Object);
        }

        // Civilians never act in violence: as actor1 of a violent trigger they are its victims.
        if (c.Actor1Def?.Kind == ActorKind.Civilians && cls is not TriggerClass.Protest and not TriggerClass.Riot)
        {
            c.Actor2Def ??= c.Actor1Def;
            c.Actor2Rule = c.Actor2Rule == RoleRule.None ? c.Actor1Rule : c.Actor2Rule;
            c.Actor1Def = null;
            c.Actor1Rule = RoleRule.None;
        }

        if (c.Actor1Def is not null && c.Actor2Def is not null && c.Actor1Def.Id == c.Actor2Def.Id)
        {
            c.Actor2Def = null;
            c.Actor2Rule = RoleRule.None;
        }

        if (cls == TriggerClass.Kill && (CasualtyParser.IsTollStatement(u, 0, t.Start) || (c.Actor2Def is null && CasualtyParser.Parse(u, t.Start, u.Length).Killed is null)))
        {
            return null; // "a war that has killed more than 330,000 people"; "killed" with neither victims nor count.
        }

        if (cls == TriggerClass.Agreement && c.Actor2Def is null && PrepActor(u, actors, t.End, 8, "with", "between") is { } partner)
        {
            Set2(c, partner, RoleRule.AgainstPhrase);
        }

        // Place.
        ChoosePlace(doc, ctx, si, u, places, t, c, frame);
        if (cls is TriggerClass.Clash or TriggerClass.Attack or TriggerClass.Encircle && c.Actor1Def is null && c.Actor2Def is null
            && c.PlaceRule is not (RoleRule.CapturedPlace or RoleRule.LocativePhrase or RoleRule.Coreference))
        {
            return null; // "the fighting added to the exodus": no one, nowhere.
        }

        var territorial = cls is TriggerClass.Capture or TriggerClass.FallTo or TriggerClass.Lose or TriggerClass.Withdraw;
        if (cls is TriggerClass.Capture && t.Entry.IsVerb && SeizesGoods(u, t))
        {
            return null; // "police seized weapons and cash from the house", "a credit card taken from their home": no territory.
        }

        if (territorial && c.PlaceRule is not (RoleRule.CapturedPlace or RoleRule.LocativePhrase or RoleRule.Coreference) && !HasTerritoryObject(u, t))
        {
            return null; // "take part", "lost his life", "entered talks": no territory changes hands.
        }

        if (cls is TriggerClass.Encircle && c.PlaceRule is not (RoleRule.CapturedPlace or RoleRule.LocativePhrase or RoleRule.Coreference) && c.Actor2Def?.IsArmed != true)
        {
            return null; // "walls surrounded by rubble", "in surrounding areas": nothing armed or named is encircled.
        }

        if (cls is TriggerClass.Advance && (c.Actor2Def is null || c.Actor1Def is null))
        {
            return null; // an advance is coded only as fighting between two named sides.
        }

        if (cls is TriggerClass.Deploy && c.PlaceRule is not (RoleRule.CapturedPlace or RoleRule.LocativePhrase))
        {
            return null; // vague advances and deployments without a named place are not coded.
        }

        // "Russian air strikes have killed 18 ... the strikes around the town of Sukhna": a definite re-mention of the same
        // weapon names no new perpetrator, so it is the last one the document named for that weapon.
        if (c.Actor1Def is null && !t.Entry.IsVerb && c.Definite && cls is TriggerClass.AirStrike or TriggerClass.Shelling or TriggerClass.Chemical
            && ctx.LastActorOf(cls) is { } previous)
        {
            c.Actor1Def = previous;
            c.Actor1Rule = RoleRule.Coreference;
        }

        if (c.Actor1Def is { } named && fact == Factuality.Asserted && named.IsArmed)
        {
            ctx.RememberActorOf(cls, named);
        }

        c.SubType = Type(c, cls, doc, ctx);
        c.TerritoryChange = territorial && cls != TriggerClass.Withdraw || (cls == TriggerClass.Withdraw && c.Place is not null);
        return c;
    }

    static readonly FrozenSet<string> Goods = new[]
    {
        "weapons", "weapon", "arms", "guns", "gun", "rifles", "cash", "money", "drugs", "narcotics", "cocaine", "heroin", "captagon",
        "documents", "card", "cards", "passport", "passports", "phone", "phones", "laptop", "laptops", "vehicle", "vehicles", "car", "cars",
        "truck", "trucks", "equipment", "ammunition", "explosives", "goods", "property", "assets", "shipment", "shipments", "cargo",
        "contraband", "items", "belongings", "jewellery", "jewelry", "computers", "files", "evidence",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The object right after a capture verb ("seized weapons", "taken a credit card") is goods, not ground.</summary>
    static bool SeizesGoods(ImmutableArray<MatchUnit> u, TriggerMention t)
    {
        for (var j = t.End; j < Math.Min(u.Length, t.End + 5); j++)
        {
            var k = u[j].Key;
            if (Goods.Contains(k))
            {
                return true;
            }

            if (TerritoryNouns.Contains(k) || k is "from" or "in" or "at" or "on" or "," or "." or "control" or "over")
            {
                break;
            }
        }

        // Passive or reduced relative: "a credit card taken from the couple's home".
        for (var j = t.Start - 1; j >= Math.Max(0, t.Start - 3); j--)
        {
            var k = u[j].Key;
            if (Goods.Contains(k))
            {
                return true;
            }

            if (k is not ("was" or "were" or "been" or "being" or "is" or "are" or "had" or "have" or "has" or "stolen" or "later"))
            {
                break;
            }
        }

        return false;
    }

    static bool HasTerritoryObject(ImmutableArray<MatchUnit> u, TriggerMention t)
    {
        for (var j = t.End; j < Math.Min(u.Length, t.End + 8); j++)
        {
            if (TerritoryNouns.Contains(u[j].Key))
            {
                return true;
            }
        }

        // "gained ground", "took control" carry their object in the trigger.
        return t.Form.Contains("control", StringComparison.OrdinalIgnoreCase) || t.Form.Contains("ground", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// "A and B" right before the verb at <paramref name="verb"/> (at most one head noun such as "militants" after each): two
    /// different actors joined by "and".
    /// </summary>
    static (ActorMention First, ActorMention Second)? ConjoinedBefore(ImmutableArray<MatchUnit> u, List<ActorMention> actors, int verb)
    {
        var second = actors.Where(a => a.End <= verb && verb - a.End <= 1).OrderByDescending(a => a.End).FirstOrDefault();
        if (second is null)
        {
            return null;
        }

        // "Hayat Tahrir al-Sham militants": the name and its head noun are two mentions of one actor.
        while (actors.FirstOrDefault(a => a.End == second.Start && a.Def.Id == second.Def.Id) is { } whole)
        {
            second = whole;
        }

        var first = actors.Where(a => a.End < second.Start && second.Start - a.End <= 3 && a.Def.Id != second.Def.Id).OrderByDescending(a => a.End).FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        // Between them: "and", optionally "the", and at most one lower-case head noun of the first ("forces and").
        var and = 0;
        var other = 0;
        for (var i = first.End; i < second.Start; i++)
        {
            if (u[i].Key == "and")
            {
                and++;
            }
            else if (u[i].Key != "the")
            {
                other += i == first.End && u[i].Surface.Length > 0 && char.IsLower(u[i].Surface[0]) ? 1 : 2;
            }
        }

        return and == 1 && other <= 1 ? (first, second) : null;
    }

    static void Set1(Coded c, ActorMention? a, RoleRule rule)
    {
        if (a is null || c.Actor1Def is not null)
        {
            return;
        }

        c.Actor1 = a;
        c.Actor1Def = a.Def;
        c.Actor1Rule = a.IsAnaphor ? RoleRule.Coreference : rule;
    }

    static void Set2(Coded c, ActorMention? a, RoleRule rule)
    {
        if (a is null || c.Actor2Def is not null)
        {
            return;
        }

        c.Actor2 = a;
        c.Actor2Def = a.Def;
        c.Actor2Rule = a.IsAnaphor ? RoleRule.Coreference : rule;
    }

    /// <summary>Where the trigger's clause starts: after a reporting verb, a subordinator, a semicolon or the previous verb trigger.</summary>
    static int ClauseStart(ImmutableArray<MatchUnit> u, List<TriggerMention> triggers, TriggerMention t)
    {
        var prevVerb = triggers.Where(x => x.End <= t.Start && x.Entry.IsVerb && x.Entry.Class != TriggerClass.Kill).Select(x => x.End).DefaultIfEmpty(0).Max();
        for (var j = t.Start - 1; j >= prevVerb; j--)
        {
            if (u[j].Key is ";" or "said" or "says" or "say" or "reported" or "that" or "which" or "who" or "as" or "while" or "when" or "after" or "but" or "although" or "whereas" or "where" or "\u201c" or "\"")
            {
                return j + 1;
            }
        }

        return prevVerb;
    }

    static ActorMention? NearestBefore(ImmutableArray<MatchUnit> u, List<ActorMention> actors, int start) =>
        actors.Where(a => a.End <= start && !IsAfterPrep(u, a, "from", "against", "by", "to", "on", "with", "of", "in", "than", "between"))
            .OrderByDescending(a => a.End).FirstOrDefault();

    static bool IsAfterPrep(ImmutableArray<MatchUnit> u, ActorMention a, params string[] preps)
    {
        // The word before the mention, skipping determiners and counts ("from the Islamic State group", "by some 30 Turkish tanks").
        var j = a.Start - 1;
        for (var k = 0; k < 3 && j >= 0 && (u[j].Key is "the" or "a" or "an" or "some" or "its" or "their" or "about" or "around" or "nearly" || CasualtyParser.NumberAt(u, j) is not null); k++)
        {
            j--;
        }

        return j >= 0 && preps.Contains(u[j].Key, StringComparer.Ordinal);
    }

    static ActorMention? PrepActor(ImmutableArray<MatchUnit> u, List<ActorMention> actors, int from, int window, params string[] preps) =>
        actors.Where(a => a.Start >= from && a.Start < from + window && IsAfterPrep(u, a, preps)).OrderBy(a => a.Start).FirstOrDefault();

    void ChoosePlace(EventDocument doc, DocContext ctx, int si, ImmutableArray<MatchUnit> u, List<PlaceAt> places, TriggerMention t, Coded c, SyntacticRoles.Frame frame)
    {
        // Places outside the document's countries are mostly misreadings ("Free State", "New Providence"); a country itself is kept.
        var usable = places.Where(p => p.Mention.Role == ToponymRole.Location && p.Mention.Place is not null
            && (p.Mention.Place.Kind == Geo.PlaceKind.Country || ctx.IsDocumentCountry(p.Mention.Place.CountryCode))).ToList();
        var cls = t.Entry.Class;
        PlaceAt? own = null;
        var rule = RoleRule.None;
        var syntacticPrecision = 0;
        if (frame.Place is { } fp0 && usable.Contains(fp0) && fp0.Mention.Place!.Kind != PlaceKind.Country)
        {
            // The parse's own place argument: the captured object, or the place of a locative oblique/nmod.
            own = fp0;
            rule = frame.PlaceRule;
            syntacticPrecision = frame.Precision;
        }

        if (own is null && cls is TriggerClass.Capture or TriggerClass.Encircle or TriggerClass.Lose or TriggerClass.Withdraw && t.Entry.IsVerb)
        {
            // The object: the first place after the trigger within a short window ("recaptured nearly all of Albu Kamal").
            own = usable.Where(p => p.Unit >= t.End && p.Unit <= t.End + 7).OrderBy(p => p.Unit).FirstOrDefault();
            rule = RoleRule.CapturedPlace;
        }

        if (own is null && cls is TriggerClass.Capture or TriggerClass.Encircle && t.Entry.IsVerb)
        {
            for (var j = t.End; j < Math.Min(u.Length, t.End + 4); j++)
            {
                if (PlaceAnaphors.Contains(u[j].Key) && u[j - 1].Key is "the" or "that" or "this" or "border" && ctx.LastPlace(settlement: true) is { } lp)
                {
                    c.Place = lp;
                    c.Precision = lp.Precision;
                    c.PlaceRule = RoleRule.Coreference;
                    return;
                }
            }
        }

        if (own is null && cls is TriggerClass.Capture && t.Entry.IsVerb)
        {
            // "areas in southwestern Aleppo which rebels had seized": the antecedent of the relative pronoun.
            for (var j = t.Start - 1; j >= Math.Max(0, t.Start - 6); j--)
            {
                if (u[j].Key is "which" or "that")
                {
                    own = usable.Where(p => p.EndUnit <= j && p.EndUnit >= j - 2).OrderByDescending(p => p.Unit).FirstOrDefault();
                    break;
                }
            }
        }

        if (own is null && cls == TriggerClass.FallTo)
        {
            // The subject: "Al-Waleed, in the far west of Iraq, fell to IS" — the clause's first specific place.
            own = usable.Where(p => p.EndUnit <= t.Start).OrderBy(p => p.Mention.Place!.Kind == Geo.PlaceKind.Country ? 1 : 0).ThenBy(p => p.Unit).FirstOrDefault();
            rule = RoleRule.CapturedPlace;
        }

        if (own is null)
        {
            own = usable.Where(p => p.Unit > 0 && LocativePreps.Contains(u[p.Unit - 1].Key)
                    || (p.Unit > 1 && u[p.Unit - 1].Key is "the" or "northern" or "southern" or "eastern" or "western" or "central" or "rural" && LocativePreps.Contains(u[p.Unit - 2].Key)))
                .OrderBy(p => p.Unit >= t.Start ? p.Unit - t.Start : (t.Start - p.Unit) * 2).FirstOrDefault();
            rule = RoleRule.LocativePhrase;
        }

        if (own is null && usable.Count > 0)
        {
            own = usable.OrderBy(p => Math.Abs(p.Unit - t.Start)).First();
            rule = RoleRule.SentencePlace;
        }

        // Prefer a specific place over a country or province named in the same sentence when a neighbour names one.
        if (own is not null && own.Mention.Place!.Kind is PlaceKind.Country && rule != RoleRule.CapturedPlace)
        {
            var specific = usable.Where(p => p.Mention.Place!.Kind is not (PlaceKind.Country)).OrderBy(p => Math.Abs(p.Unit - t.Start)).FirstOrDefault();
            if (specific is not null)
            {
                own = specific;
                rule = RoleRule.SentencePlace;
            }
        }

        if (own is not null && (own.Mention.Place!.Kind is PlaceKind.Country) && ctx.NeighbourPlace(si, specificOnly: true) is { } np)
        {
            c.Place = np;
            c.Precision = Math.Max(np.Precision, 2);
            c.PlaceRule = RoleRule.ParagraphPlace;
            return;
        }

        var listed = false;
        if (own is not null && rule != RoleRule.CapturedPlace && FirstOfList(u, usable, own) is { } head)
        {
            // "in the area of Akhtarin, Turkmen Bareh and Dabiq": one event at the first village, precision 2 (guideline §4).
            listed = head != own || usable.Any(p => p != own && FirstOfList(u, usable, p) == own);
            own = head;
        }

        if (own is not null)
        {
            c.Place = own.Mention;
            var prep = own.Unit > 0 ? u[own.Unit - 1].Key : "";
            c.Precision = Math.Max(Math.Max(own.Mention.Precision, syntacticPrecision), (NearPreps.Contains(prep) && prep != "of") || listed ? 2 : 1);
            c.PlaceRule = rule;
            return;
        }

        // "the town", "that border town", "there": the last place of the document.
        for (var j = t.End; j < Math.Min(u.Length, t.End + 6); j++)
        {
            if (u[j].Key == "there" && ctx.LastPlace(settlement: false) is { } there)
            {
                c.Place = there;
                c.Precision = there.Precision;
                c.PlaceRule = RoleRule.Coreference;
                return;
            }

            if (PlaceAnaphors.Contains(u[j].Key) && j > 0 && u[j - 1].Key is "the" or "that" or "this" or "border" && ctx.LastPlace(settlement: true) is { } lp)
            {
                c.Place = lp;
                c.Precision = lp.Precision;
                c.PlaceRule = RoleRule.Coreference;
                return;
            }
        }

        // "in the town", "near the city" anywhere in a sentence that names no place: the last settlement named.
        for (var j = 2; j < u.Length; j++)
        {
            if (PlaceAnaphors.Contains(u[j].Key) && u[j].Key != "area" && u[j - 1].Key is "the" or "that" or "this" && LocativePreps.Contains(u[j - 2].Key)
                && u[j - 2].Key != "of" && ctx.LastPlace(settlement: true) is { } lp)
            {
                c.Place = lp;
                c.Precision = Math.Max(lp.Precision, NearPreps.Contains(u[j - 2].Key) ? 2 : 1);
                c.PlaceRule = RoleRule.Coreference;
                return;
            }
        }

        if (ctx.NeighbourPlace(si, specificOnly: false) is { } n)
        {
            c.Place = n;
            c.Precision = Math.Max(n.Precision, 2);
            c.PlaceRule = RoleRule.ParagraphPlace;
            return;
        }

        if (ctx.FirstPlace() is { } fp)
        {
            c.Place = fp;
            c.Precision = Math.Max(fp.Precision, 2);
            c.PlaceRule = RoleRule.DocumentPlace;
        }
    }

    /// <summary>ACLED's type rules: control changes by who takes the place, remote violence by weapon, civilian targeting.</summary>
    AcledSubEventType Type(Coded c, TriggerClass cls, EventDocument doc, DocContext ctx)
    {
        var a1 = c.Actor1Def;
        var a2 = c.Actor2Def;
        var civilians = a2?.Kind == ActorKind.Civilians;
        var aerial = a1?.Has("air") == true;
        switch (cls)
        {
            case TriggerClass.Capture:
            case TriggerClass.FallTo:
            case TriggerClass.Lose:
                {
                    var captor = a1;
                    if (captor is null)
                    {
                        return AcledSubEventType.NonStateActorOvertakesTerritory;
                    }

                    return IsStateSide(captor) ? AcledSubEventType.GovernmentRegainsTerritory : AcledSubEventType.NonStateActorOvertakesTerritory;
                }

            case TriggerClass.Withdraw:
                return AcledSubEventType.NonViolentTransferOfTerritory;
            case TriggerClass.AirStrike:
                return civilians || true ? AcledSubEventType.AirDroneStrike : AcledSubEventType.AirDroneStrike;
            case TriggerClass.Shelling:
                // "warplanes pounded the town": bombardment by an aerial actor is an air strike.
                return aerial ? AcledSubEventType.AirDroneStrike : AcledSubEventType.ShellingArtilleryMissileAttack;
            case TriggerClass.Explosive:
                return AcledSubEventType.RemoteExplosiveLandmineIed;
            case TriggerClass.SuicideBomb:
                return AcledSubEventType.SuicideBomb;
            case TriggerClass.Chemical:
                return AcledSubEventType.ChemicalWeapon;
            case TriggerClass.Attack:
            case TriggerClass.Kill:
                if (aerial)
                {
                    return AcledSubEventType.AirDroneStrike;
                }

                return civilians || a2 is null && cls == TriggerClass.Kill && a1 is not null && !a1.IsArmed
                    ? AcledSubEventType.Attack
                    : civilians ? AcledSubEventType.Attack : AcledSubEventType.ArmedClash;
            case TriggerClass.Execute:
                return AcledSubEventType.Attack;
            case TriggerClass.Kidnap:
                return AcledSubEventType.AbductionForcedDisappearance;
            case TriggerClass.Arrest:
                return AcledSubEventType.Arrests;
            case TriggerClass.Agreement:
                return AcledSubEventType.Agreement;
            case TriggerClass.Deploy:
            case TriggerClass.Base:
                return AcledSubEventType.HeadquartersOrBaseEstablished;
            case TriggerClass.Protest:
                return AcledSubEventType.PeacefulProtest;
            case TriggerClass.Riot:
                return AcledSubEventType.ViolentDemonstration;
            case TriggerClass.Loot:
                return AcledSubEventType.LootingPropertyDestruction;
            case TriggerClass.Defuse:
                return AcledSubEventType.DisruptedWeaponsUse;
            default:
                return c.Trigger.Entry.Acled ?? AcledSubEventType.ArmedClash;
        }
    }

    /// <summary>State forces, governments, external state forces and militias fighting for a state (affiliated with mil:XX).</summary>
    static bool IsStateSide(ActorDefinition a) =>
        a.Kind is ActorKind.StateForces or ActorKind.Government or ActorKind.ExternalForce && a.Id != "group:wagner"
        || a.Affiliations.Any(x => x.StartsWith("mil:", StringComparison.Ordinal))
        || a.Id == "generic:mil";

    ConflictEvent Build(EventDocument doc, DocContext ctx, int si, Sentence sentence, Coded c, List<string> sources)
    {
        var place = c.Place?.Place;
        var country = place is not null && ctx.IsDocumentCountry(place.CountryCode) ? place.CountryCode : ctx.MainCountry ?? place?.CountryCode;
        var (date, interval, precision, dateRule) = ctx.DateFor(sentence, c.Trigger, doc);
        var violent = c.SubType is not (AcledSubEventType.Agreement or AcledSubEventType.PeacefulProtest);
        ActorRef? Ref(ActorDefinition? d)
        {
            if (d is null)
            {
                return null;
            }

            // A government acting violently is its military.
            if (violent && d.Kind == ActorKind.Government && d.Country is { } gc && _actors.Find("mil:" + gc) is { } m)
            {
                d = m;
            }

            return _actors.Resolve(d, country, date);
        }

        var a1 = Ref(c.Actor1Def);
        var a2 = Ref(c.Actor2Def);
        if (a1 is not null && a2 is not null && a1.Id == a2.Id)
        {
            a2 = null;
        }
        if (a1 is null && IsRemote(c.SubType))
        {
            // ACLED codes unattributed strikes and bombs to an unidentified armed group.
            a1 = _actors.Resolve(_actors.Find("generic:unidentified")!, country, date);
        }

        EventLocation? loc = place is null ? null : new EventLocation(place.Name, place.Id, place.Latitude, place.Longitude, place.CountryCode,
            place.Kind == Geo.PlaceKind.Country ? null : SurroundingAdmin1(place, c.Place!.Relation), place.Admin2,
            place.Kind is Geo.PlaceKind.Country or Geo.PlaceKind.Admin1 or Geo.PlaceKind.Region || IsSurroundingGovernorate(place, c.Place!.Relation) ? 3 : Math.Clamp(c.Precision, 1, 3));
        TerritoryChange? territory = null;
        if (c.TerritoryChange && loc is not null)
        {
            var (toA, fromA) = (a1, a2);
            territory = new TerritoryChange(loc, fromA, toA, date);
        }

        var trigger = TextSpan.FromBounds(sentence.Tokens[c.Trigger.Start < 0 ? 0 : UnitToken(sentence, c.Trigger.Start)].Span.Start,
            sentence.Tokens[UnitToken(sentence, c.Trigger.End - 1)].Span.End);
        var id = MakeId(doc.Id.Value, si, trigger.Start);
        var confidence = 0.4 + (a1 is null ? 0 : 0.2) + (loc is null ? 0 : c.PlaceRule is RoleRule.CapturedPlace or RoleRule.LocativePhrase ? 0.2 : 0.1)
            + (dateRule == RoleRule.OwnDate ? 0.1 : 0) + (c.Factuality == Factuality.Asserted ? 0.1 : 0);
        return new ConflictEvent
        {
            Id = new EventId(id),
            EventDate = date,
            TimePrecision = precision,
            DateInterval = interval,
            SubEventType = c.SubType,
            Plover = c.Trigger.Entry.Plover,
            Cameo = c.Trigger.Entry.Cameo,
            Actor1 = a1,
            AssocActor1 = [.. c.Assoc1.Select(Ref).OfType<ActorRef>().Where(x => x.Id != a1?.Id && x.Id != a2?.Id).DistinctBy(x => x.Id)],
            Actor2 = a2,
            CivilianTargeting = a2?.Kind == ActorKind.Civilians && c.SubType is not (AcledSubEventType.Agreement or AcledSubEventType.Arrests),
            Location = loc,
            Fatalities = c.Fatalities,
            Injured = c.Injured,
            Territory = territory,
            Factuality = c.Factuality,
            ReportedBy = [.. sources.Distinct(StringComparer.Ordinal)],
            Sources = [new EventSource(doc.Id, doc.Outlet, doc.Url, doc.Published, sentence.Span.Of(doc.Text), trigger)],
            Confidence = Math.Round(Math.Min(1, confidence), 2),
            Summary = $"{a1?.Name ?? "?"} {c.Trigger.Form} {(a2 is null ? "" : a2.Name + " ")}{(loc is null ? "" : "in " + loc.Name)}".Trim(),
            Trigger = c.Trigger.Form,
            Roles = new EventRoles(c.Actor1Rule, c.Actor2Rule, c.PlaceRule, dateRule, c.Trigger.Form, c.Trigger.Entry.Class)
            {
                Definite = !c.Trigger.Entry.IsVerb && c.Definite && c.PlaceRule is not (RoleRule.LocativePhrase or RoleRule.CapturedPlace),
            },
        };
    }

    static int UnitToken(Sentence s, int unit)
    {
        var units = MatchUnit.Of(s.Tokens);
        return units[Math.Clamp(unit, 0, units.Length - 1)].Token;
    }

    static bool IsRemote(AcledSubEventType t) => t is AcledSubEventType.AirDroneStrike or AcledSubEventType.ShellingArtilleryMissileAttack
        or AcledSubEventType.RemoteExplosiveLandmineIed or AcledSubEventType.SuicideBomb or AcledSubEventType.ChemicalWeapon;

    static string MakeId(string doc, int sentence, int start)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{doc}|{sentence}|{start}")));
        return "ev_" + Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}

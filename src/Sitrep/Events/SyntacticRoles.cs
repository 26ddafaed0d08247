using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Syntax;

namespace Sitrep.Events;

/// <summary>
/// The roles of one trigger read off the dependency parse of its sentence: actor (subject, passive agent, possessor
/// of a nominal trigger), target (object, "from X" of a capture, "against X"), assisting actors (conjoined subjects),
/// the captured place and the event's own locative place. Only the relations a greedy parser gets reliably are used
/// (nsubj, obj, obl with its preposition, obl:agent, nmod:poss / amod / compound of a nominal trigger); everything
/// not found here is left to the positional rules of <see cref="EventExtractor"/>.
/// </summary>
internal static class SyntacticRoles
{
    /// <summary>Locative prepositions that introduce an event's place.</summary>
    static readonly FrozenSet<string> Locative = new[] { "in", "near", "at", "around", "outside", "inside", "on", "into", "across", "throughout", "within", "in front of", "on the outskirts of", "north of", "south of", "east of", "west of" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Prepositions that put the place at geo precision 2 (close to, not in, the named place).</summary>
    static readonly FrozenSet<string> Near = new[] { "near", "around", "outside", "north of", "south of", "east of", "west of" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that carry a nominal trigger: their subject is its actor ("IS launched an attack").</summary>
    static readonly FrozenSet<string> LightVerbs = new[] { "launch", "carry", "conduct", "stage", "mount", "wage", "step", "intensify", "escalate", "begin", "start", "continue", "resume", "claim", "perform", "unleash", "fire", "drop", "make", "lead", "spearhead", "execute", "commit", "detonate", "plant", "use", "deploy", "order" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs whose subject is a nominal trigger and whose object is its victim ("shelling killed 28 fighters").</summary>
    static readonly FrozenSet<string> ImpactVerbs = new[] { "kill", "hit", "target", "strike", "wound", "injure", "claim", "destroy", "damage", "leave", "pound", "rock", "tear", "slam" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of saying: their own place is where the statement was made ("In Washington the Pentagon confirmed ... strikes"), not the event's.</summary>
    static readonly FrozenSet<string> ReportingVerbs = new[] { "say", "confirm", "announce", "report", "tell", "add", "state", "claim", "deny", "acknowledge", "admit", "reveal", "declare", "note", "insist", "condemn", "accuse", "blame", "warn", "ask", "urge", "call" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What the parse says about one trigger; null members were not found.</summary>
    internal sealed record Frame(
        EventExtractor.ActorMention? Actor1,
        RoleRule Actor1Rule,
        EventExtractor.ActorMention? Actor2,
        RoleRule Actor2Rule,
        ImmutableArray<EventExtractor.ActorMention> Assoc1,
        EventExtractor.PlaceAt? Place,
        RoleRule PlaceRule,
        int Precision,
        int Head)
    {
        /// <summary>Nothing found.</summary>
        public static Frame Empty { get; } = new(null, RoleRule.None, null, RoleRule.None, [], null, RoleRule.None, 0, -1);

        /// <summary>The verb has a nominal subject that names no actor ("a bomb exploded"): no actor should be guessed by position.</summary>
        public bool SubjectIsNoActor { get; init; }
    }

    /// <summary>Reads the roles of <paramref name="t"/> from <paramref name="p"/>.</summary>
    public static Frame Read(ParsedSentence p, ImmutableArray<MatchUnit> u, IReadOnlyList<EventExtractor.ActorMention> actors,
        IReadOnlyList<EventExtractor.PlaceAt> places, EventExtractor.TriggerMention t)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (t.Start >= u.Length || p.Tokens.Length == 0)
        {
            return Frame.Empty;
        }

        var view = new View(p, u, actors, places);
        var head = TriggerHead(p, u, t);
        if (head < 0)
        {
            return Frame.Empty;
        }

        return t.Entry.IsVerb ? view.Verb(head, t) : view.Noun(head, t);
    }

    /// <summary>The trigger's head token: for a verb its first word ("took control" → took); for a noun the word whose head lies outside the trigger.</summary>
    static int TriggerHead(ParsedSentence p, ImmutableArray<MatchUnit> u, EventExtractor.TriggerMention t)
    {
        var first = u[t.Start].Token;
        var last = u[Math.Min(t.End, u.Length) - 1].Token;
        if (t.Entry.IsVerb)
        {
            return first;
        }

        for (var i = last; i >= first; i--)
        {
            var h = p.Tokens[i].Head;
            if (h < first || h > last)
            {
                return i;
            }
        }

        return last;
    }

    sealed class View(ParsedSentence p, ImmutableArray<MatchUnit> u, IReadOnlyList<EventExtractor.ActorMention> actors, IReadOnlyList<EventExtractor.PlaceAt> places)
    {
        int First(int unitStart) => u[unitStart].Token;

        int Last(int unitEnd) => u[unitEnd - 1].Token;

        public Frame Verb(int v, EventExtractor.TriggerMention t)
        {
            var cls = t.Entry.Class;
            EventExtractor.ActorMention? a1 = null, a2 = null;
            RoleRule r1 = RoleRule.None, r2 = RoleRule.None;
            var assoc = ImmutableArray.CreateBuilder<EventExtractor.ActorMention>();
            EventExtractor.PlaceAt? place = null;
            var placeRule = RoleRule.None;
            var precision = 1;
            var obliques = p.ObliquesOf(v);
            var passive = p.IsPassive(v);
            var noActorSubject = false;
            if (cls == TriggerClass.FallTo)
            {
                // "Al-Waleed ... fell to the IS group": the subject is the place, "to X" the captor.
                a1 = ActorIn(Oblique(obliques, "to", "into"));
                r1 = RoleRule.ToPhrase;
                place = PlaceIn(p.SubjectOf(v));
                placeRule = RoleRule.CapturedPlace;
            }
            else if (passive)
            {
                a1 = ActorIn(p.AgentOf(v));
                r1 = RoleRule.PassiveAgent;
                var patient = p.PatientOf(v);
                a2 = ActorIn(patient);
                r2 = RoleRule.Subject;
                if (IsTerritorial(cls))
                {
                    place = PlaceIn(patient);
                    placeRule = RoleRule.CapturedPlace;
                }
            }
            else if (cls == TriggerClass.Lose)
            {
                // "IS lost Albu Kamal to the army": the subject loses, "to X" gains.
                a2 = ActorIn(p.SubjectOf(v));
                r2 = RoleRule.Subject;
                a1 = ActorIn(Oblique(obliques, "to"));
                r1 = RoleRule.ToPhrase;
                foreach (var o in p.ObjectsOf(v))
                {
                    place ??= PlaceIn(o);
                }

                placeRule = RoleRule.CapturedPlace;
            }
            else
            {
                var subjects = p.SubjectsOf(v);
                var vt = p.Tokens[v];
                if (subjects.Length == 0 && vt.Xpos == "VBG" && vt.DepRel == "advcl" && vt.Head >= 0 && !p.IsPassive(vt.Head))
                {
                    // "forces scored a victory by recapturing ...", "jets pounded the town, killing five": the main clause's subject.
                    subjects = p.SubjectsOf(vt.Head);
                }

                if (subjects.Length > 0 && !IsReducedRelative(v))
                {
                    a1 = ActorIn(subjects[0]);
                    r1 = RoleRule.Subject;
                    noActorSubject = a1 is null && p.Tokens[subjects[0]].Upos is "NOUN" && !p.Tokens[subjects[0]].Form.All(char.IsUpper);
                    foreach (var s in subjects.Skip(1))
                    {
                        if (ActorIn(s) is { } other && other != a1 && other.Def.Id != a1?.Def.Id)
                        {
                            if (cls is TriggerClass.Agreement or TriggerClass.Clash && a2 is null)
                            {
                                // "Kurdish fighters and pro-government fighters agreed a truce", "government forces and HTS
                                // militants clashed": a symmetric act has its second party as the other side.
                                (a2, r2) = (other, RoleRule.Subject);
                            }
                            else
                            {
                                assoc.Add(other);
                            }
                        }
                    }
                }

                var from = cls is TriggerClass.Capture or TriggerClass.Withdraw ? ActorIn(Oblique(obliques, "from")) : null;
                var against = ActorIn(Oblique(obliques, "against", "on", "at", "upon"));
                var objects = p.ObjectsOf(v);
                EventExtractor.ActorMention? obj = null;
                foreach (var o in objects)
                {
                    obj ??= ActorIn(o);
                }

                if (from is null && cls is TriggerClass.Capture or TriggerClass.Withdraw)
                {
                    // "liberated the town from IS" with "from IS" attached inside the object's phrase.
                    foreach (var o in objects)
                    {
                        var (os, oe) = p.PhraseOf(o);
                        for (var x = os; x < oe && from is null; x++)
                        {
                            if (p.PrepositionOf(x) == "from" && p.Tokens[x].Head >= os && p.Tokens[x].Head < oe)
                            {
                                from = ActorIn(x);
                            }
                        }
                    }
                }

                if (from is not null)
                {
                    (a2, r2) = (from, RoleRule.FromPhrase);
                }
                else if (a2 is null && obj is not null)
                {
                    (a2, r2) = (obj, RoleRule.Object);
                }
                else if (a2 is null && against is not null)
                {
                    (a2, r2) = (against, RoleRule.AgainstPhrase);
                }

                if (cls is TriggerClass.Capture or TriggerClass.Encircle or TriggerClass.Withdraw)
                {
                    foreach (var o in objects)
                    {
                        place ??= PlaceIn(o);
                    }

                    if (place is not null)
                    {
                        placeRule = RoleRule.CapturedPlace;
                    }
                }
            }

            if (place is null)
            {
                (place, precision) = LocativePlace(obliques);
                placeRule = place is null ? RoleRule.None : RoleRule.LocativePhrase;
            }

            if (a1 is not null && a2 is not null && a1.Def.Id == a2.Def.Id)
            {
                a2 = null;
                r2 = RoleRule.None;
            }

            return new Frame(a1, a1 is null ? RoleRule.None : r1, a2, a2 is null ? RoleRule.None : r2, assoc.ToImmutable(), place, placeRule, precision, v)
            {
                SubjectIsNoActor = noActorSubject,
            };
        }

        public Frame Noun(int n, EventExtractor.TriggerMention t)
        {
            EventExtractor.ActorMention? a1 = null, a2 = null;
            RoleRule r1 = RoleRule.None, r2 = RoleRule.None;
            var first = First(t.Start);
            var last = Last(t.End);

            // Possessor or pre-modifier: "Turkey's shelling", "coalition air strikes", "regime barrel bombs".
            // The modifier nearest the head wins ("BEIRUT Syrian government air strikes": the government, not the dateline).
            foreach (var c in p.Children(n).Reverse())
            {
                var rel = p.Tokens[c].DepRel;
                if (c < first && (rel is "nmod:poss" or "amod" or "compound" or "nmod") && ActorIn(c) is { } m)
                {
                    a1 = m;
                    r1 = RoleRule.Possessor;
                    break;
                }
            }

            // "shelling by al-Nusra", "strikes against IS", "an attack on the army".
            // Prepositional dependents of the noun ("nmod"; "obl" when the parser took a sentence-initial noun for a verb).
            var nmods = p.ChildrenWith(n, "nmod").AddRange(p.ChildrenWith(n, "obl")).Sort()
                .Select(c => new Oblique(c, p.PrepositionOf(c), p.Tokens[c].DepRel)).ToImmutableArray();
            if (a1 is null && ActorIn(Oblique(nmods, "by")) is { } by)
            {
                (a1, r1) = (by, RoleRule.PassiveAgent);
            }

            if (ActorIn(Oblique(nmods, "against", "on", "targeting", "at", "upon")) is { } target && target != a1)
            {
                (a2, r2) = (target, RoleRule.AgainstPhrase);
            }

            if (t.Entry.Class == TriggerClass.Clash)
            {
                // "clashes with regime troops", "fighting between A and B".
                var with = Oblique(nmods, "with", "between", "among");
                if (with >= 0 && ActorIn(with) is { } w)
                {
                    if (p.PrepositionOf(with) == "between" && a1 is null)
                    {
                        (a1, r1) = (w, RoleRule.AgainstPhrase);
                        foreach (var cj in p.ConjunctsOf(with))
                        {
                            if (a2 is null && ActorIn(cj) is { } w2 && w2.Def.Id != w.Def.Id)
                            {
                                (a2, r2) = (w2, RoleRule.AgainstPhrase);
                            }
                        }
                    }
                    else if (a2 is null && w != a1)
                    {
                        (a2, r2) = (w, RoleRule.AgainstPhrase);
                    }
                }
            }

            var (place, precision) = LocativePlace(nmods);
            var placeRule = place is null ? RoleRule.None : RoleRule.LocativePhrase;

            // The verb the nominal trigger belongs to: "IS launched an attack" (actor = its subject);
            // "Turkish shelling killed 28 fighters" (victims = its object); "were killed in air strikes" (victims = its subject).
            var tok = p.Tokens[n];
            var g = tok.Head;
            if (g >= 0 && g < p.Tokens.Length && (g < first || g > last))
            {
                var gl = p.Tokens[g].Lemma.ToLowerInvariant();
                var rel = tok.DepRel;
                var gObliques = p.ObliquesOf(g);
                if (rel == "obj" && LightVerbs.Contains(gl))
                {
                    if (a1 is null && ActorIn(p.SubjectOf(g)) is { } s && !p.IsPassive(g))
                    {
                        (a1, r1) = (s, RoleRule.Subject);
                    }

                    if (a2 is null && ActorIn(Oblique(gObliques, "against", "on", "at", "upon")) is { } tg && tg != a1)
                    {
                        (a2, r2) = (tg, RoleRule.AgainstPhrase);
                    }
                }
                else if (ParsedSentenceQueries.IsRelation(rel, "nsubj") && rel != "nsubj:pass" && ImpactVerbs.Contains(gl))
                {
                    foreach (var o in p.ObjectsOf(g))
                    {
                        if (a2 is null && ActorIn(o) is { } victim && victim != a1)
                        {
                            (a2, r2) = (victim, RoleRule.Object);
                        }

                        if (place is null && gl is "hit" or "target" or "strike" or "pound" or "rock" && PlaceIn(o) is { } hit)
                        {
                            (place, precision, placeRule) = (hit, 1, RoleRule.LocativePhrase);
                        }
                    }
                }
                else if (ParsedSentenceQueries.IsRelation(rel, "obl") && p.PrepositionOf(n) is "in" or "by" or "during" or "from" or "after" && p.IsPassive(g) && gl is "kill" or "wound" or "injure")
                {
                    var victim = ActorIn(p.SubjectOf(g));
                    if (t.Entry.Class == TriggerClass.Clash && victim is not null && a1 is null && victim.Def.Kind != ActorKind.Civilians && !IsVague(victim.Def) && victim != a2)
                    {
                        // "29 rebels were killed in clashes with regime troops": the fallen are the other side.
                        (a1, r1) = (victim, RoleRule.Subject);
                    }
                    else if (a2 is null && victim is not null && victim != a1)
                    {
                        (a2, r2) = (victim, RoleRule.Object);
                    }
                }

                if (place is null && !ReportingVerbs.Contains(gl) && (rel == "obj" || ParsedSentenceQueries.IsRelation(rel, "nsubj") || ParsedSentenceQueries.IsRelation(rel, "obl")))
                {
                    (place, precision) = LocativePlace(gObliques.Where(o => o.Token != n).ToImmutableArray());
                    placeRule = place is null ? RoleRule.None : RoleRule.LocativePhrase;
                }
            }

            if (a1 is not null && a2 is not null && a1.Def.Id == a2.Def.Id)
            {
                a2 = null;
                r2 = RoleRule.None;
            }

            // A nominal trigger that is itself a clause's subject ("a bomb exploded", "air strikes hit the town") carries its
            // actor inside its own phrase; an actor earlier in the sentence belongs to another clause.
            var isSubject = g >= 0 && ParsedSentenceQueries.IsRelation(tok.DepRel, "nsubj");
            return new Frame(a1, a1 is null ? RoleRule.None : r1, a2, a2 is null ? RoleRule.None : r2, [], place, placeRule, precision, n)
            {
                SubjectIsNoActor = a1 is null && isSubject,
            };
        }

        /// <summary>
        /// A relative clause with its own subject but no relative pronoun ("the army ... Hezbollah captured"): in news text
        /// this is usually a mis-parsed main clause, so its subject is not trusted.
        /// </summary>
        bool IsReducedRelative(int v)
        {
            if (p.Tokens[v].DepRel != "acl:relcl")
            {
                return false;
            }

            foreach (var c in p.Children(v))
            {
                var t = p.Tokens[c];
                if (t.Xpos is "WDT" or "WP" or "WP$" || (t.Lemma.Equals("that", StringComparison.OrdinalIgnoreCase) && c < v))
                {
                    return false;
                }
            }

            return true;
        }

        static bool IsTerritorial(TriggerClass c) => c is TriggerClass.Capture or TriggerClass.Encircle or TriggerClass.Withdraw or TriggerClass.Lose;

        /// <summary>The first oblique (or nmod) introduced by one of <paramref name="preps"/>, or -1.</summary>
        static int Oblique(ImmutableArray<Oblique> obliques, params string[] preps)
        {
            foreach (var o in obliques)
            {
                if (o.Preposition is { } prep && preps.Contains(prep, StringComparer.Ordinal))
                {
                    return o.Token;
                }
            }

            return -1;
        }

        /// <summary>The place of the first locative oblique holding one, with its precision (near/around/outside → 2).</summary>
        (EventExtractor.PlaceAt? Place, int Precision) LocativePlace(ImmutableArray<Oblique> obliques)
        {
            foreach (var o in obliques)
            {
                if (o.Preposition is { } prep && Locative.Contains(prep) && PlaceIn(o.Token) is { } place)
                {
                    return (place, Near.Contains(prep) ? 2 : 1);
                }
            }

            return (null, 1);
        }

        /// <summary>The actor mention heading or nearest below <paramref name="h"/> in its core phrase (relative clauses, appositions and conjuncts left out).</summary>
        public EventExtractor.ActorMention? ActorIn(int h)
        {
            if (h < 0)
            {
                return null;
            }

            EventExtractor.ActorMention? best = null;
            EventExtractor.ActorMention? headed = null;
            var bestDepth = int.MaxValue;
            var (start, end) = p.PhraseOf(h);
            foreach (var a in actors)
            {
                var s = First(a.Start);
                var e = Last(a.End);
                if (s <= h && h <= e)
                {
                    headed = a;
                    continue;
                }

                if (s < start || e >= end)
                {
                    continue;
                }

                var depth = Depth(s, e, h);
                if (depth < bestDepth)
                {
                    best = a;
                    bestDepth = depth;
                }
            }

            // "ISIL gunmen", "the ISIL Takfiri terrorists", "militants from the groups known as Liwa al-Fateh": a vague head
            // ("gunmen", "terrorists") gives way to the named group inside its phrase.
            if (headed is not null && (best is null || !IsVague(headed.Def) || IsVague(best.Def) || best.Def.Kind == ActorKind.Civilians))
            {
                return headed;
            }

            return best;
        }

        static bool IsVague(ActorDefinition d) => d.Id.StartsWith("generic:rebels", StringComparison.Ordinal)
            || d.Id.StartsWith("generic:unidentified", StringComparison.Ordinal) || d.Id.StartsWith("generic:mil", StringComparison.Ordinal);

        /// <summary>The place mention heading or nearest below <paramref name="h"/> in its core phrase.</summary>
        public EventExtractor.PlaceAt? PlaceIn(int h)
        {
            if (h < 0)
            {
                return null;
            }

            EventExtractor.PlaceAt? best = null;
            var bestDepth = int.MaxValue;
            var (start, end) = p.PhraseOf(h);
            foreach (var pl in places)
            {
                var s = First(pl.Unit);
                var e = Last(pl.EndUnit);
                if (s <= h && h <= e)
                {
                    return pl;
                }

                if (s < start || e >= end)
                {
                    continue;
                }

                var depth = Depth(s, e, h);
                if (depth < bestDepth)
                {
                    best = pl;
                    bestDepth = depth;
                }
            }

            return best;
        }

        /// <summary>How many arcs separate the highest token of [s, e] from <paramref name="h"/> (int.MaxValue when not below it).</summary>
        int Depth(int s, int e, int h)
        {
            var best = int.MaxValue;
            for (var i = s; i <= e; i++)
            {
                var d = 0;
                var x = i;
                while (x >= 0 && x != h && d < 32)
                {
                    x = p.Tokens[x].Head;
                    d++;
                }

                if (x == h)
                {
                    best = Math.Min(best, d);
                }
            }

            return best;
        }
    }
}

using System.Collections.Immutable;

namespace Sitrep.Events;

/// <summary>
/// In-document event coreference: merges the mentions of one occurrence (headline, lede, later recap, "the strikes")
/// into one event that keeps every evidence span and the most specific fields. Body mentions coalesce when their
/// sub-types are compatible, places match, dates overlap and the actors do not contradict on both sides (one agreeing
/// side, or the same sub-type at the same place, is enough: positional roles err on one side far more often than two
/// reports of one place and day describe different acts; control changes still need both sides to fit); a definite re-mention without
/// a place of its own ("the attack killed 12") joins the latest violent event; headline and quoted mentions are
/// summaries or speakers' words: they join a compatible body event under looser place and actor checks, a headline
/// stands alone only when the body never codes it and it gives a toll, and a quotation never does. Casualties without any
/// perpetrator or armed victim ("among those killed were") only join an event. Related-article teasers are dropped.
/// </summary>
internal static class EventCoreference
{
    /// <summary>Days two mentions' date intervals may be apart and still be one occurrence (headline vs body dating).</summary>
    const int SummaryDateSlackDays = 3;

    /// <summary>The document's events after coreference, in order of first mention.</summary>
    public static ImmutableArray<ConflictEvent> Resolve(List<ConflictEvent> mentions)
    {
        var body = new List<ConflictEvent>();
        var secondary = new List<ConflictEvent>();
        foreach (var m in mentions)
        {
            switch (m.Roles?.Mention ?? MentionKind.Body)
            {
                case MentionKind.Related:
                    break;
                case MentionKind.Body when IsGeneric(m) && m.Actor1 is null && m.Actor2?.Kind is null or ActorKind.Civilians:
                    // "among those killed were", "killed in the attacks": casualties of some act, never an act of its own.
                    secondary.Add(m);
                    break;
                case MentionKind.Body:
                    body.Add(m);
                    break;
                default:
                    secondary.Add(m);
                    break;
            }
        }

        var result = Deduplicate(body);
        foreach (var s in secondary)
        {
            var host = BestHost(result, s);
            if (host >= 0)
            {
                result[host] = Merge(result[host], s);
            }
            else if (s.Roles?.Mention == MentionKind.Headline && s.Fatalities > 0)
            {
                // A headline the body never codes again stands for itself; it still coalesces with other headline mentions.
                var i = result.FindIndex(r => Coreferent(r, s));
                if (i >= 0)
                {
                    result[i] = Merge(result[i], s);
                }
                else
                {
                    result.Insert(0, s);
                }
            }
        }

        return [.. result];
    }

    /// <summary>The body event a headline or quoted mention most likely summarises, or -1.</summary>
    static int BestHost(List<ConflictEvent> events, ConflictEvent s)
    {
        var best = -1;
        var bestScore = int.MinValue;
        for (var i = 0; i < events.Count; i++)
        {
            var r = events[i];
            if (r.Factuality != s.Factuality || (r.Territory is null) != (s.Territory is null))
            {
                continue;
            }

            var sameType = r.SubEventType == s.SubEventType;
            if (!sameType && !EventMatcher.TypesCompatible(r.SubEventType, s.SubEventType) && !IsGeneric(s) && !IsGeneric(r))
            {
                continue;
            }

            if (!LoosePlace(r.Location, s.Location) || !NearDates(r, s))
            {
                continue;
            }

            var score = (sameType ? 4 : 0) + (SamePlace(r.Location, s.Location) ? 2 : 0)
                + (Fits(r.Actor1, s.Actor1) ? 1 : 0) + (Fits(r.Actor2, s.Actor2) ? 1 : 0)
                + (r.Fatalities is not null && r.Fatalities == s.Fatalities ? 3 : 0);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// One event per occurrence among body mentions: a later statement coalesces into an earlier one when the sub-types
    /// are compatible, the places are the same (or within 25 km), the dates overlap, the factuality is the same and the
    /// actors do not contradict (a missing or unidentified actor fits any).
    /// </summary>
    static List<ConflictEvent> Deduplicate(List<ConflictEvent> events)
    {
        var result = new List<ConflictEvent>();
        foreach (var e in events)
        {
            if (e.Roles?.Definite == true && e.Factuality == Factuality.Asserted)
            {
                // "the attack killed 12": a re-mention of the latest violent event of the document.
                var j = result.FindLastIndex(r => r.Factuality == Factuality.Asserted && r.Territory is null && r.SubEventType is not (AcledSubEventType.Agreement or AcledSubEventType.PeacefulProtest or AcledSubEventType.Arrests));
                if (j >= 0)
                {
                    var r0 = result[j];
                    result[j] = r0 with
                    {
                        Sources = r0.Sources.AddRange(e.Sources),
                        Actor1 = Better(r0.Actor1, e.Actor1),
                        Actor2 = r0.Actor2 ?? e.Actor2,
                        Fatalities = r0.Fatalities ?? e.Fatalities,
                        Injured = r0.Injured ?? e.Injured,
                    };
                    continue;
                }
            }

            var i = result.FindIndex(r => Coreferent(r, e));
            if (i < 0)
            {
                result.Add(e);
                continue;
            }

            result[i] = Merge(result[i], e);
        }

        return result;
    }

    static bool Coreferent(ConflictEvent r, ConflictEvent e) =>
        r.Factuality == e.Factuality && (r.SubEventType == e.SubEventType || IsGeneric(e) || IsGeneric(r) || Bombing(r.SubEventType) && Bombing(e.SubEventType) && r.EventDate == e.EventDate)
        && (r.Territory is null) == (e.Territory is null)
        && SamePlace(r.Location, e.Location) && r.DateInterval.Overlaps(e.DateInterval)
        && (Fits(r.Actor1, e.Actor1) && Fits(r.Actor2, e.Actor2)
            || (r.Territory is null && (Fits(r.Actor1, e.Actor1)
                || (Fits(r.Actor2, e.Actor2) && !Opposed(r.Actor1, e.Actor1))
                || (r.SubEventType == e.SubEventType && r.Location?.PlaceId == e.Location?.PlaceId))));

    /// <summary>
    /// Two named perpetrators that are each other's enemies (one a state force, the other not) are two acts even when their
    /// victims agree: "regime bombardment on Eastern Ghouta" and "rebels fired rockets into Damascus" both kill civilians.
    /// </summary>
    static bool Opposed(ActorRef? a, ActorRef? b) =>
        a is not null && b is not null && a.Id != b.Id && a.Kind != ActorKind.Unidentified && b.Kind != ActorKind.Unidentified
        && IsState(a) != IsState(b);

    static bool IsState(ActorRef a) => a.Kind is ActorKind.StateForces or ActorKind.ExternalForce or ActorKind.Government;

    /// <summary>
    /// A suicide bombing and a "blast" or "car bomb" at the same place on the same day are one bombing, coded as the suicide bombing
    /// when any mention says a bomber died with the bomb (guideline §2).
    /// </summary>
    static bool Bombing(AcledSubEventType t) => t is AcledSubEventType.SuicideBomb or AcledSubEventType.RemoteExplosiveLandmineIed;

    /// <summary><paramref name="e"/> folded into <paramref name="r"/>: r's fields win, e fills what r lacks.</summary>
    static ConflictEvent Merge(ConflictEvent r, ConflictEvent e)
    {
        if (r.SubEventType == AcledSubEventType.RemoteExplosiveLandmineIed && e.SubEventType == AcledSubEventType.SuicideBomb)
        {
            r = r with { SubEventType = e.SubEventType, Plover = e.Plover, Cameo = e.Cameo };
        }

        if (IsGeneric(r) && !IsGeneric(e))
        {
            r = r with { SubEventType = e.SubEventType, Plover = e.Plover, Cameo = e.Cameo, Roles = e.Roles };
        }

        // A host placed only by the paragraph or the document ("Regime planes fired rockets on several parts of Douma") takes
        // the place a mention names for itself ("regime shelling on the town of Jisreen"), and a host dated only by the
        // publication takes the date a mention gives ("On Tuesday").
        if (r.Roles is { } rr && e.Roles is { } er && e.Location is not null && (r.Location is null || r.Location.Country == e.Location.Country)
            && rr.Place is RoleRule.ParagraphPlace or RoleRule.DocumentPlace or RoleRule.None && er.Place is RoleRule.LocativePhrase or RoleRule.CapturedPlace)
        {
            r = r with { Location = e.Location, Roles = rr with { Place = er.Place } };
        }

        if (r.Roles is { } rd && e.Roles is { } ed && rd.Date == RoleRule.PublicationDate && ed.Date == RoleRule.OwnDate && r.Territory is null)
        {
            r = r with { EventDate = e.EventDate, DateInterval = e.DateInterval, TimePrecision = e.TimePrecision, Roles = rd with { Date = ed.Date } };
        }

        return r with
        {
            Sources = r.Sources.AddRange(e.Sources),
            Actor1 = Better(r.Actor1, e.Actor1),
            Actor2 = Better(r.Actor2, e.Actor2),
            Fatalities = r.Fatalities ?? e.Fatalities,
            Injured = r.Injured ?? e.Injured,
            CivilianTargeting = r.CivilianTargeting || e.CivilianTargeting,
            ReportedBy = [.. r.ReportedBy.Concat(e.ReportedBy).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>Two different named towns or villages (geo precision 1 both) farther apart than this are two places (guideline §4).</summary>
    const double DistinctTownsKm = 5;

    static bool SamePlace(EventLocation? a, EventLocation? b) =>
        a is null || b is null ? a is null && b is null
        : a.PlaceId == b.PlaceId || EventMatcher.DistanceKm(a, b) <= (a.GeoPrecision == 1 && b.GeoPrecision == 1 ? DistinctTownsKm : 25)
          || (a.Country == b.Country && (a.GeoPrecision == 3 || b.GeoPrecision == 3) && (a.Admin1 is null || b.Admin1 is null || a.Admin1 == b.Admin1));

    /// <summary>Places a summary may share with its body event: the same admin1, within 60 km, or either unknown or country-wide.</summary>
    static bool LoosePlace(EventLocation? a, EventLocation? b) =>
        a is null || b is null || SamePlace(a, b) || EventMatcher.DistanceKm(a, b) <= 60
        || (a.Country == b.Country && (a.Admin1 is null || b.Admin1 is null || string.Equals(a.Admin1, b.Admin1, StringComparison.Ordinal)));

    static bool NearDates(ConflictEvent a, ConflictEvent b) =>
        a.DateInterval.Start.DayNumber - SummaryDateSlackDays <= b.DateInterval.End.DayNumber
        && b.DateInterval.Start.DayNumber - SummaryDateSlackDays <= a.DateInterval.End.DayNumber;

    /// <summary>A generic "attack(s)" or "killed" whose weapon is not stated: it may be the same as a typed event.</summary>
    static bool IsGeneric(ConflictEvent e) => e.Roles?.Class is TriggerClass.Attack or TriggerClass.Kill && e.Territory is null;

    static bool Fits(ActorRef? a, ActorRef? b) =>
        a is null || b is null || a.Id == b.Id || a.Kind == ActorKind.Unidentified || b.Kind == ActorKind.Unidentified;

    static ActorRef? Better(ActorRef? a, ActorRef? b) => a is null || a.Kind == ActorKind.Unidentified && b is not null ? b : a;
}

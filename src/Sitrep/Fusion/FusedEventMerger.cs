using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Temporal;

namespace Sitrep.Fusion;

/// <summary>
/// Merges the reports of one occurrence into a <see cref="FusedEvent"/>: the most reported type, the most
/// precise place, the narrowest common date interval, the lowest credible fatality figure plus the range,
/// every source, and the conflicting claims. The result depends only on the set of reports, not their order.
/// </summary>
public sealed class FusedEventMerger(ActorCompatibility actors)
{
    /// <summary>Default confidence of a report whose extractor gave none.</summary>
    public const double DefaultReportConfidence = 0.5;

    /// <summary>The stable id of a fused event whose smallest member report id is <paramref name="anchor"/>.</summary>
    public static EventId FusedId(EventId anchor)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(anchor.Value));
        return new EventId("F" + Convert.ToHexStringLower(hash)[..15]);
    }

    /// <summary>Merges <paramref name="reports"/> (at least one). <paramref name="sourceKey"/> maps a document to its independent-source key (near-duplicates share one).</summary>
    public FusedEvent Merge(IEnumerable<ConflictEvent> reports, Func<DocumentId, string>? sourceKey = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var all = reports.DistinctBy(r => r.Id).OrderBy(r => r.Id.Value, StringComparer.Ordinal).ToImmutableArray();
        if (all.IsEmpty)
        {
            throw new ArgumentException("At least one report is needed.", nameof(reports));
        }

        sourceKey ??= d => d.Value;
        var subType = all.GroupBy(r => r.SubEventType).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var representative = all.First(r => r.SubEventType == subType);
        var location = all.Where(r => r.Location is not null)
            .GroupBy(r => r.Location!.PlaceId.Length > 0 ? r.Location.PlaceId : PlaceNames.Key(r.Location.Name))
            .OrderBy(g => g.Min(r => r.Location!.GeoPrecision)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First().Location).FirstOrDefault();
        var (interval, date, precision) = MergeDates(all);
        var fatalities = all.Where(r => r.Fatalities is not null).Select(r => r.Fatalities!.Value).ToArray();
        var injured = all.Where(r => r.Injured is not null).Select(r => r.Injured!.Value).ToArray();

        var docsByGroup = all.SelectMany(r => r.Sources.Select(s => (Report: r, s.DocumentId)))
            .GroupBy(x => sourceKey(x.DocumentId), StringComparer.Ordinal).ToArray();
        var independent = Math.Max(1, docsByGroup.Length);
        var confidence = 1.0;
        if (docsByGroup.Length == 0)
        {
            confidence = 1 - all.Max(ReportConfidence);
        }

        foreach (var g in docsByGroup)
        {
            confidence *= 1 - g.Max(x => ReportConfidence(x.Report));
        }

        var sources = all.SelectMany(r => r.Sources)
            .DistinctBy(s => (s.DocumentId, s.Span))
            .OrderBy(s => s.Published ?? DateOnly.MaxValue).ThenBy(s => s.DocumentId.Value, StringComparer.Ordinal).ThenBy(s => s.Span.Start)
            .ToImmutableArray();

        var merged = representative with
        {
            Id = FusedId(all[0].Id),
            EventDate = date,
            TimePrecision = precision,
            DateInterval = interval,
            SubEventType = subType,
            Actor1 = PickActor(all.Select(r => r.Actor1)),
            Actor2 = PickActor(all.Select(r => r.Actor2)),
            AssocActor1 = [.. all.SelectMany(r => r.AssocActor1).DistinctBy(a => a.Id).OrderBy(a => a.Id, StringComparer.Ordinal)],
            AssocActor2 = [.. all.SelectMany(r => r.AssocActor2).DistinctBy(a => a.Id).OrderBy(a => a.Id, StringComparer.Ordinal)],
            CivilianTargeting = all.Count(r => r.CivilianTargeting) * 2 >= all.Length && all.Any(r => r.CivilianTargeting),
            Location = location,
            Fatalities = fatalities.Length > 0 ? fatalities.Min() : null,
            Injured = injured.Length > 0 ? injured.Min() : null,
            Territory = all.Where(r => r.Territory is not null).Select(r => r.Territory).FirstOrDefault(),
            ReportedBy = [.. all.SelectMany(r => r.ReportedBy).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            Sources = sources,
            Confidence = Math.Round(Math.Min(0.99, 1 - confidence), 3),
        };

        return new FusedEvent(
            merged.Id,
            merged,
            all,
            fatalities.Length > 0 ? fatalities.Min() : null,
            fatalities.Length > 0 ? fatalities.Max() : null,
            independent,
            Conflicts(all));
    }

    static double ReportConfidence(ConflictEvent r) => r.Confidence > 0 ? Math.Min(r.Confidence, 0.95) : DefaultReportConfidence;

    static (DateInterval Interval, DateOnly Date, TimePrecision Precision) MergeDates(ImmutableArray<ConflictEvent> all)
    {
        var precise = all.Where(r => r.DateInterval.End.DayNumber - r.DateInterval.Start.DayNumber <= 7).ToArray();
        var use = precise.Length > 0 ? precise : all.ToArray();
        var start = use.Max(r => r.DateInterval.Start);
        var end = use.Min(r => r.DateInterval.End);
        var interval = start <= end ? new DateInterval(start, end)
            : new DateInterval(use.Min(r => r.DateInterval.Start), use.Max(r => r.DateInterval.End));
        var date = use.GroupBy(r => r.EventDate).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        if (date < interval.Start || date > interval.End)
        {
            date = interval.Start;
        }

        var precision = use.Min(r => r.TimePrecision);
        return (interval, date, precision);
    }

    ActorRef? PickActor(IEnumerable<ActorRef?> candidates)
    {
        var present = candidates.OfType<ActorRef>().ToArray();
        if (present.Length == 0)
        {
            return null;
        }

        return present
            .GroupBy(a => ActorKey(a), StringComparer.Ordinal)
            .OrderBy(g => actors.IsGeneric(g.First()) ? 1 : 0).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().OrderBy(a => a.Id, StringComparer.Ordinal).First();
    }

    static string ActorKey(ActorRef a) => a.Id.Length > 0 ? a.Id.ToLowerInvariant() : PlaceNames.Key(a.Name);

    ImmutableArray<ClaimConflict> Conflicts(ImmutableArray<ConflictEvent> all)
    {
        var list = ImmutableArray.CreateBuilder<ClaimConflict>();
        AddConflict(list, "fatalities", all, r => r.Fatalities?.ToString(CultureInfo.InvariantCulture));
        AddConflict(list, "sub_event_type", all, r => AcledTaxonomy.Label(r.SubEventType));
        AddConflict(list, "territory_to", all, r => r.Territory?.To?.Name);
        AddActorConflict(list, "actor1", all, r => r.Actor1);
        AddActorConflict(list, "actor2", all, r => r.Actor2);
        return list.ToImmutable();
    }

    static void AddConflict(ImmutableArray<ClaimConflict>.Builder list, string field, ImmutableArray<ConflictEvent> all, Func<ConflictEvent, string?> value)
    {
        var claims = all.Select(r => (Report: r, Value: value(r))).Where(x => x.Value is not null)
            .GroupBy(x => x.Value!, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Claim(g.Key, [.. g.Select(x => x.Report.Id)], [.. g.SelectMany(x => x.Report.Sources.Select(s => s.DocumentId)).Distinct()]))
            .ToImmutableArray();
        if (claims.Length > 1)
        {
            list.Add(new ClaimConflict(field, claims));
        }
    }

    void AddActorConflict(ImmutableArray<ClaimConflict>.Builder list, string field, ImmutableArray<ConflictEvent> all, Func<ConflictEvent, ActorRef?> actor)
    {
        var named = all.Select(r => (Report: r, Actor: actor(r))).Where(x => x.Actor is not null && !actors.IsGeneric(x.Actor)).ToArray();
        // Only a real disagreement counts: parties that are not the same side (e.g. Russian vs Syrian jets).
        var sides = named.GroupBy(x => (x.Actor!.Kind, Country: x.Actor.Country?.ToUpperInvariant() ?? ActorKey(x.Actor))).ToArray();
        if (sides.Length < 2)
        {
            return;
        }

        var claims = named.GroupBy(x => x.Actor!.Name, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Claim(g.Key, [.. g.Select(x => x.Report.Id)], [.. g.SelectMany(x => x.Report.Sources.Select(s => s.DocumentId)).Distinct()]))
            .ToImmutableArray();
        list.Add(new ClaimConflict(field, claims));
    }
}

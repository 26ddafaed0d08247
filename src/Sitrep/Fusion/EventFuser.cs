using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>
/// Incremental, order-independent event fusion. Reports with a precise date (interval of at most
/// <see cref="FusionOptions.CoarseDays"/>) are linked when <see cref="FusionRule"/> says they describe the same
/// occurrence, and fused events are the connected components (so the result is the same for any ingest order).
/// A coarse report ("earlier this month") attaches to the component of the compatible precise report with the
/// smallest id — it never bridges two components; coarse reports with no such anchor are grouped with compatible
/// unanchored reports of the very same date interval.
/// <see cref="Add"/> touches only the components the new reports link to: no recomputation of the world.
/// Not thread-safe: one writer.
/// </summary>
public sealed class EventFuser
{
    readonly FusionRule _rule;
    readonly FusedEventMerger _merger;
    readonly Func<DocumentId, string>? _sourceKey;
    readonly Dictionary<EventId, ConflictEvent> _reports = [];
    readonly Dictionary<EventId, EventId> _parent = [];
    readonly Dictionary<int, List<EventId>> _byDay = [];
    readonly Dictionary<EventId, EventId?> _coarseAnchor = [];
    readonly Dictionary<EventId, SortedSet<string>> _membersByRoot = [];
    readonly List<EventId> _unplaced = [];
    readonly Dictionary<(DateOnly, DateOnly), List<EventId>> _coarseByInterval = [];

    /// <summary>Creates an empty fuser. <paramref name="sourceKey"/> maps documents to independent-source keys (see <see cref="NearDuplicateIndex"/>).</summary>
    public EventFuser(FusionRule rule, ActorCompatibility actors, Func<DocumentId, string>? sourceKey = null)
    {
        _rule = rule ?? throw new ArgumentNullException(nameof(rule));
        _merger = new FusedEventMerger(actors ?? throw new ArgumentNullException(nameof(actors)));
        _sourceKey = sourceKey;
    }

    /// <summary>A fuser with the shipped rule.</summary>
    public static EventFuser CreateDefault(Func<DocumentId, string>? sourceKey = null) =>
        new(FusionRule.Default, ActorCompatibility.Default, sourceKey);

    /// <summary>Number of reports held.</summary>
    public int ReportCount => _reports.Count;

    /// <summary>Adds reports (already-seen ids are ignored) and returns the fused events they created or changed.</summary>
    public ImmutableArray<FusedEvent> Add(IEnumerable<ConflictEvent> reports)
    {
        var touched = Ingest(reports);
        var roots = touched.Select(Root).ToHashSet();
        return [.. roots.Select(BuildComponent).OrderBy(f => f.Id.Value, StringComparer.Ordinal)];
    }

    /// <summary>Adds reports without building the changed fused events (bulk loading); returns how many were new.</summary>
    public int AddMany(IEnumerable<ConflictEvent> reports)
    {
        var before = _reports.Count;
        Ingest(reports);
        return _reports.Count - before;
    }

    HashSet<EventId> Ingest(IEnumerable<ConflictEvent> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var touched = new HashSet<EventId>();
        foreach (var r in reports)
        {
            if (!_reports.TryAdd(r.Id, r))
            {
                continue;
            }

            if (r.Location is null)
            {
                // The rule never links a report without a place: it stays a fused event of its own.
                _unplaced.Add(r.Id);
                touched.Add(r.Id);
            }
            else if (_rule.IsCoarse(r))
            {
                AddCoarse(r, touched);
            }
            else
            {
                AddPrecise(r, touched);
            }
        }

        return touched;
    }

    /// <summary>Every fused event, ordered by id.</summary>
    public ImmutableArray<FusedEvent> Snapshot()
    {
        var coarseByRoot = _coarseAnchor.Where(kv => kv.Value is not null)
            .GroupBy(kv => Root(kv.Value!.Value))
            .ToDictionary(g => g.Key, g => g.Select(kv => _reports[kv.Key]).ToArray());
        var roots = _parent.Keys.Select(Root).ToHashSet();
        var components = roots.Select(root => _merger.Merge(
            _membersByRoot[root].Select(m => _reports[new EventId(m)]).Concat(coarseByRoot.GetValueOrDefault(root) ?? []), _sourceKey));
        var done = new HashSet<EventId>();
        var coarseGroups = new List<FusedEvent>();
        foreach (var (id, anchor) in _coarseAnchor.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal))
        {
            if (anchor is null && !done.Contains(id))
            {
                var group = CoarseGroup(id);
                done.UnionWith(group);
                coarseGroups.Add(_merger.Merge(group.Select(g => _reports[g]), _sourceKey));
            }
        }

        var singles = _unplaced.Select(id => _merger.Merge([_reports[id]], _sourceKey));
        return [.. components.Concat(coarseGroups).Concat(singles).OrderBy(f => f.Id.Value, StringComparer.Ordinal)];
    }

    /// <summary>The fused event holding report <paramref name="reportId"/>, or null.</summary>
    public FusedEvent? Find(EventId reportId) => _reports.ContainsKey(reportId) ? BuildComponent(Root(reportId)) : null;

    void AddPrecise(ConflictEvent r, HashSet<EventId> touched)
    {
        _parent[r.Id] = r.Id;
        _membersByRoot[r.Id] = new SortedSet<string>(StringComparer.Ordinal) { r.Id.Value };
        foreach (var other in Candidates(r))
        {
            if (_rule.Same(r, _reports[other]))
            {
                Union(r.Id, other);
            }
        }

        foreach (var day in Days(r))
        {
            if (!_byDay.TryGetValue(day, out var list))
            {
                _byDay[day] = list = [];
            }

            list.Add(r.Id);
        }

        // Coarse reports may now have a better (smaller-id) anchor.
        foreach (var (coarseId, anchor) in _coarseAnchor.ToArray())
        {
            var c = _reports[coarseId];
            if ((anchor is null || string.CompareOrdinal(r.Id.Value, anchor.Value.Value) < 0) && _rule.Same(c, r))
            {
                if (anchor is { } old)
                {
                    touched.Add(old);
                }

                _coarseAnchor[coarseId] = r.Id;
            }
        }

        touched.Add(r.Id);
    }

    void AddCoarse(ConflictEvent c, HashSet<EventId> touched)
    {
        EventId? anchor = null;
        foreach (var other in Candidates(c))
        {
            if ((anchor is null || string.CompareOrdinal(other.Value, anchor.Value.Value) < 0) && _rule.Same(c, _reports[other]))
            {
                anchor = other;
            }
        }

        _coarseAnchor[c.Id] = anchor;
        var key = (c.DateInterval.Start, c.DateInterval.End);
        if (!_coarseByInterval.TryGetValue(key, out var bucket))
        {
            _coarseByInterval[key] = bucket = [];
        }

        bucket.Add(c.Id);
        touched.Add(anchor ?? c.Id);
    }

    // The unanchored coarse reports linked to c through reports with the very same date interval (e.g. two outlets
    // that both only say "this week", published the same day); computed from the current set, so order-independent.
    List<EventId> CoarseGroup(EventId c)
    {
        var r = _reports[c];
        var bucket = _coarseByInterval[(r.DateInterval.Start, r.DateInterval.End)];
        var group = new List<EventId> { c };
        var seen = new HashSet<EventId> { c };
        for (var i = 0; i < group.Count; i++)
        {
            foreach (var other in bucket)
            {
                if (_coarseAnchor[other] is null && !seen.Contains(other) && _rule.Same(_reports[group[i]], _reports[other]))
                {
                    seen.Add(other);
                    group.Add(other);
                }
            }
        }

        return group;
    }

    IEnumerable<EventId> Candidates(ConflictEvent r)
    {
        var seen = new HashSet<EventId>();
        foreach (var day in Days(r))
        {
            if (_byDay.TryGetValue(day, out var list))
            {
                foreach (var id in list)
                {
                    if (id != r.Id && seen.Add(id))
                    {
                        yield return id;
                    }
                }
            }
        }
    }

    IEnumerable<int> Days(ConflictEvent r)
    {
        var slack = _rule.Options.DateSlackDays;
        for (var d = r.DateInterval.Start.DayNumber - slack; d <= r.DateInterval.End.DayNumber + slack; d++)
        {
            yield return d;
        }
    }

    EventId Root(EventId id)
    {
        if (!_parent.TryGetValue(id, out var p))
        {
            return id; // a coarse report
        }

        while (p != id)
        {
            var gp = _parent[p];
            _parent[id] = gp;
            id = p;
            p = gp;
        }

        return id;
    }

    void Union(EventId a, EventId b)
    {
        var ra = Root(a);
        var rb = Root(b);
        if (ra == rb)
        {
            return;
        }

        // The smaller id becomes the root, so roots do not depend on insertion order.
        var (keep, drop) = string.CompareOrdinal(ra.Value, rb.Value) < 0 ? (ra, rb) : (rb, ra);
        _parent[drop] = keep;
        _membersByRoot[keep].UnionWith(_membersByRoot[drop]);
        _membersByRoot.Remove(drop);
    }

    FusedEvent BuildComponent(EventId root)
    {
        if (!_parent.ContainsKey(root))
        {
            return _coarseAnchor.TryGetValue(root, out var anchor) && anchor is null
                ? _merger.Merge(CoarseGroup(root).Select(g => _reports[g]), _sourceKey)
                : _merger.Merge([_reports[root]], _sourceKey);
        }

        var members = _membersByRoot[root];
        var coarse = _coarseAnchor.Where(kv => kv.Value is { } a && members.Contains(a.Value)).Select(kv => _reports[kv.Key]);
        return _merger.Merge(members.Select(m => _reports[new EventId(m)]).Concat(coarse), _sourceKey);
    }
}

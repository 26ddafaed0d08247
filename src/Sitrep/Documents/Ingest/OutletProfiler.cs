using System.Collections.Frozen;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// Finds an outlet's boilerplate within a batch: a line (trimmed, 3–300 characters) that occurs in at least
/// <see cref="MinDocuments"/> documents of the outlet and in at least <see cref="MinShare"/> of them. Outlets
/// with fewer than <see cref="MinDocuments"/> documents in the batch get no profile.
/// </summary>
public sealed class OutletProfiler
{
    /// <summary>Fewest documents of one outlet a line must occur in.</summary>
    public int MinDocuments { get; init; } = 3;

    /// <summary>Smallest share of the outlet's documents a line must occur in.</summary>
    public double MinShare { get; init; } = 0.2;

    /// <summary>One profile per outlet (key: outlet name, ordinal) with at least one recurring line.</summary>
    public IReadOnlyDictionary<string, OutletProfile> Profile(IEnumerable<PreparedDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var byOutlet = batch.Where(d => d.Outlet is not null).GroupBy(d => d.Outlet!, StringComparer.Ordinal);
        var result = new Dictionary<string, OutletProfile>(StringComparer.Ordinal);
        foreach (var group in byOutlet)
        {
            var docs = group.ToList();
            if (docs.Count < MinDocuments)
            {
                continue;
            }

            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var doc in docs)
            {
                foreach (var line in DistinctLines(doc.SourceText))
                {
                    counts[line] = counts.GetValueOrDefault(line) + 1;
                }
            }

            var threshold = Math.Max(MinDocuments, (int)Math.Ceiling(MinShare * docs.Count));
            var recurring = counts.Where(kv => kv.Value >= threshold).Select(kv => kv.Key).ToFrozenSet(StringComparer.Ordinal);
            if (recurring.Count > 0)
            {
                result[group.Key] = new OutletProfile(group.Key, recurring);
            }
        }

        return result;
    }

    static HashSet<string> DistinctLines(string text)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).Trim();
            if (line.Length is >= 3 and <= 300)
            {
                lines.Add(line.ToString());
            }
        }

        return lines;
    }
}

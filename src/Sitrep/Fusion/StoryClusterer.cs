using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Fusion;

/// <summary>An article as seen by story clustering: id, publication date, title and text.</summary>
public sealed record StoryDocument(DocumentId Id, DateOnly? Published, string? Title, string Text);

/// <summary>A developing story: articles about the same thing published close together.</summary>
/// <param name="Id">The smallest member document id.</param>
/// <param name="Documents">Members ordered by id.</param>
/// <param name="First">Earliest publication date, when known.</param>
/// <param name="Last">Latest publication date, when known.</param>
/// <param name="TopTerms">The most characteristic words of the story.</param>
public sealed record StoryCluster(DocumentId Id, ImmutableArray<DocumentId> Documents, DateOnly? First, DateOnly? Last, ImmutableArray<string> TopTerms);

/// <summary>
/// Story clustering: TF-IDF vectors (smoothed idf, 1 + ln((1+N)/(1+df))) over content words (title words counted twice), cosine similarity, and
/// single-link union of pairs at or above <paramref name="threshold"/> published within
/// <paramref name="windowDays"/> of each other. Near-duplicates always fall in one story.
/// </summary>
public sealed class StoryClusterer(double threshold = 0.35, int windowDays = 3)
{
    static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "was",
        "were", "are", "be", "been", "has", "have", "had", "it", "its", "that", "this", "said", "says", "he", "she",
        "they", "their", "his", "her", "we", "not", "but", "after", "over", "into", "which", "who", "also", "would",
        "will", "than", "more", "there", "about", "other", "s", "syria", "syrian", "al",
    };

    /// <summary>Clusters <paramref name="documents"/>; the result does not depend on their order.</summary>
    public ImmutableArray<StoryCluster> Cluster(IReadOnlyList<StoryDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var docs = documents.OrderBy(d => d.Id.Value, StringComparer.Ordinal).ToArray();
        var tfs = docs.Select(d =>
        {
            var tf = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var w in MinHasher.Words(d.Text).Concat(MinHasher.Words(d.Title ?? string.Empty)).Concat(MinHasher.Words(d.Title ?? string.Empty)))
            {
                if (w.Length > 2 && !Stop.Contains(w) && !w.All(char.IsDigit))
                {
                    tf[w] = tf.GetValueOrDefault(w) + 1;
                }
            }

            return tf;
        }).ToArray();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tf in tfs)
        {
            foreach (var w in tf.Keys)
            {
                df[w] = df.GetValueOrDefault(w) + 1;
            }
        }

        var vectors = tfs.Select(tf =>
        {
            var v = tf.ToDictionary(kv => kv.Key, kv => (1 + Math.Log(kv.Value)) * (1 + Math.Log((1.0 + docs.Length) / (1 + df[kv.Key]))), StringComparer.Ordinal);
            var norm = Math.Sqrt(v.Values.Sum(x => x * x));
            return norm > 0 ? v.ToDictionary(kv => kv.Key, kv => kv.Value / norm, StringComparer.Ordinal) : v;
        }).ToArray();

        var parent = Enumerable.Range(0, docs.Length).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        for (var i = 0; i < docs.Length; i++)
        {
            for (var j = i + 1; j < docs.Length; j++)
            {
                if (docs[i].Published is { } pi && docs[j].Published is { } pj && Math.Abs(pi.DayNumber - pj.DayNumber) > windowDays)
                {
                    continue;
                }

                if (Cosine(vectors[i], vectors[j]) >= threshold)
                {
                    var (ri, rj) = (Find(i), Find(j));
                    if (ri != rj)
                    {
                        parent[Math.Max(ri, rj)] = Math.Min(ri, rj);
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, docs.Length).GroupBy(Find).Select(g =>
        {
            var members = g.Select(i => docs[i]).ToArray();
            var dates = members.Where(m => m.Published is not null).Select(m => m.Published!.Value).ToArray();
            var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var i in g)
            {
                foreach (var (w, x) in vectors[i])
                {
                    centroid[w] = centroid.GetValueOrDefault(w) + x;
                }
            }

            return new StoryCluster(
                members[0].Id,
                [.. members.Select(m => m.Id)],
                dates.Length > 0 ? dates.Min() : null,
                dates.Length > 0 ? dates.Max() : null,
                [.. centroid.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(5).Select(kv => kv.Key)]);
        }).OrderBy(c => c.Id.Value, StringComparer.Ordinal)];
    }

    static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count)
        {
            (a, b) = (b, a);
        }

        var s = 0.0;
        foreach (var (w, x) in a)
        {
            if (b.TryGetValue(w, out var y))
            {
                s += x * y;
            }
        }

        return s;
    }
}

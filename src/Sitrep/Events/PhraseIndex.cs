using System.Collections.Immutable;

namespace Sitrep.Events;

/// <summary>A trie of phrases over <see cref="MatchUnit"/> keys; finds the longest phrase at a position.</summary>
internal sealed class PhraseIndex<T>
{
    sealed class Node
    {
        public Dictionary<string, Node> Next { get; } = new(StringComparer.Ordinal);
        public List<(T Value, ImmutableArray<string> Surface)> Values { get; } = [];
    }

    readonly Node _root = new();

    /// <summary>Adds <paramref name="phrase"/> for <paramref name="value"/>.</summary>
    public void Add(string phrase, T value)
    {
        var units = MatchUnit.OfPhrase(phrase);
        if (units.IsEmpty)
        {
            return;
        }

        var node = _root;
        foreach (var u in units)
        {
            if (!node.Next.TryGetValue(u.Key, out var next))
            {
                next = new Node();
                node.Next[u.Key] = next;
            }

            node = next;
        }

        var surface = units.Select(u => u.Surface).ToImmutableArray();
        if (!node.Values.Any(v => EqualityComparer<T>.Default.Equals(v.Value, value)))
        {
            node.Values.Add((value, surface));
        }
    }

    /// <summary>The longest phrase starting at unit <paramref name="start"/>: its values and its length in units.</summary>
    public (IReadOnlyList<T> Values, int Length) Longest(IReadOnlyList<MatchUnit> units, int start)
    {
        var node = _root;
        IReadOnlyList<T> best = [];
        var bestLen = 0;
        for (var i = start; i < units.Count; i++)
        {
            if (!node.Next.TryGetValue(units[i].Key, out var next))
            {
                break;
            }

            node = next;
            if (node.Values.Count > 0)
            {
                var len = i - start + 1;
                var fits = node.Values.Where(v => CaseFits(v.Surface, units, start)).Select(v => v.Value).ToList();
                if (fits.Count > 0)
                {
                    best = fits;
                    bestLen = len;
                }
            }
        }

        return (best, bestLen);
    }

    static bool CaseFits(ImmutableArray<string> surface, IReadOnlyList<MatchUnit> units, int start)
    {
        for (var k = 0; k < surface.Length; k++)
        {
            if (MatchUnit.IsAcronym(surface[k]) &&
                !string.Equals(surface[k].Replace("'", "", StringComparison.Ordinal), units[start + k].Surface.Replace("'", "", StringComparison.Ordinal), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

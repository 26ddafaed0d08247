using System.Text.RegularExpressions;

namespace Sitrep.Documents.Evaluation;

/// <summary>Per-document shingle overlap, normalised so that TP + FP + FN = 1 (0 for two empty texts).</summary>
public readonly record struct ShingleCounts(double TruePositive, double FalsePositive, double FalseNegative, bool ExactTokens);

/// <summary>Precision, recall, F1 and exact-token accuracy over a set of documents.</summary>
public sealed record ExtractionScore(string System, double Precision, double Recall, double F1, double Accuracy, int Documents)
{
    /// <summary>Upstream's confidence half-width of F1: 1.96 × the standard deviation over bootstrap resamples.</summary>
    public double F1Interval { get; init; }
}

/// <summary>
/// The ScrapingHub article-extraction-benchmark metric (upstream <c>evaluate.py</c>): tokens are <c>\w+</c>,
/// shingles are token 4-grams (a shorter text gives one shorter shingle), TP/FP/FN are multiset overlaps
/// normalised per document; precision and recall are means over documents; F1 is their harmonic mean.
/// </summary>
public static class ShingleMetric
{
    static readonly Regex s_token = new("\\w+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>Tokens of <paramref name="text"/> (<c>\w+</c>).</summary>
    public static List<string> Tokenize(string? text)
    {
        var list = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return list;
        }

        foreach (var m in s_token.EnumerateMatches(text))
        {
            list.Add(text.Substring(m.Index, m.Length));
        }

        return list;
    }

    /// <summary>Shingle counts of a prediction against the truth.</summary>
    public static ShingleCounts Score(string? truth, string? prediction, int n = 4)
    {
        var t = Tokenize(truth);
        var p = Tokenize(prediction);
        var ts = Shingles(t, n);
        var ps = Shingles(p, n);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (k, tc) in ts)
        {
            var pc = ps.GetValueOrDefault(k);
            tp += Math.Min(tc, pc);
            fn += Math.Max(0, tc - pc);
        }

        foreach (var (k, pc) in ps)
        {
            fp += Math.Max(0, pc - ts.GetValueOrDefault(k));
        }

        var s = tp + fp + fn;
        if (s > 0)
        {
            tp /= s;
            fp /= s;
            fn /= s;
        }

        return new ShingleCounts(tp, fp, fn, t.SequenceEqual(p, StringComparer.Ordinal));
    }

    /// <summary>Mean precision (over documents with TP + FP &gt; 0), mean recall (TP + FN &gt; 0), F1, accuracy.</summary>
    public static ExtractionScore Aggregate(string system, IReadOnlyList<ShingleCounts> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var precisions = docs.Where(d => d.TruePositive + d.FalsePositive > 0).Select(d => Precision(d)).ToList();
        var recalls = docs.Where(d => d.TruePositive + d.FalseNegative > 0).Select(d => Recall(d)).ToList();
        var p = precisions.Count == 0 ? 0 : precisions.Average();
        var r = recalls.Count == 0 ? 0 : recalls.Average();
        var f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        var acc = docs.Count == 0 ? 0 : docs.Count(d => d.ExactTokens) / (double)docs.Count;
        return new ExtractionScore(system, p, r, f1, acc, docs.Count);
    }

    /// <summary><see cref="Aggregate"/> plus upstream's bootstrap interval of F1 (seeded, so runs are repeatable).</summary>
    public static ExtractionScore AggregateWithInterval(string system, IReadOnlyList<ShingleCounts> docs, int resamples = 1000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var score = Aggregate(system, docs);
        if (docs.Count < 2)
        {
            return score;
        }

        var random = new Random(seed);
        var f1s = new double[resamples];
        var sample = new ShingleCounts[docs.Count];
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = docs[random.Next(docs.Count)];
            }

            f1s[b] = Aggregate(system, sample).F1;
        }

        var mean = f1s.Average();
        var sd = Math.Sqrt(f1s.Sum(x => (x - mean) * (x - mean)) / (resamples - 1));
        return score with { F1Interval = 1.96 * sd };
    }

    static double Precision(ShingleCounts d) =>
        d.FalsePositive == 0 && d.FalseNegative == 0 ? 1 : d.TruePositive + d.FalsePositive == 0 ? 0 : d.TruePositive / (d.TruePositive + d.FalsePositive);

    static double Recall(ShingleCounts d) =>
        d.FalsePositive == 0 && d.FalseNegative == 0 ? 1 : d.TruePositive + d.FalseNegative == 0 ? 0 : d.TruePositive / (d.TruePositive + d.FalseNegative);

    static Dictionary<string, int> Shingles(List<string> tokens, int n)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = Math.Max(1, tokens.Count - n + 1);
        for (var i = 0; i < count; i++)
        {
            var len = Math.Min(n, tokens.Count - i);
            if (len <= 0)
            {
                break;
            }

            var key = string.Join('\u0001', tokens.GetRange(i, len));
            d[key] = d.GetValueOrDefault(key) + 1;
        }

        return d;
    }
}

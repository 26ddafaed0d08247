using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Sitrep.Documents.Evaluation;

/// <summary>Our score and the peers' on the ScrapingHub benchmark, plus our trafilatura-eval-en result.</summary>
public sealed record ExtractionReport(
    IReadOnlyList<ExtractionScore> Ours,
    IReadOnlyList<ExtractionScore> Peers,
    SegmentScore? Trafilatura,
    IReadOnlyList<(string Id, double F1)> WorstDocuments);

/// <summary>trafilatura's evaluation: "with" segments found are TP, missing FN; "without" segments found FP, absent TN.</summary>
public sealed record SegmentScore(int TruePositives, int FalseNegatives, int FalsePositives, int TrueNegatives, int Documents)
{
    /// <summary>TP / (TP + FP).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : TruePositives / (double)(TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN).</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : TruePositives / (double)(TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>(TP + TN) / all segments.</summary>
    public double Accuracy => (TruePositives + TrueNegatives) / (double)Math.Max(1, TruePositives + FalseNegatives + FalsePositives + TrueNegatives);
}

/// <summary>
/// Runs the extraction benchmarks in <c>../shared/data/article-extraction</c> (layout in its README): the ScrapingHub
/// set (<c>ground-truth.json</c>, <c>html/&lt;id&gt;.html.gz</c>, <c>reference-outputs/*.json</c>) and
/// <c>trafilatura-eval-en/</c>.
/// </summary>
public sealed class ExtractionEvaluation(IMainTextExtractor extractor, ITextCleaner? cleaner)
{
    /// <summary>Scores our extractor (alone and followed by the cleaner) and every peer output, on at most <paramref name="limit"/> pages.</summary>
    public ExtractionReport Run(string dataDir, int? limit = null, bool trafilatura = true)
    {
        var truth = LoadBodies(Path.Combine(dataDir, "ground-truth.json"), out var urls);
        var ids = truth.Keys.OrderBy(k => k, StringComparer.Ordinal).Take(limit ?? int.MaxValue).ToList();
        var extracted = new List<ShingleCounts>();
        var cleaned = new List<ShingleCounts>();
        var perDoc = new List<(string, double)>();
        foreach (var id in ids)
        {
            var html = ReadMaybeGzip(Path.Combine(dataDir, "html", id + ".html.gz"));
            var page = extractor.Extract(html, urls.GetValueOrDefault(id));
            var s = ShingleMetric.Score(truth[id], page.MainText);
            extracted.Add(s);
            if (cleaner is not null)
            {
                cleaned.Add(ShingleMetric.Score(truth[id], cleaner.Clean(page.MainText).Text));
            }

            var p = s.TruePositive + s.FalsePositive == 0 ? 0 : s.TruePositive / (s.TruePositive + s.FalsePositive);
            var r = s.TruePositive + s.FalseNegative == 0 ? 0 : s.TruePositive / (s.TruePositive + s.FalseNegative);
            perDoc.Add((id, p + r == 0 ? 0 : 2 * p * r / (p + r)));
        }

        var ours = new List<ExtractionScore> { ShingleMetric.AggregateWithInterval("sitrep (extract)", extracted) };
        if (cleaner is not null)
        {
            ours.Add(ShingleMetric.AggregateWithInterval("sitrep (extract+clean)", cleaned));
        }

        var peers = new List<ExtractionScore>();
        var refDir = Path.Combine(dataDir, "reference-outputs");
        if (Directory.Exists(refDir))
        {
            foreach (var file in Directory.GetFiles(refDir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                var pred = LoadBodies(file, out _);
                var docs = ids.Select(id => ShingleMetric.Score(truth[id], pred.GetValueOrDefault(id, ""))).ToList();
                peers.Add(ShingleMetric.AggregateWithInterval(Path.GetFileNameWithoutExtension(file), docs));
            }
        }

        SegmentScore? traf = null;
        var trafDir = Path.Combine(dataDir, "trafilatura-eval-en");
        if (trafilatura && Directory.Exists(trafDir))
        {
            traf = RunSegments(trafDir, limit);
        }

        return new ExtractionReport(ours, [.. peers.OrderByDescending(p => p.F1)], traf,
            [.. perDoc.OrderBy(d => d.Item2).Take(15)]);
    }

    /// <summary>trafilatura-eval-en: segment presence in our main text (after cleaning when a cleaner is given).</summary>
    public SegmentScore RunSegments(string dir, int? limit = null)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "evaldata-en.json")));
        int tp = 0, fn = 0, fp = 0, tn = 0, docs = 0;
        foreach (var entry in json.RootElement.EnumerateObject().Take(limit ?? int.MaxValue))
        {
            var file = entry.Value.GetProperty("file").GetString()!;
            var path = Path.Combine(dir, "html", file + ".gz");
            if (!File.Exists(path))
            {
                path = Path.Combine(dir, "html", file);
                if (!File.Exists(path))
                {
                    continue;
                }
            }

            var page = extractor.Extract(ReadMaybeGzip(path), entry.Name);
            var text = cleaner is null ? page.MainText : cleaner.Clean(page.MainText).Text;
            var norm = Normalize(text);
            docs++;
            foreach (var seg in Segments(entry.Value, "with"))
            {
                if (norm.Contains(Normalize(seg), StringComparison.Ordinal))
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }

            foreach (var seg in Segments(entry.Value, "without"))
            {
                if (norm.Contains(Normalize(seg), StringComparison.Ordinal))
                {
                    fp++;
                }
                else
                {
                    tn++;
                }
            }
        }

        return new SegmentScore(tp, fn, fp, tn, docs);
    }

    static IEnumerable<string> Segments(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.GetString() ?? "").Where(s => s.Length > 0)
            : [];

    static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Reads a file, gunzipping it when it is gzip-compressed.</summary>
    public static string ReadMaybeGzip(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            bytes = ms.ToArray();
        }

        return Encoding.UTF8.GetString(bytes);
    }

    static Dictionary<string, string> LoadBodies(string path, out Dictionary<string, string> urls)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        if (root.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.Object)
        {
            root = output;
        }

        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            d[p.Name] = p.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() ?? "" : "";
            if (p.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String)
            {
                urls[p.Name] = u.GetString() ?? "";
            }
        }

        return d;
    }
}

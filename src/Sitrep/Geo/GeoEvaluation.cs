using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using Sitrep.Text;

namespace Sitrep.Geo;

/// <summary>A gold toponym of a benchmark: span, whether it counts for recognition, coordinates if any.</summary>
public sealed record GoldToponym(TextSpan Span, string Text, string Type, bool Counts, double? Latitude, double? Longitude);

/// <summary>A benchmark document: its text and gold toponyms.</summary>
public sealed record GoldDocument(string Id, string Text, ImmutableArray<GoldToponym> Toponyms);

/// <summary>Recognition scores (exact character spans).</summary>
public sealed record RecognitionScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Precision.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Recall.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>F1.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Resolution scores on gold toponyms: accuracy@161 km, mean and median error, AUC (lower is better).</summary>
public sealed record ResolutionScore(int Count, int Unresolved, double AccuracyAt161, double MeanKm, double MedianKm, double Auc);

/// <summary>Readers for GeoWebNews, LGL, TR-News and GeoVirus, and the metrics of Gritta et al. (2020).</summary>
public static class GeoEvaluation
{
    /// <summary>Earth's half circumference in km: the error given to a toponym that was not resolved.</summary>
    public const double MaxErrorKm = 20039;

    private static readonly HashSet<string> GwnExcluded = new(StringComparer.Ordinal) { "Non_Toponym", "Literal_Expression", "Non_Lit_Expression" };

    private static double? Num(XElement? e) =>
        e is not null && double.TryParse(e.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static int Int(XElement? e) => int.Parse(e!.Value.Trim(), CultureInfo.InvariantCulture);

    /// <summary>GeoWebNews (GWN.xml): all annotation types; <see cref="GoldToponym.Counts"/> is false for the three non-toponym types.</summary>
    public static ImmutableArray<GoldDocument> ReadGeoWebNews(string path)
    {
        var docs = ImmutableArray.CreateBuilder<GoldDocument>();
        foreach (var a in XDocument.Load(path).Root!.Elements("article"))
        {
            var text = a.Element("text")!.Value;
            var tops = ImmutableArray.CreateBuilder<GoldToponym>();
            foreach (var t in a.Element("toponyms")?.Elements("toponym") ?? [])
            {
                var type = t.Element("type")?.Value ?? "";
                var start = Int(t.Element("start"));
                var end = Int(t.Element("end"));
                tops.Add(new(TextSpan.FromBounds(start, end), t.Element("extractedName")?.Value ?? "", type, !GwnExcluded.Contains(type),
                    Num(t.Element("latitude")), Num(t.Element("longitude"))));
            }

            docs.Add(new(a.Attribute("file")?.Value ?? docs.Count.ToString(CultureInfo.InvariantCulture), text, tops.ToImmutable()));
        }

        return docs.ToImmutable();
    }

    /// <summary>LGL and TR-News (toponym/start/end/phrase/gaztag lat lon), with optional coordinate patches.</summary>
    public static ImmutableArray<GoldDocument> ReadLglFormat(string path, string? patches = null)
    {
        var fix = ReadPatches(patches);
        var docs = ImmutableArray.CreateBuilder<GoldDocument>();
        foreach (var a in XDocument.Load(path).Root!.Elements("article"))
        {
            var text = a.Element("text")!.Value;
            var tops = ImmutableArray.CreateBuilder<GoldToponym>();
            foreach (var t in a.Element("toponyms")?.Elements("toponym") ?? [])
            {
                var g = t.Element("gaztag");
                var phrase = t.Element("phrase")?.Value.Trim() ?? "";
                double? lat = Num(g?.Element("lat")), lon = Num(g?.Element("lon"));
                if (lat is { } la && lon is { } lo && fix.TryGetValue(Key(phrase, la, lo), out var p))
                {
                    (lat, lon) = p;
                }

                tops.Add(new(Align(text, Int(t.Element("start")), Int(t.Element("end")), phrase), phrase, "Literal", true, lat, lon));
            }

            docs.Add(new(a.Attribute("docid")?.Value ?? docs.Count.ToString(CultureInfo.InvariantCulture), text, tops.ToImmutable()));
        }

        return docs.ToImmutable();
    }

    /// <summary>GeoVirus (location/name/start/end/lat/lon), with optional coordinate patches.</summary>
    public static ImmutableArray<GoldDocument> ReadGeoVirus(string path, string? patches = null)
    {
        var fix = ReadPatches(patches);
        var docs = ImmutableArray.CreateBuilder<GoldDocument>();
        foreach (var a in XDocument.Load(path).Root!.Elements("article"))
        {
            var text = a.Element("text")!.Value;
            var tops = ImmutableArray.CreateBuilder<GoldToponym>();
            foreach (var t in a.Descendants("location"))
            {
                var name = t.Element("name")?.Value.Trim() ?? "";
                double? lat = Num(t.Element("lat")), lon = Num(t.Element("lon"));
                if (lat is { } la && lon is { } lo && fix.TryGetValue(Key(name, la, lo), out var p))
                {
                    (lat, lon) = p;
                }

                tops.Add(new(Align(text, Int(t.Element("start")), Int(t.Element("end")), name), name, "Literal", true, lat, lon));
            }

            docs.Add(new(a.Element("source")?.Value.Trim() ?? docs.Count.ToString(CultureInfo.InvariantCulture), text, tops.ToImmutable()));
        }

        return docs.ToImmutable();
    }

    /// <summary>Offsets of a gold name, moved to where the name really is when the file's offsets are shifted.</summary>
    internal static TextSpan Align(string text, int start, int end, string name)
    {
        if (name.Length == 0 || (end <= text.Length && start >= 0 && string.CompareOrdinal(text, start, name, 0, name.Length) == 0 && end - start == name.Length))
        {
            return TextSpan.FromBounds(start, end);
        }

        for (var d = 1; d <= 8; d++)
        {
            foreach (var s in new[] { start - d, start + d })
            {
                if (s >= 0 && s + name.Length <= text.Length && string.CompareOrdinal(text, s, name, 0, name.Length) == 0)
                {
                    return new TextSpan(s, name.Length);
                }
            }
        }

        return TextSpan.FromBounds(start, Math.Min(end, text.Length));
    }

    private static string Key(string name, double lat, double lon) =>
        string.Create(CultureInfo.InvariantCulture, $"{name.Trim()}|{Math.Round(lat, 2)}|{Math.Round(lon, 2)}");

    private static Dictionary<string, (double, double)> ReadPatches(string? path)
    {
        var d = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
        {
            return d;
        }

        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length < 3)
            {
                continue;
            }

            static (double, double)? Pair(string s)
            {
                var p = s.Split(',');
                return p.Length == 2
                    && double.TryParse(p[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                    && double.TryParse(p[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var b) ? (a, b) : null;
            }

            if (Pair(f[1]) is { } old && Pair(f[2]) is { } neu)
            {
                d[Key(f[0], old.Item1, old.Item2)] = neu;
            }
        }

        return d;
    }

    /// <summary>
    /// Recognition on exact spans, type-agnostic (MUC-7 strict as computed by Gritta et al. 2020 with bratutils:
    /// precision = correct / predicted, recall = correct / gold). Non_Toponym and the two expression types are
    /// removed from the gold before scoring, so a prediction on one of those spans is spurious; a prediction
    /// overlapping a gold span without matching it exactly counts once as spurious and leaves the gold missed.
    /// </summary>
    public static RecognitionScore ScoreRecognition(IEnumerable<(GoldDocument Doc, ImmutableArray<PlaceMention> Predicted)> runs)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (doc, pred) in runs)
        {
            var gold = doc.Toponyms.Where(t => t.Counts).Select(t => t.Span).ToHashSet();
            var predicted = pred.Select(p => p.Span).ToHashSet();
            foreach (var p in predicted)
            {
                if (gold.Contains(p))
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }

            fn += gold.Count(g => !predicted.Contains(g));
        }

        return new(tp, fp, fn);
    }

    /// <summary>Resolution metrics over per-toponym errors in km (unresolved = <see cref="MaxErrorKm"/>).</summary>
    public static ResolutionScore ScoreResolution(IReadOnlyList<double> errorsKm, int unresolved)
    {
        if (errorsKm.Count == 0)
        {
            return new(0, unresolved, 0, 0, 0, 0);
        }

        var e = errorsKm.OrderBy(x => x).ToArray();
        var acc = e.Count(x => x < 161) / (double)e.Length;
        var median = e.Length % 2 == 1 ? e[e.Length / 2] : (e[(e.Length / 2) - 1] + e[e.Length / 2]) / 2;
        var auc = 0.0;
        if (e.Length > 1)
        {
            for (var i = 0; i + 1 < e.Length; i++)
            {
                auc += (Math.Log(e[i] + 1) + Math.Log(e[i + 1] + 1)) / 2;
            }

            auc /= Math.Log(MaxErrorKm) * (e.Length - 1);
        }

        return new(e.Length, unresolved, acc, e.Average(), median, auc);
    }

    /// <summary>Resolves each gold toponym with coordinates and returns the errors in km.</summary>
    public static (List<double> Errors, int Unresolved) ResolutionErrors(Geoparser parser, IEnumerable<GoldDocument> docs, TextWriter? dump = null)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var errors = new List<double>();
        var unresolved = 0;
        foreach (var d in docs)
        {
            var gold = d.Toponyms.Where(t => t.Counts && t.Latitude is not null && t.Longitude is not null && t.Span.End <= d.Text.Length).ToList();
            if (gold.Count == 0)
            {
                continue;
            }

            var places = parser.ResolveSpans(d.Text, gold.Select(g => g.Span).ToList());
            for (var i = 0; i < gold.Count; i++)
            {
                if (places[i] is { } p)
                {
                    errors.Add(Geoparser.Haversine(gold[i].Latitude!.Value, gold[i].Longitude!.Value, p.Latitude, p.Longitude));
                    dump?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{errors[^1]:0}\t{gold[i].Text}\t{gold[i].Latitude:0.###},{gold[i].Longitude:0.###}\t{p.Name}\t{p.Id}\t{p.Latitude:0.###},{p.Longitude:0.###}\t{d.Id}"));
                }
                else
                {
                    errors.Add(MaxErrorKm);
                    unresolved++;
                    dump?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unresolved\t{gold[i].Text}\t{gold[i].Latitude:0.###},{gold[i].Longitude:0.###}\t\t\t\t{d.Id}"));
                }
            }
        }

        return (errors, unresolved);
    }
}

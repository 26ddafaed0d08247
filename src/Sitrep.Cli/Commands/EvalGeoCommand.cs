using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Geo;
using Sitrep.Text;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval geo</c>: recognition on GeoWebNews, resolution on LGL, TR-News, GeoWebNews, GeoVirus.</summary>
static class EvalGeoCommand
{
    public static Command Create()
    {
        var cmd = new Command("geo", "Geoparsing: recognition P/R/F1 (GeoWebNews) and resolution acc@161km, errors, AUC (LGL, TR-News, GeoWebNews, GeoVirus)");
        var data = new Option<string>("--data") { Description = "Folder of the geoparsing benchmarks", DefaultValueFactory = _ => Path.Combine(Gazetteer.Home(), "..", "shared", "data", "geoparsing") };
        var places = new Option<string[]>("--places") { Description = "Extra supplement file(s)", AllowMultipleArgumentsPerToken = true };
        var dump = new Option<string?>("--dump") { Description = "Folder to write per-toponym resolution errors (TSV per dataset) and recognition misses" };
        cmd.Options.Add(data);
        cmd.Options.Add(dump);
        cmd.Options.Add(places);
        var recognitionOnly = new Option<bool>("--recognition-only") { Description = "Score GeoWebNews recognition only (skip the resolution benchmarks)" };
        cmd.Options.Add(recognitionOnly);
        cmd.SetAction(r =>
        {
            var dir = r.GetValue(data)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"sitrep: benchmark folder not found: {dir}");
                return 1;
            }

            var parser = Geoparser.Create(new GeoparserOptions { PlacesFiles = [.. r.GetValue(places) ?? []] }, Console.Error);
            var ci = CultureInfo.InvariantCulture;

            var gwn = GeoEvaluation.ReadGeoWebNews(Path.Combine(dir, "GeoWebNews", "GWN.xml"));
            var splitter = new SentenceSplitter();
            var sentences = gwn.Select(d => splitter.Split(d.Text).Select((s, i) => new Sentence(i, s, [])).ToList()).ToList();
            _ = parser.Parse(gwn[0].Text, sentences[0]); // warm-up
            var sw = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var runs = gwn.Select((d, i) => (d, parser.Parse(d.Text, sentences[i]))).ToList();
            var seconds = sw.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            var nSentences = sentences.Sum(s => s.Count);
            var rec = GeoEvaluation.ScoreRecognition(runs);
            if (r.GetValue(dump) is { } dumpDir)
            {
                using var w = new StreamWriter(Path.Combine(Directory.CreateDirectory(dumpDir).FullName, "recognition.tsv"));
                foreach (var (d, pred) in runs)
                {
                    var gold = d.Toponyms.GroupBy(t => t.Span).ToDictionary(x => x.Key, x => x.FirstOrDefault(t => t.Counts) ?? x.First());
                    var predicted = pred.Select(p => p.Span).ToHashSet();
                    foreach (var p in pred)
                    {
                        w.WriteLine($"{(gold.TryGetValue(p.Span, out var g) && g.Counts ? "TP" : "FP")}\t{p.Text}\t{p.Role}\t{p.Place?.Id}\t{d.Id}\t{p.Span.Start}\t{p.Span.End}\t{(g is { Counts: false } ? g.Type : "")}");
                    }

                    foreach (var g in d.Toponyms.Where(t => t.Counts && !predicted.Contains(t.Span)))
                    {
                        w.WriteLine($"FN\t{g.Text}\t{g.Type}\t\t{d.Id}\t{g.Span.Start}\t{g.Span.End}\t");
                    }
                }
            }

            Console.WriteLine(string.Create(ci, $"Recognition, GeoWebNews ({gwn.Length} articles, {rec.TruePositives + rec.FalseNegatives} gold toponyms, exact spans)"));
            Console.WriteLine(string.Create(ci, $"  speed: {nSentences} sentences, one thread, {seconds:0.00} s wall / {cpuSeconds:0.00} s CPU = {nSentences / seconds:0} sentences/s wall, {nSentences / Math.Max(cpuSeconds, 1e-3):0} per CPU-second (recognition + resolution; target >= 5000/s/core)"));
            Console.WriteLine(string.Create(ci, $"  sitrep             P {rec.Precision:0.000}  R {rec.Recall:0.000}  F1 {rec.F1:0.000}   (floor F1 0.85)"));
            var half = runs.Count / 2;
            var dev = GeoEvaluation.ScoreRecognition(runs.Take(half));
            var held = GeoEvaluation.ScoreRecognition(runs.Skip(half));
            Console.WriteLine(string.Create(ci, $"    dev (articles 1-{half}, used for tuning)     P {dev.Precision:0.000}  R {dev.Recall:0.000}  F1 {dev.F1:0.000}"));
            Console.WriteLine(string.Create(ci, $"    held-out (articles {half + 1}-{runs.Count})          P {held.Precision:0.000}  R {held.Recall:0.000}  F1 {held.F1:0.000}"));
            Console.WriteLine("  Google Cloud NL    F1 0.832   (Gritta et al. 2020)");
            Console.WriteLine("  spaCy NER          F1 0.749   (Gritta et al. 2020)");
            Console.WriteLine();
            if (r.GetValue(recognitionOnly))
            {
                return 0;
            }

            var sets = new (string Name, Func<IReadOnlyList<GoldDocument>> Read, string Anchors)[]
            {
                ("LGL", () => GeoEvaluation.ReadLglFormat(Path.Combine(dir, "LGL", "lgl.xml"), Path.Combine(dir, "LGL", "lgl_patches_mlg.tsv")), "Mordecai 3 82.7; CamCoder 76; population baseline 70 (floor: beat Mordecai 3)"),
                ("TR-News", () => GeoEvaluation.ReadLglFormat(Path.Combine(dir, "TR-News", "TR-News.xml")), "Mordecai 3 87.3 (floor: beat Mordecai 3)"),
                ("GeoWebNews", () => gwn, "Mordecai 3 94.1"),
                ("GeoVirus", () => GeoEvaluation.ReadGeoVirus(Path.Combine(dir, "GeoVirus", "GeoVirus.xml"), Path.Combine(dir, "GeoVirus", "GeoVirus_patches_mlg.tsv")), "CamCoder 82"),
            };
            Console.WriteLine("Resolution on gold toponyms (acc@161km %, mean/median error km, AUC lower is better)");
            Console.WriteLine("  metric: every gold toponym span that carries coordinates is resolved from its gold span (recognition errors");
            Console.WriteLine("  excluded, as in Mordecai 3's 'given the place name' evaluation and Gritta et al. 2020); a span the gazetteer");
            Console.WriteLine("  cannot resolve counts as a miss with error 20,039 km. Gold without coordinates is not counted. Mordecai 3's");
            Console.WriteLine("  figures are on its held-out splits (LGL n=967, TR-News n=274, GWN n=474); sitrep's on all annotated toponyms.");
            Console.WriteLine("  dataset      n      acc@161   mean km  median km   AUC    unresolved | published acc@161");
            foreach (var (name, read, anchors) in sets)
            {
                sw.Restart();
                using var w = r.GetValue(dump) is { } dd ? new StreamWriter(Path.Combine(Directory.CreateDirectory(dd).FullName, name + ".tsv")) : null;
                var (errors, unresolved) = GeoEvaluation.ResolutionErrors(parser, read(), w);
                var s = GeoEvaluation.ScoreResolution(errors, unresolved);
                Console.WriteLine(string.Create(ci, $"  {name,-11} {s.Count,5}   {100 * s.AccuracyAt161,6:0.0}   {s.MeanKm,8:0}  {s.MedianKm,8:0.0}   {s.Auc:0.000}  {s.Unresolved,6}     | {anchors}  [{sw.Elapsed.TotalSeconds:0.0} s]"));
            }

            return 0;
        });
        return cmd;
    }
}

using System.CommandLine;
using System.Globalization;
using Sitrep.Documents.Cleaning;
using Sitrep.Documents.Evaluation;
using Sitrep.Documents.Html;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval extraction</c>: main-text extraction on the ScrapingHub benchmark and trafilatura-eval-en.</summary>
static class EvalExtractionCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "Folder of the article-extraction benchmark (ground-truth.json, html/, reference-outputs/)",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "article-extraction"),
        };
        var limit = new Option<int?>("--limit") { Description = "Score only the first N pages" };
        var worst = new Option<bool>("--worst") { Description = "List the pages we score worst on" };
        var cmd = new Command("extraction", "Score the HTML main-text extractor (shingle P/R/F1) beside the peers' outputs") { data, limit, worst };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(data)!;
            if (!File.Exists(Path.Combine(dir, "ground-truth.json")))
            {
                Console.Error.WriteLine($"sitrep: {dir}: no ground-truth.json (pass --data)");
                return 2;
            }

            var eval = new ExtractionEvaluation(new HtmlMainTextExtractor(), new BoilerplateCleaner());
            var report = eval.Run(dir, parse.GetValue(limit));
            var ci = CultureInfo.InvariantCulture;
            Console.WriteLine($"ScrapingHub article-extraction-benchmark ({report.Ours[0].Documents} pages; 4-gram shingles, mean per page)");
            Console.WriteLine($"{"system",-24} {"precision",9} {"recall",7} {"F1",6} {"± (95%)",8} {"accuracy",8}");
            foreach (var s in report.Ours.Concat(report.Peers))
            {
                Console.WriteLine(string.Format(ci, "{0,-24} {1,9:F3} {2,7:F3} {3,6:F3} {4,8:F3} {5,8:F3}", s.System, s.Precision, s.Recall, s.F1, s.F1Interval, s.Accuracy));
            }

            if (report.Trafilatura is { } t)
            {
                Console.WriteLine();
                Console.WriteLine(string.Format(ci,
                    "trafilatura-eval-en ({0} pages; {1} with / {2} without segments): precision {3:F3} recall {4:F3} F1 {5:F3} accuracy {6:F3}",
                    t.Documents, t.TruePositives + t.FalseNegatives, t.FalsePositives + t.TrueNegatives, t.Precision, t.Recall, t.F1, t.Accuracy));
            }

            if (parse.GetValue(worst))
            {
                Console.WriteLine();
                foreach (var (id, f1) in report.WorstDocuments)
                {
                    Console.WriteLine(string.Format(ci, "{0:F3} {1}", f1, id));
                }
            }

            return 0;
        });
        return cmd;
    }
}

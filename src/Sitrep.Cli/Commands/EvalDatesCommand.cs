using System.CommandLine;
using System.Globalization;
using Sitrep.Documents.Dates;
using Sitrep.Documents.Evaluation;
using Sitrep.Documents.Html;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval dates</c>: publication-date day accuracy on htmldate's English subset.</summary>
static class EvalDatesCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "Folder of htmldate's English subset (dates-en.json, html/)",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "article-extraction", "htmldate-eval-en"),
        };
        var limit = new Option<int?>("--limit") { Description = "Score only the first N pages" };
        var errors = new Option<bool>("--errors") { Description = "List the pages we date wrongly or not at all" };
        var corpus = new Option<string>("--corpus")
        {
            Description = "A CSV news corpus whose text datelines are compared with its date column",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "corpora", "fakes-dev.csv"),
        };
        var cmd = new Command("dates", "Score publication dates (metadata, dateline, in-page heuristics) beside htmldate") { data, limit, errors, corpus };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(data)!;
            if (!File.Exists(Path.Combine(dir, "dates-en.json")))
            {
                Console.Error.WriteLine($"sitrep: {dir}: no dates-en.json (pass --data)");
                return 2;
            }

            var report = new DateEvaluation(new HtmlMainTextExtractor(), new PublicationDateResolver()).Run(dir, parse.GetValue(limit));
            var ci = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Format(ci, "htmldate-eval-en ({0} pages): day accuracy {1:F3} ({2} right, {3} wrong, {4} undated)",
                report.Pages, report.Accuracy, report.Correct, report.Wrong, report.Missing));
            Console.WriteLine("  htmldate published figure: accuracy 0.903 (extensive mode), on its full evaluation set");
            foreach (var (source, (c, t)) in report.BySource.OrderBy(kv => kv.Key))
            {
                Console.WriteLine(string.Format(ci, "  {0,-12} {1,4}/{2,-4} correct", source, c, t));
            }

            var csv = parse.GetValue(corpus);
            if (csv is not null && File.Exists(csv))
            {
                var d = new DatelineCorpusEvaluation(new DatelineDateFinder(), new Sitrep.Documents.Cleaning.BoilerplateCleaner()).Run(csv);
                Console.WriteLine(string.Format(ci, "{0} ({1} texts): dateline found in {2} ({3:F3}); agrees with the corpus date column in {4} ({5:F3})",
                    Path.GetFileName(csv), d.Documents, d.Found, d.Coverage, d.Agree, d.Agreement));
            }

            if (parse.GetValue(errors))
            {
                foreach (var (url, gold, ours, source) in report.Errors)
                {
                    Console.WriteLine($"  gold {gold} ours {ours ?? "-",-10} {source?.ToString() ?? "",-11} {url}");
                }
            }

            return 0;
        });
        return cmd;
    }
}

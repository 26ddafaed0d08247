using System.CommandLine;
using System.Globalization;
using Sitrep.Temporal;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval dates-specs</c>: the Recognizers-Text English DateTime specs in news mode, beside chrono-node and Recognizers (JS).</summary>
static class EvalDatesSpecsCommand
{
    public static Command Create()
    {
        var specs = new Option<string>("--specs")
        {
            Description = "Folder with the Recognizers-Text spec files (English/, EnglishOthers/)",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "dates", "recognizers-text-specs"),
        };
        var theirs = new Option<string>("--theirs")
        {
            Description = "Per-file results of chrono-node and Recognizers (JS), written by tools/dates-compare",
            DefaultValueFactory = _ => Path.Combine(Environment.GetEnvironmentVariable("SITREP_HOME") ?? ".", "tools", "dates-compare", "results.json"),
        };
        var cmd = new Command("dates-specs", "Pass rate per English Recognizers-Text DateTime spec file (news mode, past resolution)") { specs, theirs };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(specs)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"sitrep: spec folder not found: {dir}");
                return 1;
            }

            var ours = DateSpecsEvaluation.Run(dir, new TemporalTagger());
            var others = DateSpecsEvaluation.ReadOthers(parse.GetValue(theirs)!);
            var names = others.Keys.Order(StringComparer.Ordinal).ToList();
            static string Rate(int passed, int cases) => cases == 0 ? "    -" : (passed / (double)cases).ToString("0.000", CultureInfo.InvariantCulture);

            Console.WriteLine("Pass rate per file (all cases | cases whose expected results are dates/date ranges); news mode, past resolution.");
            var header = $"{"file",-48} {"cases",5}  {"sitrep",13}";
            foreach (var n in names)
            {
                header += $"  {n,17}";
            }

            Console.WriteLine(header);
            int tc = 0, tp = 0, tdc = 0, tdp = 0;
            var otherTotals = names.ToDictionary(n => n, _ => (P: 0, DP: 0), StringComparer.Ordinal);
            foreach (var s in ours)
            {
                var line = $"{s.File,-48} {s.Cases,5}  {Rate(s.Passed, s.Cases)} | {Rate(s.DatePassed, s.DateCases)}";
                foreach (var n in names)
                {
                    if (others[n].TryGetValue(s.File, out var o))
                    {
                        line += $"    {Rate(o.Passed, o.Cases)} | {Rate(o.DatePassed, o.DateCases)}";
                        otherTotals[n] = (otherTotals[n].P + o.Passed, otherTotals[n].DP + o.DatePassed);
                    }
                    else
                    {
                        line += $"    {"-",5} | {"-",5}";
                    }
                }

                Console.WriteLine(line);
                tc += s.Cases;
                tp += s.Passed;
                tdc += s.DateCases;
                tdp += s.DatePassed;
            }

            var total = $"{"all files",-48} {tc,5}  {Rate(tp, tc)} | {Rate(tdp, tdc)}";
            foreach (var n in names)
            {
                total += $"    {Rate(otherTotals[n].P, tc)} | {Rate(otherTotals[n].DP, tdc)}";
            }

            Console.WriteLine(total);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"date-scope cases: {tdc} of {tc}"));
            if (names.Count == 0)
            {
                Console.WriteLine("(no tools/dates-compare/results.json: run `npm ci && node compare.js` in tools/dates-compare to add chrono-node and Recognizers)");
            }

            return 0;
        });
        return cmd;
    }
}

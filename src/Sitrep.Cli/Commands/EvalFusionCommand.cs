using System.CommandLine;
using System.Globalization;
using Sitrep.Fusion;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval fusion [--pairs FILE]</c>: pairwise precision/recall of the merge decision on hand-labelled pairs.</summary>
static class EvalFusionCommand
{
    public static Command Create()
    {
        var pairs = new Option<string?>("--pairs") { Description = "Gold pairs JSONL (default: tests/gold/fusion/pairs.jsonl under SITREP_HOME)" };
        var verbose = new Option<bool>("--errors") { Description = "List the pairs decided wrongly" };
        var cmd = new Command("fusion", "Pairwise precision/recall of event fusion on labelled same/different report pairs") { pairs, verbose };
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(pairs) ?? (SitrepHome.Find() is { } home ? Path.Combine(home, "tests", "gold", "fusion", "pairs.jsonl") : null);
            if (path is null || !File.Exists(path))
            {
                Console.Error.WriteLine($"sitrep: pairs file not found: {path ?? "(no SITREP_HOME)"}");
                return 2;
            }

            var gold = FusionPairs.Load(path);
            var score = FusionPairs.Score(gold, FusionRule.Default, ActorCompatibility.Default);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"pairs {gold.Length} (same {gold.Count(p => p.Same)}, different {gold.Count(p => !p.Same)}) from {path}"));
            Console.WriteLine(string.Create(inv, $"tp {score.TruePositives}  fp {score.FalsePositives}  fn {score.FalseNegatives}  tn {score.TrueNegatives}"));
            Console.WriteLine(string.Create(inv, $"merge precision {score.Precision:0.000}  recall {score.Recall:0.000}  (floor 0.90 each)"));
            if (parse.GetValue(verbose))
            {
                foreach (var (p, predicted, reason) in score.Errors)
                {
                    Console.WriteLine(string.Create(inv, $"  {p.Id}: gold {(p.Same ? "same" : "different")}, fused {(predicted ? "same" : "different")} ({reason}); {p.Reason}"));
                }
            }

            return 0;
        });
        return cmd;
    }
}

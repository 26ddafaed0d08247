using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Events;
using Sitrep.Text;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval plover</c>: PLOVER event-type accuracy on the PLOVER gold-standard records (v0.5 labels mapped to PLOVER 2021).</summary>
static class EvalPloverCommand
{
    /// <summary>PLOVER v0.5b1 labels that PLOVER 2021 renamed or merged.</summary>
    internal static string Current(string label) => label switch
    {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" or "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        _ => label,
    };

    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Folder with PLOVER_GSR_CAMEO.txt", DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "events", "plover-gsr") };
        var cmd = new Command("plover", "PLOVER type accuracy of the trigger lexicon on the PLOVER gold-standard sentences") { dir };
        cmd.SetAction(parse =>
        {
            var path = Path.Combine(parse.GetValue(dir)!, "PLOVER_GSR_CAMEO.txt");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"sitrep: not found: {path}");
                return 1;
            }

            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var extractor = Pipeline.EventStages.Extractor();
            var tokenizer = new Tokenizer(TextLexicon.Load());
            int total = 0, coded = 0, right = 0;
            var perType = new SortedDictionary<string, (int Gold, int Right)>(StringComparer.Ordinal);
            foreach (var r in json.RootElement.EnumerateArray())
            {
                var gold = r.GetProperty("event").GetString()!;
                if (gold == "DOCUMENT" || !r.TryGetProperty("text", out var t))
                {
                    continue;
                }

                var text = t.GetString()!;
                var g = Current(gold);
                total++;
                var tokens = tokenizer.Tokenize(text, new TextSpan(0, text.Length));
                var code = extractor.CodePlover(tokens);
                var ok = code is { } c && Current(c.Plover.Type) == g;
                coded += code is null ? 0 : 1;
                right += ok ? 1 : 0;
                var (pg, pr) = perType.GetValueOrDefault(g);
                perType[g] = (pg + 1, pr + (ok ? 1 : 0));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PLOVER GSR: {total} sentences, {coded} coded ({(double)coded / total:0.000}), type accuracy {(double)right / total:0.000} (over coded {(coded == 0 ? 0 : (double)right / coded):0.000})"));
            foreach (var (type, (n, ok)) in perType)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type,-12} {n,4}  {(double)ok / n:0.000}"));
            }

            return 0;
        });
        return cmd;
    }
}

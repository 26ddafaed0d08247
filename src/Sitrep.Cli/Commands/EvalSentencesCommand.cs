using System.CommandLine;
using System.Globalization;
using Sitrep.Text;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval sentences</c>: sentence-boundary and tokenisation F1 against the UD dev sets.</summary>
static class EvalSentencesCommand
{
    public static Command Create()
    {
        var treebanks = new Option<string>("--treebanks")
        {
            Description = "Folder with the UD English CoNLL-U files",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "treebanks"),
        };
        var cmd = new Command("sentences", "Sentence boundary F1 and tokenisation F1 on UD EWT/GUM dev (GUM news separately)") { treebanks };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(treebanks)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"sitrep: treebank folder not found: {dir}");
                return 1;
            }

            var lexicon = TextLexicon.Load();
            var scores = SegmentationEvaluation.ScoreTreebanks(dir, new SentenceSplitter(lexicon), new Tokenizer(lexicon));
            if (scores.Count == 0)
            {
                Console.Error.WriteLine($"sitrep: no en_ewt/en_gum CoNLL-U files in {dir}");
                return 1;
            }

            Console.WriteLine("set                    docs  boundaries P/R/F1       sentences F1  tokens F1  words F1");
            foreach (var s in scores)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{s.Name,-22} {s.Documents,4}  {s.Boundaries.Precision:0.000}/{s.Boundaries.Recall:0.000}/{s.Boundaries.F1:0.000}  {s.Sentences.F1,12:0.000}  {s.Tokens.F1,9:0.000}  {s.Words.F1,8:0.000}"));
            }

            return 0;
        });
        return cmd;
    }
}

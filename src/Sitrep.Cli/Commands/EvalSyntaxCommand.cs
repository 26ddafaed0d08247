using System.CommandLine;
using Sitrep.Syntax;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval syntax</c>: tagger, lemmatiser, parser and recogniser against the treebanks' test sets.</summary>
static class EvalSyntaxCommand
{
    public static Command Create()
    {
        var treebanks = new Option<DirectoryInfo>("--treebanks")
        {
            Description = "Folder with the UD English EWT/GUM CoNLL-U files and the Universal NER IOB2 files",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "treebanks")),
        };
        var model = new Option<FileInfo?>("--model") { Description = "Model file (default: the shipped data/syntax/en-syntax.bin)" };
        var errors = new Option<FileInfo?>("--entity-errors") { Description = "Write the recogniser's mismatching sentences to this file" };
        var namesOnly = new Option<bool>("--names-only") { Description = "Only the name recogniser on Universal NER EWT test" };
        var perSentence = new Option<bool>("--names-per-sentence")
        {
            Description = "Recognise names in each sentence alone (as Parse does), not in its document (two-pass recognisers only differ)",
        };
        var dev = new Option<bool>("--dev") { Description = "Only tagger/parser on EWT dev and GUM dev, gold tokens (for comparing --no-dev models)" };
        var parses = new Option<DirectoryInfo?>("--parses") { Description = "Write the predicted gold-token analyses of each set to this folder as CoNLL-U" };
        var cmd = new Command("syntax", "UPOS/XPOS/lemma/UAS/LAS on EWT and GUM test (gold and raw-text tokenisation), NER P/R/F1 on Universal NER EWT test")
        {
            treebanks, model, errors, namesOnly, dev, perSentence, parses,
        };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(treebanks)!;
            if (!dir.Exists)
            {
                Console.Error.WriteLine($"sitrep: treebank folder {dir.FullName} not found");
                return 2;
            }

            var file = parse.GetValue(model);
            var parser = file is null ? SyntaxParser.LoadDefault() : SyntaxParser.Load(file.FullName);
            var errorFile = parse.GetValue(errors);
            using var errorWriter = errorFile is null ? null : new StreamWriter(errorFile.FullName);
            var parsesDir = parse.GetValue(parses);
            parsesDir?.Create();
            if (parse.GetValue(dev))
            {
                SyntaxEvaluator.RunDev(parser, dir.FullName, Console.Out, parsesDir?.FullName);
                return 0;
            }

            if (parse.GetValue(namesOnly))
            {
                var e = SyntaxEvaluator.Entities(parser, Path.Combine(dir.FullName, "uner_en_ewt-test.iob2"), errorWriter, parse.GetValue(perSentence));
                Console.WriteLine(System.FormattableString.Invariant(
                    $"NER, Universal NER EWT test (exact span+type): P {e.Precision:F3}  R {e.Recall:F3}  F1 {e.F1:F3}  (gold {e.Gold}, predicted {e.Predicted}, correct {e.Correct})"));
                return 0;
            }

            SyntaxEvaluator.Run(parser, dir.FullName, Console.Out, errorWriter, parsesDir?.FullName);
            return 0;
        });
        return cmd;
    }
}

using System.CommandLine;
using Sitrep.Syntax;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train ...</c>: reproduces the project's trained models from public data; one subcommand per model.</summary>
static class TrainCommand
{
    public static Command Create()
    {
        var cmd = new Command("train", "Train the project's models from public data (needs ../shared or the data folders)");
        cmd.Subcommands.Add(Syntax());
        return cmd;
    }

    static Command Syntax()
    {
        var treebanks = new Option<DirectoryInfo>("--treebanks")
        {
            Description = "Folder with the UD English EWT/GUM CoNLL-U files and the Universal NER IOB2 files",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "treebanks")),
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Model file to write",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "syntax", "en-syntax.bin")),
        };
        var parserEpochs = new Option<int>("--parser-epochs") { Description = "Parser passes", DefaultValueFactory = _ => 15 };
        var taggerEpochs = new Option<int>("--tagger-epochs") { Description = "Tagger passes", DefaultValueFactory = _ => 8 };
        var folds = new Option<int>("--jackknife") { Description = "Jackknife folds for the parser's training tags (0 = none)", DefaultValueFactory = _ => 4 };
        var noUner = new Option<bool>("--no-uner-dev") { Description = "Train the recogniser on GUM only (not also on Universal NER EWT dev)" };
        var noDev = new Option<bool>("--no-dev") { Description = "Train on the train sets only (not also on EWT dev and GUM dev)" };
        var pruning = new Option<float>("--parser-pruning") { Description = "Drop averaged parser weights below this magnitude", DefaultValueFactory = _ => 1f };
        var nerEpochs = new Option<int>("--recognizer-epochs") { Description = "Recogniser passes (0 with --rebuild-from: keep the old one)", DefaultValueFactory = _ => 10 };
        var nerOnly = new Option<FileInfo?>("--rebuild-from") { Description = "Keep this model's tagger and parser (re-pruned); retrain the lemmatiser and the name recogniser" };
        var retrainParser = new Option<bool>("--retrain-parser") { Description = "With --rebuild-from: keep only the tagger, retrain the parser too (parser experiments)" };
        var onePass = new Option<bool>("--one-pass-tagger") { Description = "No second tagger pass (the second pass sees the first pass's tags of the next words)" };
        var reportDev = new Option<bool>("--report-dev") { Description = "Print EWT dev UAS/LAS after each parser epoch (use with --no-dev)" };
        var beam = new Option<int>("--parser-beam") { Description = "Beam width of the parser's global training phase", DefaultValueFactory = _ => 1 };
        var beamEpochs = new Option<int>("--parser-beam-epochs")
        {
            Description = "Passes of beam search with max-violation updates after the greedy passes (0 = greedy parser)", DefaultValueFactory = _ => 0,
        };
        var decodeBeam = new Option<int>("--parser-decode-beam")
        {
            Description = "Beam width the written parser decodes with (0 = the training width; with --rebuild-from: keep the model's)", DefaultValueFactory = _ => 0,
        };
        var nerBeam = new Option<int>("--recognizer-beam")
        {
            Description = "Beam width of the name recogniser (structured training with max-violation updates, and decoding; 1 = greedy)", DefaultValueFactory = _ => 8,
        };
        var nerOnePass = new Option<bool>("--recognizer-one-pass")
        {
            Description = "No second recogniser pass (the second pass reads the first pass's labels of each word's other occurrences in the document)",
        };
        var unerWeight = new Option<int>("--recognizer-uner-weight")
        {
            Description = "Copies of each Universal NER dev sentence in the recogniser's training data", DefaultValueFactory = _ => 2,
        };
        var parserFrom = new Option<FileInfo[]>("--parser-from")
        {
            Description = "With --rebuild-from: take the parser (re-pruned) from this model file instead, keeping the rebuilt model's tagger and recogniser; given several times: the parsers' weights averaged",
        };
        var noClusters = new Option<bool>("--no-clusters") { Description = "Do not learn word clusters from unlabeled text (no cluster features)" };
        var clustersFrom = new Option<FileInfo?>("--clusters-from") { Description = "Take the word clusters from this model file instead of learning them" };
        var tagMargin = new Option<float>("--parser-tag-margin")
        {
            Description = "The parser also reads a word's runner-up tag when the tagger's score margin is below this (0 = best tags only)", DefaultValueFactory = _ => 0f,
        };
        var attachment = new Option<float>("--attachment-threshold")
        {
            Description = "Overturn the parser's attachment of a PP after a verb's object when the treebank counts give the other site at least this probability (0 = never)",
            DefaultValueFactory = _ => 0.6f,
        };
        var seed = new Option<int>("--seed") { Description = "Shuffling seed of the tagger and parser training", DefaultValueFactory = _ => 1 };
        var cmd = new Command("syntax", "Train the tagger, lemmatiser, parser and name recogniser into one model file")
        {
            treebanks, output, parserEpochs, taggerEpochs, folds, noUner, nerOnly, pruning, nerEpochs, noDev, retrainParser, onePass, reportDev,
            seed, beam, beamEpochs, decodeBeam, parserFrom, nerBeam, nerOnePass, unerWeight, noClusters, clustersFrom, tagMargin, attachment,
        };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(treebanks)!;
            if (!dir.Exists)
            {
                Console.Error.WriteLine($"sitrep: treebank folder {dir.FullName} not found");
                return 2;
            }

            var options = new SyntaxTrainingOptions(dir.FullName, parse.GetValue(output)!.FullName)
            {
                ParserEpochs = parse.GetValue(parserEpochs),
                TaggerEpochs = parse.GetValue(taggerEpochs),
                JackknifeFolds = parse.GetValue(folds),
                UseUnerDev = !parse.GetValue(noUner),
                RebuildFrom = parse.GetValue(nerOnly)?.FullName,
                ParserPruning = parse.GetValue(pruning),
                RecognizerEpochs = parse.GetValue(nerEpochs),
                UseDevSets = !parse.GetValue(noDev),
                RetrainParser = parse.GetValue(retrainParser),
                TwoPassTagger = !parse.GetValue(onePass),
                ReportDev = parse.GetValue(reportDev),
                ParserBeam = parse.GetValue(beam),
                ParserBeamEpochs = parse.GetValue(beamEpochs),
                ParserDecodeBeam = parse.GetValue(decodeBeam),
                RecognizerBeam = Math.Max(1, parse.GetValue(nerBeam)),
                RecognizerTwoPass = !parse.GetValue(nerOnePass),
                RecognizerUnerWeight = Math.Max(0, parse.GetValue(unerWeight)),
                Seed = parse.GetValue(seed),
                ParserFrom = parse.GetValue(parserFrom)?.Select(f => f.FullName).ToArray(),
                Clusters = !parse.GetValue(noClusters),
                ClustersFrom = parse.GetValue(clustersFrom)?.FullName,
                ParserTagMargin = Math.Max(0f, parse.GetValue(tagMargin)),
                AttachmentThreshold = parse.GetValue(attachment),
            };
            SyntaxTrainer.Train(options, Console.Out);
            return 0;
        });
        return cmd;
    }
}

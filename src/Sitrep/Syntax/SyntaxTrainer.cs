using System.Diagnostics;
using System.Globalization;

namespace Sitrep.Syntax;

/// <summary>Settings of <see cref="SyntaxTrainer"/>; the defaults reproduce the shipped model.</summary>
/// <param name="Treebanks">Folder holding en_ewt-ud-*.conllu, en_gum-ccby-*.conllu and uner_en_ewt-*.iob2.</param>
/// <param name="Output">Model file to write.</param>
/// <param name="TaggerEpochs">Passes of the tagger over the training data.</param>
/// <param name="ParserEpochs">Passes of the parser.</param>
/// <param name="RecognizerEpochs">Passes of the name recogniser.</param>
/// <param name="JackknifeFolds">Folds for the tags the parser trains on (0 = train the parser on the final tagger's own tags).</param>
/// <param name="UseUnerDev">Also train the recogniser on Universal NER EWT dev (never on test).</param>
/// <param name="Seed">Shuffling seed.</param>
/// <param name="ParserPruning">Averaged parser weights below this magnitude are dropped (model size vs accuracy).</param>
/// <param name="RebuildFrom">When set, keep this model's tagger and parser (re-pruned) and retrain the lemmatiser and recogniser.</param>
/// <param name="UseDevSets">Also train on EWT dev and GUM dev (the test sets are never used).</param>
/// <param name="TwoPassTagger">Train a second tagger pass that also sees the first pass's tags of the following words.</param>
/// <param name="ReportDev">After each parser epoch, print UAS/LAS on EWT dev (gold tokens, the run's tagger): for choosing the epoch count with --no-dev.</param>
/// <param name="RetrainParser">With <paramref name="RebuildFrom"/>: keep only the tagger; retrain the parser too (parser experiments).</param>
/// <param name="ParserBeam">Beam width of the parser's global training phase.</param>
/// <param name="ParserBeamEpochs">Passes of beam search with max-violation updates after the <paramref name="ParserEpochs"/> greedy passes (0 = greedy parser).</param>
/// <param name="RecognizerTwoPass">Add a second recogniser pass that reads the first pass's labels of the other occurrences of each word in the document.</param>
/// <param name="RecognizerUnerWeight">Copies of each Universal NER dev sentence in the recogniser's training data.</param>
/// <param name="RecognizerBeam">Beam width of the name recogniser's structured training and decoding (1 = greedy, as before session 5).</param>
/// <param name="ParserDecodeBeam">Beam width the written parser decodes with (0 = the training width; with <paramref name="RebuildFrom"/>: keep the model's).</param>
/// <param name="ParserFrom">With <paramref name="RebuildFrom"/> (and without <paramref name="RetrainParser"/>): take the parser from this model file
/// instead (re-pruned), keeping the rebuilt model's tagger and recogniser — combines a parser trained on one base with another base; several
/// files: their parsers' weights averaged (models trained with different seeds).</param>
/// <param name="Clusters">Learn word clusters from unlabeled text (<see cref="ClusterTrainer"/>) and give the tagger, parser and recogniser their features.</param>
/// <param name="ClustersFrom">Take the word clusters from this model file instead of learning them.</param>
/// <param name="ParserTagMargin">The parser also reads each word's runner-up tag when the tagger's margin is below this (0 = best tags only).</param>
/// <param name="AttachmentThreshold">Estimated probability of the other site at which <see cref="PrepositionAttachment"/> overturns the parser's
/// attachment of a PP after a verb's object (0 = no second opinion; otherwise in (0.5, 1]).</param>
public sealed record SyntaxTrainingOptions(
    string Treebanks,
    string Output,
    int TaggerEpochs = 8,
    int ParserEpochs = 15,
    int RecognizerEpochs = 10,
    int JackknifeFolds = 4,
    bool UseUnerDev = true,
    int Seed = 1,
    float ParserPruning = 1f,
    string? RebuildFrom = null,
    bool UseDevSets = true,
    bool RetrainParser = false,
    bool TwoPassTagger = true,
    bool ReportDev = false,
    int ParserBeam = 1,
    int ParserBeamEpochs = 0,
    int ParserDecodeBeam = 0,
    int RecognizerBeam = 8,
    bool RecognizerTwoPass = true,
    int RecognizerUnerWeight = 2,
    IReadOnlyList<string>? ParserFrom = null,
    bool Clusters = true,
    string? ClustersFrom = null,
    float ParserTagMargin = 0f,
    float AttachmentThreshold = 0.6f);

/// <summary>Trains the whole syntax model (tagger, lemmatiser, parser, recogniser) from the treebanks.</summary>
public static class SyntaxTrainer
{
    /// <summary>Trains and writes the model; progress and timings go to <paramref name="log"/>.</summary>
    public static void Train(SyntaxTrainingOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var total = Stopwatch.StartNew();
        void Log(string m) => log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{total.Elapsed.TotalSeconds,6:F1}s] {m}"));

        var gum = ConlluReader.Read(Path.Combine(options.Treebanks, "en_gum-ccby-train.conllu"));
        if (options.UseDevSets)
        {
            gum.AddRange(ConlluReader.Read(Path.Combine(options.Treebanks, "en_gum-ccby-dev.conllu")));
        }

        if (options.RebuildFrom is { } from)
        {
            // Keep the (expensive) tagger and parser; rebuild the lemmatiser and recogniser, re-prune the parser.
            var old = SyntaxModel.Load(from);
            var ewtTrain = ReadEwt(options);
            var lemmas = TrainLemmatizer(ewtTrain.Concat(gum).ToList(), Log);
            var kept = old.Clusters;
            var ner = options.RecognizerEpochs > 0 ? TrainRecognizer(options, old.Tagger, gum, ewtTrain.Concat(gum), kept, Log) : old.Recognizer;
            var all = ewtTrain.Concat(gum).ToList();
            var pruned = options.RetrainParser
                ? TrainParser(options, all, TrainTaggers(options, all, kept, Log), kept, Log)
                : (options.ParserFrom is { Count: > 0 } parserFrom
                    ? DependencyParser.Average([.. parserFrom.Select(f => SyntaxModel.Load(f).Parser)])
                    : old.Parser).Prune(options.ParserPruning);
            if (options.ParserDecodeBeam > 0)
            {
                pruned = pruned.WithBeam(options.ParserDecodeBeam);
            }

            (old with { Lemmatizer = lemmas, Recognizer = ner, Parser = pruned, Attachment = TrainAttachment(options, all, Log) }).Save(options.Output);
            Log($"wrote {options.Output} ({new FileInfo(options.Output).Length / 1e6:F1} MB; parser pruned at {options.ParserPruning}: {pruned.FeatureCount} features, weight quantum {pruned.WeightQuantum:G3}, beam {pruned.BeamWidth})");
            return;
        }

        var ewt = ReadEwt(options);
        var train = ewt.Concat(gum).ToList();
        Log($"read {ewt.Count} EWT + {gum.Count} GUM training sentences ({train.Sum(s => s.Words.Length)} words)");

        var clusters = options.ClustersFrom is { } cf ? SyntaxModel.Load(cf).Clusters
            : options.Clusters ? ClusterTrainer.Train(
                ClusterTrainer.UnlabeledSentences(train, options.Treebanks, Path.Combine(Geo.Gazetteer.Home(), "node_modules"), Log),
                new ClusterTrainer.Options(), Log)
            : null;
        var taggers = TrainTaggers(options, train, clusters, Log);
        var tagger = taggers.Tagger;
        var lemmatizer = TrainLemmatizer(train, Log);
        var parser = TrainParser(options, train, taggers, clusters, Log);
        var recognizer = TrainRecognizer(options, tagger, gum, train, clusters, Log);
        new SyntaxModel(tagger, lemmatizer, parser, recognizer, clusters, TrainAttachment(options, train, Log)).Save(options.Output);
        Log($"wrote {options.Output} ({new FileInfo(options.Output).Length / 1e6:F1} MB); total {total.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// The run-time tagger and, for the parser's training data, jackknifed tags: each fold is tagged by taggers that
    /// never saw it, so the parser learns from tagging errors like those at run time. A two-pass tagger's second pass
    /// is itself trained on jackknifed first-pass tags.
    /// </summary>
    static (PosTagger Tagger, ulong[][] ParserTags, ulong[][]? ParserAlternatives) TrainTaggers(
        SyntaxTrainingOptions options, List<ConlluSentence> train, WordClusters? clusters, Action<string> log)
    {
        var sw = Stopwatch.StartNew();
        var k = options.JackknifeFolds;
        var foldEpochs = Math.Max(3, options.TaggerEpochs / 2);
        var info = train.Select(s => WordInfo.Of([.. s.Words.Select(w => w.Form)], clusters)).ToArray();
        List<ConlluSentence> Rest(int fold) => train.Where((_, i) => i % k != fold).ToList();
        T[] RestOf<T>(T[] all, int fold) => all.Where((_, i) => i % k != fold).ToArray();

        var first = PosTagger.Train(train, options.TaggerEpochs, options.Seed, log, clusters);
        log($"tagger first pass trained in {sw.Elapsed.TotalSeconds:F1} s");
        var firstFolds = new PosTagger[Math.Max(k, 0)];
        var firstTags = new ulong[train.Count][];
        if (k > 1)
        {
            for (var fold = 0; fold < k; fold++)
            {
                firstFolds[fold] = PosTagger.Train(Rest(fold), foldEpochs, options.Seed + fold + 1, _ => { }, clusters);
                for (var i = fold; i < train.Count; i += k)
                {
                    firstTags[i] = firstFolds[fold].FirstPass(info[i]);
                }
            }

            log($"jackknifed first-pass tags ({k} folds) in {sw.Elapsed.TotalSeconds:F1} s");
        }

        var parserTags = new ulong[train.Count][];
        var alternatives = options.ParserTagMargin > 0 ? new ulong[train.Count][] : null;
        var margins = new MarginStatistics();
        void TagFold(PosTagger foldTagger, int i)
        {
            (parserTags[i], var alt) = ParserInput(foldTagger, info[i], options.ParserTagMargin, train[i], margins);
            if (alternatives is not null)
            {
                alternatives[i] = alt!;
            }
        }

        if (!options.TwoPassTagger || k <= 1)
        {
            for (var i = 0; i < train.Count; i++)
            {
                TagFold(k > 1 ? firstFolds[i % k] : first, i);
            }

            margins.Log(log);
            return (first, parserTags, alternatives);
        }

        var tagger = PosTagger.TrainSecondPass(first, train, firstTags, options.TaggerEpochs, options.Seed, log, clusters);
        log($"tagger second pass trained in {sw.Elapsed.TotalSeconds:F1} s");
        for (var fold = 0; fold < k; fold++)
        {
            var foldTagger = PosTagger.TrainSecondPass(firstFolds[fold], Rest(fold), RestOf(firstTags, fold), foldEpochs, options.Seed + fold + 1, _ => { }, clusters);
            for (var i = fold; i < train.Count; i += k)
            {
                TagFold(foldTagger, i);
            }
        }

        log($"jackknifed two-pass tags ({k} folds) in {sw.Elapsed.TotalSeconds:F1} s");
        margins.Log(log);
        return (tagger, parserTags, alternatives);
    }

    /// <summary>
    /// The tag hashes the parser reads for one sentence and, with a tag margin, the runner-up alternatives; the tagger's
    /// margins against the gold tags go to <paramref name="margins"/> (when <paramref name="gold"/> is given).
    /// </summary>
    static (ulong[] Tags, ulong[]? Alternatives) ParserInput(PosTagger tagger, WordInfo[] words, float tagMargin, ConlluSentence? gold = null, MarginStatistics? margins = null)
    {
        var n = words.Length;
        var ids = new int[n];
        var runnerUp = new int[n];
        var margin = new float[n];
        tagger.Tag(words, ids, runnerUp, margin);
        if (gold is not null && margins is not null)
        {
            for (var i = 0; i < n; i++)
            {
                var g = gold.Words[i].Upos + "\t" + gold.Words[i].Xpos;
                margins.Add(margin[i], string.Equals(tagger.Classes[ids[i]], g, StringComparison.Ordinal), runnerUp[i] >= 0 && string.Equals(tagger.Classes[runnerUp[i]], g, StringComparison.Ordinal));
            }
        }

        var alternatives = tagMargin > 0 ? tagger.Alternatives(ids, runnerUp, margin, tagMargin) : null;
        return ([.. ids.Select(c => tagger.ClassHash[c])], alternatives);
    }

    /// <summary>How the held-out tagger's score margins separate its errors (for choosing the parser's tag margin).</summary>
    sealed class MarginStatistics
    {
        readonly List<(float Margin, bool Correct, bool RunnerUpCorrect)> _tokens = [];

        public void Add(float margin, bool correct, bool runnerUpCorrect) => _tokens.Add((margin, correct, runnerUpCorrect));

        public void Log(Action<string> log)
        {
            if (_tokens.Count == 0)
            {
                return;
            }

            var errors = _tokens.Count(t => !t.Correct);
            log($"held-out tagging: {_tokens.Count} tokens, {errors} errors ({100.0 * errors / _tokens.Count:F2} %), runner-up right for {_tokens.Count(t => t.RunnerUpCorrect)}");
            foreach (var threshold in new[] { 0.5f, 1f, 2f, 4f, 8f, 16f, 32f, 64f })
            {
                var close = _tokens.Where(t => t.Margin < threshold).ToList();
                log(string.Create(CultureInfo.InvariantCulture, $"  margin < {threshold}: {100.0 * close.Count / _tokens.Count:F1} % of tokens, {100.0 * close.Count(t => !t.Correct) / errors:F1} % of errors, runner-up right for {100.0 * close.Count(t => t.RunnerUpCorrect) / errors:F1} % of errors"));
            }
        }
    }

    static string Universal(string rel) => rel.Split(':')[0];

    static PrepositionAttachment? TrainAttachment(SyntaxTrainingOptions options, List<ConlluSentence> train, Action<string> log)
    {
        if (options.AttachmentThreshold <= 0)
        {
            return null;
        }

        var attachment = PrepositionAttachment.Train(train, options.AttachmentThreshold);
        log($"preposition attachment: {attachment.KeyCount} counted keys, threshold {options.AttachmentThreshold}");
        return attachment;
    }

    static DependencyParser TrainParser(
        SyntaxTrainingOptions options, List<ConlluSentence> train, (PosTagger Tagger, ulong[][] ParserTags, ulong[][]? ParserAlternatives) taggers, WordClusters? clusters, Action<string> log)
    {
        var tagIds = taggers.ParserTags;
        var labels = train.SelectMany(s => s.Words.Select(w => w.DepRel)).Where(l => l != "_").Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var examples = new List<DependencyParser.Example>(train.Count);
        for (var i = 0; i < train.Count; i++)
        {
            var s = train[i];
            if (s.Words.Any(w => w.DepRel == "_"))
            {
                continue;
            }

            examples.Add(new DependencyParser.Example(
                WordInfo.Of([.. s.Words.Select(w => w.Form)], clusters),
                tagIds[i],
                [.. s.Words.Select(w => w.Head)],
                [.. s.Words.Select(w => labelIndex[w.DepRel])],
                taggers.ParserAlternatives?[i]));
        }

        var sw = Stopwatch.StartNew();
        Action<int, DependencyParser>? report = null;
        if (options.ReportDev)
        {
            var devSentences = ConlluReader.Read(Path.Combine(options.Treebanks, "en_ewt-ud-dev.conllu"));
            var dev = devSentences.Select(s => (Words: WordInfo.Of([.. s.Words.Select(w => w.Form)], clusters), Gold: s.Words)).ToList();
            var devMargins = new MarginStatistics();
            var devInput = dev.Select((d, i) => ParserInput(taggers.Tagger, d.Words, options.ParserTagMargin, devSentences[i], devMargins)).ToList();
            log("EWT dev, the run's tagger:");
            devMargins.Log(log);
            void Report(int epoch, DependencyParser p)
            {
                int n = 0, uas = 0, las = 0;
                for (var i = 0; i < dev.Count; i++)
                {
                    var (words, gold) = dev[i];
                    var heads = new int[words.Length];
                    var rels = new int[words.Length];
                    p.Parse(words, devInput[i].Tags, heads, rels, devInput[i].Alternatives);
                    for (var j = 0; j < words.Length; j++)
                    {
                        n++;
                        if (heads[j] == gold[j].Head)
                        {
                            uas++;
                            las += string.Equals(Universal(p.Labels[rels[j]]), Universal(gold[j].DepRel), StringComparison.Ordinal) ? 1 : 0;
                        }
                    }
                }

                log($"parser after epoch {epoch}, beam {p.BeamWidth}: EWT dev UAS {100.0 * uas / n:F2}, LAS {100.0 * las / n:F2}");
            }

            // A beam-trained parser is also scored with narrower beams (decoding speed against accuracy).
            report = (epoch, p) =>
            {
                for (var width = 1; width < p.BeamWidth; width++)
                {
                    Report(epoch, p.WithBeam(width));
                }

                Report(epoch, p);
            };
        }

        var parser = DependencyParser.Train(
            labels, examples, options.ParserEpochs, options.Seed, options.ParserPruning, log, report, options.ParserBeam, options.ParserBeamEpochs, options.ParserTagMargin);
        if (options.ParserDecodeBeam > 0)
        {
            parser = parser.WithBeam(options.ParserDecodeBeam);
        }

        log($"parser trained in {sw.Elapsed.TotalSeconds:F1} s: {parser.FeatureCount} features after pruning at {options.ParserPruning}, decoding with beam {parser.BeamWidth}");
        return parser;
    }

    static List<ConlluSentence> ReadEwt(SyntaxTrainingOptions options)
    {
        var ewt = ConlluReader.Read(Path.Combine(options.Treebanks, "en_ewt-ud-train.conllu"));
        if (options.UseDevSets)
        {
            ewt.AddRange(ConlluReader.Read(Path.Combine(options.Treebanks, "en_ewt-ud-dev.conllu")));
        }

        return ewt;
    }


    static Lemmatizer TrainLemmatizer(List<ConlluSentence> train, Action<string> log)
    {
        var irregularPath = Path.Combine(AppContext.BaseDirectory, "data", "syntax", "irregular-verbs.tsv");
        var irregular = File.Exists(irregularPath) ? Lemmatizer.ReadIrregular(irregularPath) : [];
        var lemmatizer = Lemmatizer.Train(train, irregular);
        log($"lemmatiser: {lemmatizer.ExceptionCount} exceptions, {lemmatizer.RuleCount} suffix rules ({irregular.Count} irregular verbs read)");
        return lemmatizer;
    }

    static EntityRecognizer TrainRecognizer(
        SyntaxTrainingOptions options, PosTagger tagger, List<ConlluSentence> gum, IEnumerable<ConlluSentence> vocabulary, WordClusters? clusters, Action<string> log)
    {
        var sw = Stopwatch.StartNew();
        // Unlabeled news text for the words' capitalisation habits: FA-KES beside the treebanks (../shared/data/corpora).
        var fakes = Path.Combine(options.Treebanks, "..", "corpora", "fakes-dev.csv");
        string[] texts = File.Exists(fakes) ? [File.ReadAllText(fakes)] : [];
        var vocab = vocabulary.ToList();
        var lists = NameListBuilder.Build(
            Path.Combine(Geo.Gazetteer.Home(), "node_modules"),
            Path.Combine(AppContext.BaseDirectory, "data", "actors"),
            NameListBuilder.CommonWords(vocab),
            NameListBuilder.CaseClasses(vocab, texts),
            log);
        log($"name lists: {lists.Count} keys in {sw.Elapsed.TotalSeconds:F1} s");
        var titlesPath = Path.Combine(AppContext.BaseDirectory, "data", "syntax", "name-titles.txt");
        var titles = File.Exists(titlesPath) ? EntityData.ReadWordList(titlesPath) : null;
        var nerData = new List<EntityRecognizer.Example>();
        var docIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in gum)
        {
            var doc = s.DocumentId is { } id ? docIds.TryGetValue(id, out var d) ? d : docIds[id] = docIds.Count : -1;
            var words = s.Words.Select(w => w.Form).ToArray();
            var unlabeled = new bool[words.Length];
            var spans = EntityData.FromGum(s, titles, unlabeled);
            var e = NerExample(tagger, words, spans, clusters);
            for (var i = 0; i < unlabeled.Length; i++)
            {
                unlabeled[i] &= e.Gold[i] == 0;
            }

            nerData.Add(e with { Domain = EntityRecognizer.GumDomain, Unlabeled = unlabeled, Document = doc });
        }

        var unerDev = Path.Combine(options.Treebanks, "uner_en_ewt-dev.iob2");
        if (options.UseUnerDev && File.Exists(unerDev))
        {
            // In-domain (web text) names: given RecognizerUnerWeight times the weight of GUM's.
            var documents = new List<int>();
            var unerSentences = EntityData.ReadIob2(unerDev, documents);
            var firstDoc = docIds.Count;
            for (var si = 0; si < unerSentences.Count; si++)
            {
                var (words, spans) = unerSentences[si];
                var e = NerExample(tagger, words, spans, clusters) with { Document = firstDoc + documents[si] };
                for (var k = 0; k < options.RecognizerUnerWeight; k++)
                {
                    nerData.Add(e);
                }
            }
        }

        log($"recogniser: {nerData.Count} sentences, {nerData.Sum(e => e.Gold.Count(g => g % 2 == 1))} names");
        var recognizer = EntityRecognizer.Train(nerData, lists, options.RecognizerEpochs, options.Seed, log, options.RecognizerBeam, options.RecognizerTwoPass);
        log($"recogniser trained in {sw.Elapsed.TotalSeconds:F1} s");
        return recognizer;
    }

    static EntityRecognizer.Example NerExample(PosTagger tagger, string[] words, IEnumerable<EntitySpan> spans, WordClusters? clusters)
    {
        var info = WordInfo.Of(words, clusters);
        var ids = new int[info.Length];
        tagger.Tag(info, ids);
        return new EntityRecognizer.Example(info, [.. ids.Select(c => tagger.ClassHash[c])], EntityData.ToLabels(words.Length, spans));
    }
}

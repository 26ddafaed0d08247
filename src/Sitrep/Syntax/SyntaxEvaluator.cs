using System.Diagnostics;
using System.Globalization;

namespace Sitrep.Syntax;

/// <summary>Scores of one evaluation set (percentages, CoNLL 2018 shared-task definitions over syntactic words).</summary>
/// <param name="Name">Set name.</param>
/// <param name="Words">Gold words scored.</param>
/// <param name="Upos">UPOS accuracy.</param>
/// <param name="Xpos">XPOS accuracy.</param>
/// <param name="Lemma">Lemma accuracy.</param>
/// <param name="Uas">Unlabelled attachment score.</param>
/// <param name="Las">Labelled attachment score, universal relation only (as CoNLL 2018 scores it).</param>
/// <param name="LasFull">Labelled attachment score with subtypes ("nsubj:pass").</param>
/// <param name="TokensPerSecond">Tag + lemma + parse speed per second of process CPU time (single-threaded work).</param>
public sealed record SyntaxScores(string Name, int Words, double Upos, double Xpos, double Lemma, double Uas, double Las, double LasFull, double TokensPerSecond);

/// <summary>End-to-end scores from raw text (CoNLL 2018 F1 over character-aligned words).</summary>
/// <param name="Name">Set name.</param>
/// <param name="Tokens">Word segmentation F1.</param>
/// <param name="Sentences">Sentence segmentation F1.</param>
/// <param name="Upos">UPOS F1.</param>
/// <param name="Xpos">XPOS F1.</param>
/// <param name="Lemma">Lemma F1.</param>
/// <param name="Uas">UAS F1.</param>
/// <param name="Las">LAS F1 (universal relation).</param>
public sealed record EndToEndScores(string Name, double Tokens, double Sentences, double Upos, double Xpos, double Lemma, double Uas, double Las);

/// <summary>Named-entity scores (exact span and type match).</summary>
/// <param name="Gold">Gold spans.</param>
/// <param name="Predicted">Predicted spans.</param>
/// <param name="Correct">Exactly matching spans.</param>
public sealed record EntityScores(int Gold, int Predicted, int Correct)
{
    /// <summary>Precision.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Recall.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>F1.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Evaluates a syntax model on the treebanks' test files.</summary>
public static class SyntaxEvaluator
{
    /// <summary>Scores <paramref name="parser"/> on a CoNLL-U file with gold tokenisation.</summary>
    public static SyntaxScores GoldTokens(SyntaxParser parser, string name, string conllu) => GoldTokens(parser, name, conllu, null);

    /// <summary>
    /// As above; <paramref name="byRelation"/>, when given, receives per gold universal relation (words, head errors, label-only errors, tag errors),
    /// and <paramref name="parses"/> the predicted analyses as CoNLL-U (for error analysis).
    /// </summary>
    internal static SyntaxScores GoldTokens(
        SyntaxParser parser, string name, string conllu, Dictionary<string, (int Words, int Heads, int Labels, int Tags)>? byRelation, TextWriter? parses = null)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var sentences = ConlluReader.Read(conllu);
        int n = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasFull = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var s in sentences)
        {
            var a = parser.Analyze([.. s.Words.Select(w => w.Form)], entities: false);
            if (parses is not null)
            {
                WriteConllu(parses, s, a);
            }

            for (var i = 0; i < s.Words.Length; i++)
            {
                var g = s.Words[i];
                n++;
                upos += a.Upos[i] == g.Upos ? 1 : 0;
                xpos += a.Xpos[i] == g.Xpos ? 1 : 0;
                lemma += a.Lemmas[i] == g.Lemma ? 1 : 0;
                var labelRight = Universal(a.DepRels[i]).SequenceEqual(Universal(g.DepRel));
                if (a.Heads[i] == g.Head)
                {
                    uas++;
                    las += labelRight ? 1 : 0;
                    lasFull += a.DepRels[i] == g.DepRel ? 1 : 0;
                }

                if (byRelation is not null)
                {
                    var key = Universal(g.DepRel).ToString();
                    var (bw, bh, bl, bt) = byRelation.GetValueOrDefault(key);
                    byRelation[key] = (bw + 1, bh + (a.Heads[i] != g.Head ? 1 : 0), bl + (a.Heads[i] == g.Head && !labelRight ? 1 : 0),
                        bt + (a.Upos[i] != g.Upos ? 1 : 0));
                }
            }
        }

        // Tokens per second of process CPU time: a per-core figure that holds on a shared, loaded machine.
        var tps = n / Math.Max(1e-3, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        double P(int x) => 100.0 * x / Math.Max(1, n);
        return new SyntaxScores(name, n, P(upos), P(xpos), P(lemma), P(uas), P(las), P(lasFull), tps);
    }

    static void WriteConllu(TextWriter output, ConlluSentence s, SyntaxParser.Analysis a)
    {
        if (s.Text is not null)
        {
            output.WriteLine($"# text = {s.Text}");
        }

        for (var i = 0; i < s.Words.Length; i++)
        {
            output.WriteLine(string.Join('\t', (i + 1).ToString(CultureInfo.InvariantCulture), s.Words[i].Form, a.Lemmas[i], a.Upos[i], a.Xpos[i], "_",
                (a.Heads[i] + 1).ToString(CultureInfo.InvariantCulture), a.DepRels[i], "_", "_"));
        }

        output.WriteLine();
    }

    /// <summary>
    /// Scores the whole chain on raw text: each document's <c># text</c> lines joined by spaces go through
    /// <paramref name="splitter"/> and <paramref name="tokenizer"/>, then the parser; system and gold words are
    /// aligned by character span (words inside a gold multiword token get the spans of their concatenated forms).
    /// </summary>
    public static EndToEndScores EndToEnd(SyntaxParser parser, Text.ISentenceSplitter splitter, Text.ITokenizer tokenizer, string name, string conllu)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(splitter);
        ArgumentNullException.ThrowIfNull(tokenizer);
        var sentences = ConlluReader.Read(conllu);
        int goldWords = 0, sysWords = 0, aligned = 0, goldSents = 0, sysSents = 0, sentOk = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
        foreach (var doc in sentences.GroupBy(s => s.DocumentId ?? ""))
        {
            var text = new System.Text.StringBuilder();
            var gold = new List<(int Start, int End, ConlluWord Word, int Sentence, int Index)>();
            var goldSentSpans = new HashSet<(int, int)>();
            var sentBase = new List<int>();
            var si = 0;
            foreach (var s in doc)
            {
                if (s.Text is null)
                {
                    continue;
                }

                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                var offset = text.Length;
                text.Append(s.Text);
                sentBase.Add(gold.Count);
                var spans = WordSpans(s, s.Text, offset);
                for (var i = 0; i < s.Words.Length; i++)
                {
                    gold.Add((spans[i].Start, spans[i].End, s.Words[i], si, i));
                }

                goldSentSpans.Add((offset, offset + s.Text.Length));
                si++;
            }

            var raw = text.ToString();
            var goldBySpan = new Dictionary<(int, int), int>();
            for (var g = 0; g < gold.Count; g++)
            {
                goldBySpan.TryAdd((gold[g].Start, gold[g].End), g);
            }

            goldWords += gold.Count;
            goldSents += goldSentSpans.Count;
            foreach (var span in splitter.Split(raw))
            {
                var tokens = tokenizer.Tokenize(raw, span);
                if (tokens.Length == 0)
                {
                    continue;
                }

                sysSents++;
                sentOk += goldSentSpans.Contains((tokens[0].Span.Start, tokens[^1].Span.End)) ? 1 : 0;
                var a = parser.Analyze([.. tokens.Select(t => t.Text)], entities: false);
                sysWords += tokens.Length;
                var map = new int[tokens.Length];
                for (var i = 0; i < tokens.Length; i++)
                {
                    map[i] = goldBySpan.TryGetValue((tokens[i].Span.Start, tokens[i].Span.End), out var g) ? g : -1;
                }

                for (var i = 0; i < tokens.Length; i++)
                {
                    if (map[i] < 0)
                    {
                        continue;
                    }

                    var g = gold[map[i]];
                    aligned++;
                    upos += a.Upos[i] == g.Word.Upos ? 1 : 0;
                    xpos += a.Xpos[i] == g.Word.Xpos ? 1 : 0;
                    lemma += a.Lemmas[i] == g.Word.Lemma ? 1 : 0;
                    var goldHead = g.Word.Head < 0 ? -1 : sentBase[g.Sentence] + g.Word.Head;
                    var sysHead = a.Heads[i] < 0 ? -1 : map[a.Heads[i]];
                    if ((a.Heads[i] < 0 && goldHead < 0) || (sysHead >= 0 && sysHead == goldHead))
                    {
                        uas++;
                        las += Universal(a.DepRels[i]).SequenceEqual(Universal(g.Word.DepRel)) ? 1 : 0;
                    }
                }
            }
        }

        double F(int correct) => 200.0 * correct / Math.Max(1, goldWords + sysWords);
        return new EndToEndScores(name, F(aligned), 200.0 * sentOk / Math.Max(1, goldSents + sysSents), F(upos), F(xpos), F(lemma), F(uas), F(las));
    }

    /// <summary>Character spans of a sentence's words in <paramref name="text"/> (shifted by <paramref name="offset"/>).</summary>
    static (int Start, int End)[] WordSpans(ConlluSentence s, string text, int offset)
    {
        var spans = new (int Start, int End)[s.Words.Length];
        var pos = 0;
        var w = 0;
        var ranges = s.Ranges.ToDictionary(r => r.First);
        while (w < s.Words.Length)
        {
            var range = ranges.GetValueOrDefault(w);
            var form = range is not null ? range.Form : s.Words[w].Form;
            var at = text.IndexOf(form, pos, StringComparison.Ordinal);
            if (at < 0)
            {
                at = pos;
            }

            if (range is not null)
            {
                var p = at;
                var concatenated = string.Concat(s.Words.Skip(range.First).Take(range.Last - range.First + 1).Select(x => x.Form));
                var split = string.Equals(concatenated, form, StringComparison.Ordinal);
                for (var k = range.First; k <= range.Last; k++)
                {
                    spans[k] = split ? (offset + p, offset + p + s.Words[k].Form.Length) : (offset + at, offset + at + form.Length);
                    p += s.Words[k].Form.Length;
                }

                w = range.Last + 1;
            }
            else
            {
                spans[w] = (offset + at, offset + at + form.Length);
                w++;
            }

            pos = at + form.Length;
        }

        return spans;
    }

    static ReadOnlySpan<char> Universal(string rel)
    {
        var c = rel.IndexOf(':', StringComparison.Ordinal);
        return c < 0 ? rel : rel.AsSpan(0, c);
    }

    /// <summary>Scores the name recogniser on a Universal NER IOB2 file (gold words).</summary>
    /// <remarks>
    /// A two-pass recogniser reads each sentence in its document (<c># newdoc</c> groups), unless
    /// <paramref name="perSentence"/> (each sentence alone, as <see cref="SyntaxParser.Parse"/> does).
    /// </remarks>
    public static EntityScores Entities(SyntaxParser parser, string iob2, TextWriter? errors = null, bool perSentence = false)
    {
        ArgumentNullException.ThrowIfNull(parser);
        int gold = 0, predicted = 0, correct = 0;
        var documents = new List<int>();
        var sentences = EntityData.ReadIob2(iob2, documents);
        var names = new Dictionary<int, DocumentNames?>();
        if (!perSentence)
        {
            foreach (var g in Enumerable.Range(0, sentences.Count).GroupBy(k => documents[k]))
            {
                names[g.Key] = parser.NamesOf(g.Select(k => (IReadOnlyList<string>)sentences[k].Words));
            }
        }

        for (var k = 0; k < sentences.Count; k++)
        {
            var (words, spans) = sentences[k];
            var a = parser.Analyze(words, document: names.GetValueOrDefault(documents[k]));
            gold += spans.Count;
            predicted += a.Entities.Length;
            correct += a.Entities.Count(e => spans.Contains(e));
            if (errors is not null && !spans.SequenceEqual(a.Entities))
            {
                string Show(IEnumerable<EntitySpan> xs) => string.Join(" | ", xs.Select(e => $"{e.Kind}:{string.Join(' ', words[e.Start..e.End])}"));
                errors.WriteLine(string.Join(' ', words));
                errors.WriteLine("  gold: " + Show(spans.Except(a.Entities)));
                errors.WriteLine("  ours: " + Show(a.Entities.Except(spans)));
            }
        }

        return new EntityScores(gold, predicted, correct);
    }

    /// <summary>
    /// Gold-tokenisation scores on EWT dev and GUM dev only: the tuning sets for comparing variants of a model trained
    /// with <c>--no-dev</c> (the test sets stay untouched while choosing settings).
    /// </summary>
    /// <remarks><paramref name="parsesDirectory"/>: when given, each set's predicted analyses are written there as CoNLL-U, named like the set's file.</remarks>
    public static void RunDev(SyntaxParser parser, string treebanks, TextWriter output, string? parsesDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("Gold tokenisation, DEV sets (meaningful only for a model trained with --no-dev)");
        // Where the attachment errors are: per gold relation of EWT dev, share of all head errors, and the tag errors among its words.
        var byRelation = new Dictionary<string, (int Words, int Heads, int Labels, int Tags)>(StringComparer.Ordinal);
        GoldTable(parser, treebanks, output, [("EWT dev", "en_ewt-ud-dev.conllu"), ("GUM dev", "en_gum-ccby-dev.conllu")], byRelation, parsesDirectory);
        if (byRelation.Count > 0)
        {
            var totalHeads = Math.Max(1, byRelation.Values.Sum(v => v.Heads));
            var totalWords = byRelation.Values.Sum(v => v.Words);
            output.WriteLine("EWT dev errors by gold relation: words, head errors (% of the relation, % of all head errors = UAS points), label-only errors, wrong UPOS");
            foreach (var (rel, v) in byRelation.OrderByDescending(kv => kv.Value.Heads).Take(20))
            {
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-12} {1,6} {2,6} ({3,5:F1} %, {4,5:F1} % = {5:F2} UAS) {6,5} {7,5}",
                    rel, v.Words, v.Heads, 100.0 * v.Heads / v.Words, 100.0 * v.Heads / totalHeads, 100.0 * v.Heads / totalWords, v.Labels, v.Tags));
            }
        }
    }

    /// <summary>One row per set; the first set's errors by relation go to <paramref name="firstByRelation"/> when given.</summary>
    static void GoldTable(
        SyntaxParser parser, string treebanks, TextWriter output, (string Name, string File)[] sets,
        Dictionary<string, (int Words, int Heads, int Labels, int Tags)>? firstByRelation = null, string? parsesDirectory = null)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("set            words    UPOS    XPOS   Lemma     UAS     LAS LAS+sub   tok/CPU-s");
        foreach (var (name, file) in sets)
        {
            var path = Path.Combine(treebanks, file);
            if (!File.Exists(path))
            {
                output.WriteLine($"{name}: {path} missing, skipped");
                continue;
            }

            using var parses = parsesDirectory is null ? null : new StreamWriter(Path.Combine(parsesDirectory, file));
            var r = GoldTokens(parser, name, path, name == sets[0].Name ? firstByRelation : null, parses);
            output.WriteLine(string.Format(inv, "{0,-12} {1,7} {2,7:F2} {3,7:F2} {4,7:F2} {5,7:F2} {6,7:F2} {7,7:F2} {8,10:F0}",
                r.Name, r.Words, r.Upos, r.Xpos, r.Lemma, r.Uas, r.Las, r.LasFull, r.TokensPerSecond));
        }
    }

    /// <summary>Runs every evaluation available under <paramref name="treebanks"/> and prints a report.</summary>
    public static void Run(SyntaxParser parser, string treebanks, TextWriter output, TextWriter? entityErrors = null, string? parsesDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("Gold tokenisation (CoNLL 2018 metrics over syntactic words; LAS = universal relation, LAS+sub = with subtypes)");
        GoldTable(parser, treebanks, output, [("EWT test", "en_ewt-ud-test.conllu"), ("GUM test", "en_gum-ccby-test.conllu")], parsesDirectory: parsesDirectory);
        output.WriteLine();
        output.WriteLine("End to end from raw '# text' (documents joined by spaces) through Sitrep.Text.SentenceSplitter + Tokenizer; F1");
        output.WriteLine("set            Words   Sents    UPOS    XPOS   Lemma     UAS     LAS");
        var splitter = new Text.SentenceSplitter();
        var tokenizer = new Text.Tokenizer();
        foreach (var (name, file) in new[] { ("EWT test", "en_ewt-ud-test.conllu"), ("GUM test", "en_gum-ccby-test.conllu") })
        {
            var path = Path.Combine(treebanks, file);
            if (File.Exists(path))
            {
                var r = EndToEnd(parser, splitter, tokenizer, name, path);
                output.WriteLine(string.Format(inv, "{0,-12} {1,7:F2} {2,7:F2} {3,7:F2} {4,7:F2} {5,7:F2} {6,7:F2} {7,7:F2}",
                    r.Name, r.Tokens, r.Sentences, r.Upos, r.Xpos, r.Lemma, r.Uas, r.Las));
            }
        }

        output.WriteLine();
        output.WriteLine("Published EWT test figures (UPOS / XPOS / Lemma / UAS / LAS):");
        foreach (var line in PublishedAnchors)
        {
            output.WriteLine("  " + line);
        }

        var uner = Path.Combine(treebanks, "uner_en_ewt-test.iob2");
        if (File.Exists(uner))
        {
            var e = Entities(parser, uner, entityErrors);
            output.WriteLine();
            output.WriteLine(string.Format(inv, "NER, Universal NER EWT test (exact span+type): P {0:F3}  R {1:F3}  F1 {2:F3}  (gold {3}, predicted {4}, correct {5})",
                e.Precision, e.Recall, e.F1, e.Gold, e.Predicted, e.Correct));
        }
    }

    /// <summary>Published comparison points with their sources.</summary>
    internal static readonly string[] PublishedAnchors =
    [
        "UDPipe 1 (UD 2.3 models 181115), gold tok: 94.4 / 93.9 / 96.8 / 84.5 / 81.2; raw text: 93.5 / 92.9 / 96.0 / 80.5 / 77.5  [UDPipe UD 2.3 models README, conll18_ud_eval]",
        "UDPipe 2 (UD 2.10 models 220711, mBERT), gold tok: 97.35 / 97.06 / 98.07 / 92.62 / 90.56; raw text: 96.39 / 96.13 / 97.13 / 90.07 / 88.10  [ufal.mff.cuni.cz/udpipe/2/models, UD 2.10 model performance]",
        "spaCy en_udv25_englishewt_trf (UD 2.5, transformer): 96.94 / 96.36 / 97.36 / 91.90 / 89.42  [huggingface.co/explosion/en_udv25_englishewt_trf model card]",
    ];
}

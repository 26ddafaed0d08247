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
/// <param name="TokensPerSecond">Tag + lemma + parse speed on one thread during the evaluation.</param>
public sealed record SyntaxScores(string Name, int Words, double Upos, double Xpos, double Lemma, double Uas, double Las, double LasFull, double TokensPerSecond);

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
    public static SyntaxScores GoldTokens(SyntaxParser parser, string name, string conllu)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var sentences = ConlluReader.Read(conllu);
        int n = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasFull = 0;
        var sw = Stopwatch.StartNew();
        foreach (var s in sentences)
        {
            var a = parser.Analyze([.. s.Words.Select(w => w.Form)], entities: false);
            for (var i = 0; i < s.Words.Length; i++)
            {
                var g = s.Words[i];
                n++;
                upos += a.Upos[i] == g.Upos ? 1 : 0;
                xpos += a.Xpos[i] == g.Xpos ? 1 : 0;
                lemma += a.Lemmas[i] == g.Lemma ? 1 : 0;
                if (a.Heads[i] == g.Head)
                {
                    uas++;
                    las += Universal(a.DepRels[i]).SequenceEqual(Universal(g.DepRel)) ? 1 : 0;
                    lasFull += a.DepRels[i] == g.DepRel ? 1 : 0;
                }
            }
        }

        var tps = n / sw.Elapsed.TotalSeconds;
        double P(int x) => 100.0 * x / Math.Max(1, n);
        return new SyntaxScores(name, n, P(upos), P(xpos), P(lemma), P(uas), P(las), P(lasFull), tps);
    }

    static ReadOnlySpan<char> Universal(string rel)
    {
        var c = rel.IndexOf(':', StringComparison.Ordinal);
        return c < 0 ? rel : rel.AsSpan(0, c);
    }

    /// <summary>Scores the name recogniser on a Universal NER IOB2 file (gold words).</summary>
    public static EntityScores Entities(SyntaxParser parser, string iob2, TextWriter? errors = null)
    {
        ArgumentNullException.ThrowIfNull(parser);
        int gold = 0, predicted = 0, correct = 0;
        foreach (var (words, spans) in EntityData.ReadIob2(iob2))
        {
            var a = parser.Analyze(words);
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

    /// <summary>Runs every evaluation available under <paramref name="treebanks"/> and prints a report.</summary>
    public static void Run(SyntaxParser parser, string treebanks, TextWriter output, TextWriter? entityErrors = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("Gold tokenisation (CoNLL 2018 metrics over syntactic words; LAS = universal relation, LAS+sub = with subtypes)");
        output.WriteLine("set            words    UPOS    XPOS   Lemma     UAS     LAS LAS+sub   tok/s(1 thread)");
        foreach (var (name, file) in new[] { ("EWT test", "en_ewt-ud-test.conllu"), ("GUM test", "en_gum-ccby-test.conllu") })
        {
            var path = Path.Combine(treebanks, file);
            if (!File.Exists(path))
            {
                output.WriteLine($"{name}: {path} missing, skipped");
                continue;
            }

            var r = GoldTokens(parser, name, path);
            output.WriteLine(string.Format(inv, "{0,-12} {1,7} {2,7:F2} {3,7:F2} {4,7:F2} {5,7:F2} {6,7:F2} {7,7:F2} {8,10:F0}",
                r.Name, r.Words, r.Upos, r.Xpos, r.Lemma, r.Uas, r.Las, r.LasFull, r.TokensPerSecond));
        }

        output.WriteLine();
        output.WriteLine("Published EWT test figures, gold tokenisation (UPOS / XPOS / Lemma / UAS / LAS):");
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
        "spaCy en_udv25_englishewt_trf (UD 2.5, transformer): 96.94 / 96.36 / 97.36 / 91.90 / 89.42  [huggingface.co/explosion/en_udv25_englishewt_trf model card]",
    ];
}

using System.Collections.Immutable;

namespace Sitrep.Text;

/// <summary>Precision, recall and F1 of one measure, with the counts behind them.</summary>
/// <param name="Gold">Items in the gold standard.</param>
/// <param name="Predicted">Items we produced.</param>
/// <param name="Correct">Items in both.</param>
public readonly record struct PrfScore(int Gold, int Predicted, int Correct)
{
    /// <summary>Correct / predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct / gold.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Sum of two scores.</summary>
    public static PrfScore operator +(PrfScore a, PrfScore b) => new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Correct + b.Correct);

    /// <summary>Sum of two scores.</summary>
    public static PrfScore Add(PrfScore a, PrfScore b) => a + b;
}

/// <summary>Segmentation scores of one set of documents.</summary>
/// <param name="Name">What was scored ("EWT dev").</param>
/// <param name="Documents">Number of documents.</param>
/// <param name="Boundaries">Sentence-end boundaries inside documents (document ends, always right, excluded).</param>
/// <param name="Sentences">Whole sentences (CoNLL 2018 "Sentences": both ends right).</param>
/// <param name="Tokens">Surface tokens (CoNLL 2018 "Tokens": a multiword token is one; our words that sit inside one gold multiword token count as it).</param>
/// <param name="Words">Syntactic words by span ("do|n't").</param>
public sealed record SegmentationScore(string Name, int Documents, PrfScore Boundaries, PrfScore Sentences, PrfScore Tokens, PrfScore Words);

/// <summary>
/// Scores a sentence splitter and tokenizer against UD CoNLL-U files: each document is rebuilt as the
/// treebank joins it (<see cref="ConlluDocument"/>), split and tokenized, and compared by character spans.
/// </summary>
public static class SegmentationEvaluation
{
    /// <summary>Scores <paramref name="documents"/>.</summary>
    public static SegmentationScore Score(string name, IEnumerable<ConlluDocument> documents, ISentenceSplitter splitter, ITokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(splitter);
        ArgumentNullException.ThrowIfNull(tokenizer);
        var count = 0;
        PrfScore boundaries = default, sentences = default, tokens = default, words = default;
        foreach (var doc in documents)
        {
            count++;
            var predicted = splitter.Split(doc.Text);
            boundaries += Compare(
                doc.Sentences.Select(s => s.End).Where(e => e < doc.Text.Length).ToHashSet(),
                predicted.Select(s => s.End).Where(e => e < doc.Text.Length).ToHashSet());
            sentences += Compare(doc.Sentences.ToHashSet(), predicted.ToHashSet());
            var predictedWords = new List<TextSpan>();
            foreach (var s in predicted)
            {
                foreach (var t in tokenizer.Tokenize(doc.Text, s))
                {
                    predictedWords.Add(t.Span);
                }
            }

            words += Compare(doc.Words.ToHashSet(), predictedWords.ToHashSet());
            tokens += Compare(doc.Tokens.ToHashSet(), MergeIntoGoldTokens(predictedWords, doc.Tokens).ToHashSet());
        }

        return new SegmentationScore(name, count, boundaries, sentences, tokens, words);
    }

    /// <summary>Our words as surface tokens: adjacent words that together fill one gold token become that token.</summary>
    static IEnumerable<TextSpan> MergeIntoGoldTokens(List<TextSpan> predicted, ImmutableArray<TextSpan> gold)
    {
        var goldByStart = new Dictionary<int, TextSpan>();
        foreach (var g in gold)
        {
            goldByStart.TryAdd(g.Start, g);
        }

        for (var i = 0; i < predicted.Count; i++)
        {
            var p = predicted[i];
            if (goldByStart.TryGetValue(p.Start, out var g) && g.End > p.End)
            {
                var j = i;
                while (j + 1 < predicted.Count && predicted[j + 1].Start == predicted[j].End && predicted[j].End < g.End)
                {
                    j++;
                }

                if (predicted[j].End == g.End)
                {
                    yield return g;
                    i = j;
                    continue;
                }
            }

            yield return p;
        }
    }

    static PrfScore Compare<T>(HashSet<T> gold, HashSet<T> predicted)
    {
        var correct = 0;
        foreach (var p in predicted)
        {
            if (gold.Contains(p))
            {
                correct++;
            }
        }

        return new PrfScore(gold.Count, predicted.Count, correct);
    }

    /// <summary>
    /// The standard report: EWT dev, GUM dev and GUM news (dev, and all GUM news documents of every split,
    /// since the splitter is not trained on them) from <paramref name="treebankDirectory"/>.
    /// Files that are absent are left out.
    /// </summary>
    public static IReadOnlyList<SegmentationScore> ScoreTreebanks(string treebankDirectory, ISentenceSplitter splitter, ITokenizer tokenizer)
    {
        var results = new List<SegmentationScore>();
        var ewtDev = Path.Combine(treebankDirectory, "en_ewt-ud-dev.conllu");
        if (File.Exists(ewtDev))
        {
            results.Add(Score("EWT dev", ConlluDocument.Read(ewtDev), splitter, tokenizer));
        }

        var gumDev = Path.Combine(treebankDirectory, "en_gum-ccby-dev.conllu");
        if (File.Exists(gumDev))
        {
            var docs = ConlluDocument.Read(gumDev);
            results.Add(Score("GUM dev", docs, splitter, tokenizer));
            results.Add(Score("GUM dev news", docs.Where(IsNews), splitter, tokenizer));
        }

        var allNews = new List<ConlluDocument>();
        foreach (var split in new[] { "train", "dev", "test" })
        {
            var path = Path.Combine(treebankDirectory, $"en_gum-ccby-{split}.conllu");
            if (File.Exists(path))
            {
                allNews.AddRange(ConlluDocument.Read(path).Where(IsNews));
            }
        }

        if (allNews.Count > 0)
        {
            results.Add(Score("GUM news (all splits)", allNews, splitter, tokenizer));
        }

        return results;
    }

    static bool IsNews(ConlluDocument d) => d.Id.Contains("_news_", StringComparison.Ordinal);
}

using Sitrep.Documents.Cleaning;
using Sitrep.Documents.Dates;
using Sitrep.Documents.Evaluation;
using Sitrep.Documents.Html;

namespace Sitrep.Tests.Documents;

public sealed class ExtractionEvaluationTests
{
    [Fact]
    public void Score_identical_texts_is_perfect_and_exact()
    {
        var s = ShingleMetric.Score("Troops entered the town on Sunday.", "Troops entered the town on Sunday");
        Assert.Equal((1.0, 0.0, 0.0, true), (s.TruePositive, s.FalsePositive, s.FalseNegative, s.ExactTokens));
    }

    [Fact]
    public void Score_extra_text_costs_precision_only()
    {
        // 6 gold tokens -> 3 shingles; 3 extra tokens add 3 false shingles: TP 3, FP 3 of 6.
        var s = ShingleMetric.Score("a b c d e f", "a b c d e f g h i");
        Assert.Equal(0.5, s.TruePositive, 6);
        Assert.Equal(0.5, s.FalsePositive, 6);
        Assert.Equal(0.0, s.FalseNegative, 6);
    }

    [Fact]
    public void Aggregate_averages_per_document_precision_and_recall()
    {
        var docs = new[] { ShingleMetric.Score("a b c d e f", "a b c d e f g h i"), ShingleMetric.Score("a b c d", "") };
        var score = ShingleMetric.Aggregate("x", docs);
        Assert.Equal(0.5, score.Precision, 6);      // only the first page counts: the empty prediction has no TP+FP
        Assert.Equal(0.5, score.Recall, 6);         // (1 + 0) / 2
        Assert.Equal(0.5, score.F1, 6);
    }

    [Fact]
    public void Run_scrapinghub_sample_scores_sanely_beside_peers()
    {
        var dir = DocumentsShared.Require("data", "article-extraction");
        var report = new ExtractionEvaluation(new HtmlMainTextExtractor(), new BoilerplateCleaner()).Run(dir, limit: 12, trafilatura: false);
        Assert.Equal(12, report.Ours[0].Documents);
        Assert.InRange(report.Ours[0].F1, 0.85, 1.0);
        Assert.Equal(8, report.Peers.Count);
    }

    [Fact]
    public void Run_htmldate_sample_dates_most_pages()
    {
        var dir = DocumentsShared.Require("data", "article-extraction", "htmldate-eval-en");
        var report = new DateEvaluation(new HtmlMainTextExtractor(), new PublicationDateResolver()).Run(dir, limit: 25);
        Assert.Equal(25, report.Pages);
        Assert.InRange(report.Accuracy, 0.75, 1.0);
    }
}

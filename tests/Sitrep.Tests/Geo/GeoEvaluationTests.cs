using Sitrep.Geo;

namespace Sitrep.Tests.Geo;

public sealed class GeoEvaluationTests
{
    [Fact]
    public void ScoreResolution_computes_accuracy_median_and_auc()
    {
        var s = GeoEvaluation.ScoreResolution([0, 100, 200, 20039], 1);
        Assert.Equal(0.5, s.AccuracyAt161);
        Assert.Equal(150, s.MedianKm);
        // Trapezoid over ln(e+1) sorted, / (ln 20039 * (n-1)).
        var y = new[] { 0, Math.Log(101), Math.Log(201), Math.Log(20040) };
        var expected = ((y[0] + y[1]) / 2 + (y[1] + y[2]) / 2 + (y[2] + y[3]) / 2) / (Math.Log(20039) * 3);
        Assert.Equal(expected, s.Auc, 6);
    }

    [Fact]
    public void ScoreRecognition_counts_exact_spans_and_treats_predictions_on_non_toponyms_as_spurious()
    {
        // Gritta et al. 2020 remove Non_Toponym and expression annotations from the gold before MUC-7 strict scoring.
        var text = "The EU met in Paris near the city hall.";
        var doc = new GoldDocument("d", text,
        [
            new(new Sitrep.Text.TextSpan(4, 2), "EU", "Non_Toponym", false, null, null),
            new(new Sitrep.Text.TextSpan(14, 5), "Paris", "Literal", true, 48.85, 2.35),
            new(new Sitrep.Text.TextSpan(29, 9), "city hall", "Literal_Expression", false, null, null),
        ]);
        PlaceMention M(int start, int length) => new(new Sitrep.Text.TextSpan(start, length), text.Substring(start, length), ToponymRole.Location, null, 1, null, null, 1);
        var s = GeoEvaluation.ScoreRecognition([(doc, [M(4, 2), M(14, 5)])]);
        Assert.Equal((1, 1, 0), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
        var partial = GeoEvaluation.ScoreRecognition([(doc, [M(14, 3)])]);
        Assert.Equal((0, 1, 1), (partial.TruePositives, partial.FalsePositives, partial.FalseNegatives));
    }

    [Fact]
    public void Align_moves_shifted_gold_offsets_onto_the_name()
    {
        var span = GeoEvaluation.Align("in Pandi, Bulacan", 4, 9, "Pandi");
        Assert.Equal(3, span.Start);
    }

    [Fact]
    public void SupplementReader_reads_rows_and_reports_bad_ones()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "geo", "user-places.tsv");
        var (places, errors) = SupplementReader.Read(path);
        Assert.Equal(2, places.Length);
        Assert.Contains("CP Zulu", places[0].Aliases);
        Assert.Single(errors);
        Assert.Equal(5, errors[0].Line);
    }
}

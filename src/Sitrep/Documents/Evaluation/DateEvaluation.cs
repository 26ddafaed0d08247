using System.Text.Json;
using Sitrep.Documents.Dates;

namespace Sitrep.Documents.Evaluation;

/// <summary>Day accuracy of our publication dates, overall and per source.</summary>
public sealed record DateReport(
    int Pages,
    int Correct,
    int Wrong,
    int Missing,
    IReadOnlyDictionary<DateSource, (int Correct, int Total)> BySource,
    IReadOnlyList<(string Url, string Gold, string? Ours, DateSource? Source)> Errors)
{
    /// <summary>Share of pages whose date equals the gold day (undated gold pages are right when we give no date).</summary>
    public double Accuracy => Pages == 0 ? 0 : Correct / (double)Pages;
}

/// <summary>
/// htmldate's English evaluation subset (<c>htmldate-eval-en/dates-en.json</c>: url → file, gold date):
/// extract each page, resolve its date (metadata, dateline, in-page heuristic) and compare days.
/// </summary>
public sealed class DateEvaluation(IMainTextExtractor extractor, PublicationDateResolver resolver)
{
    /// <summary>Runs the evaluation over at most <paramref name="limit"/> pages of <paramref name="dir"/>.</summary>
    public DateReport Run(string dir, int? limit = null)
    {
        // The upstream file writes undated pages as a bare NaN (pandas); read them as null: undated is the right answer.
        var raw = File.ReadAllText(Path.Combine(dir, "dates-en.json")).Replace(": NaN", ": null", StringComparison.Ordinal);
        using var json = JsonDocument.Parse(raw);
        int pages = 0, correct = 0, wrong = 0, missing = 0;
        var bySource = new Dictionary<DateSource, (int, int)>();
        var errors = new List<(string, string, string?, DateSource?)>();
        foreach (var entry in json.RootElement.EnumerateObject().Take(limit ?? int.MaxValue))
        {
            var file = entry.Value.GetProperty("file").GetString()!;
            var gold = entry.Value.GetProperty("date").GetString();
            var path = Path.Combine(dir, "html", file + ".gz");
            if (!File.Exists(path))
            {
                path = Path.Combine(dir, "html", file);
                if (!File.Exists(path))
                {
                    continue;
                }
            }

            pages++;
            var page = extractor.Extract(ExtractionEvaluation.ReadMaybeGzip(path), entry.Name);
            var date = resolver.Resolve(page);
            var ours = date?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (date is null)
            {
                if (gold is null)
                {
                    correct++;
                }
                else
                {
                    missing++;
                    errors.Add((entry.Name, gold, null, null));
                }

                continue;
            }

            var ok = string.Equals(ours, gold, StringComparison.Ordinal);
            var (c, t) = bySource.GetValueOrDefault(date.Source);
            bySource[date.Source] = (c + (ok ? 1 : 0), t + 1);
            if (ok)
            {
                correct++;
            }
            else
            {
                wrong++;
                errors.Add((entry.Name, gold ?? "undated", ours, date.Source));
            }
        }

        return new DateReport(pages, correct, wrong, missing, bySource, errors);
    }
}

/// <summary>Datelines found in a news corpus and their agreement with its date column.</summary>
public sealed record DatelineCorpusReport(int Documents, int Found, int Agree)
{
    /// <summary>Share of documents with a dateline.</summary>
    public double Coverage => Documents == 0 ? 0 : Found / (double)Documents;

    /// <summary>Share of found datelines equal to the corpus date.</summary>
    public double Agreement => Found == 0 ? 0 : Agree / (double)Found;
}

/// <summary>
/// Runs the dateline finder over a CSV news corpus (FA-KES: <c>article_content</c>, <c>date</c> as M/d/yyyy) and
/// compares each dateline with the corpus date column.
/// </summary>
public sealed class DatelineCorpusEvaluation(IPublicationDateFinder finder, ITextCleaner cleaner)
{
    /// <summary>Runs over <paramref name="csvPath"/>, reading text from <paramref name="textColumn"/> and gold from <paramref name="dateColumn"/>.</summary>
    public DatelineCorpusReport Run(string csvPath, string textColumn = "article_content", string dateColumn = "date")
    {
        using var reader = new StreamReader(csvPath);
        var csv = new Ingest.CsvRecordReader(reader, 50_000_000);
        var fields = new List<string>();
        if (!csv.TryRead(fields, out _))
        {
            return new DatelineCorpusReport(0, 0, 0);
        }

        var ti = fields.IndexOf(textColumn);
        var di = fields.IndexOf(dateColumn);
        if (ti < 0 || di < 0)
        {
            throw new InvalidDataException($"{csvPath}: needs columns {textColumn} and {dateColumn}");
        }

        int docs = 0, found = 0, agree = 0;
        while (csv.TryRead(fields, out var tooLong))
        {
            if (tooLong || fields.Count <= Math.Max(ti, di))
            {
                continue;
            }

            docs++;
            var date = finder.Find(cleaner.Clean(fields[ti]).Text);
            if (date is null)
            {
                continue;
            }

            found++;
            if (DateOnly.TryParseExact(fields[di].Trim(), ["M/d/yyyy", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var gold) && gold == date.Date)
            {
                agree++;
            }
        }

        return new DatelineCorpusReport(docs, found, agree);
    }
}

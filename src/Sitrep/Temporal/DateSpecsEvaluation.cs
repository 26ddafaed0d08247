using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sitrep.Text;

namespace Sitrep.Temporal;

/// <summary>One expected or found expression of a spec case: its span and, when known, its past-resolution interval.</summary>
/// <param name="Start">Offset in the input.</param>
/// <param name="Length">Length in the input.</param>
/// <param name="Start0">First day of the value, if it has one.</param>
/// <param name="EndExclusive">Day after the last day of the value (Recognizers' end convention), if it has one.</param>
/// <param name="DateType">True when the expected type is a date or date range (not a time, duration or set).</param>
public readonly record struct SpecItem(int Start, int Length, DateOnly? Start0, DateOnly? EndExclusive, bool DateType);

/// <summary>One case of a Recognizers-Text spec file.</summary>
/// <param name="Input">The sentence.</param>
/// <param name="Reference">The reference date (2016-11-07 when the case has none, as in the extractor files).</param>
/// <param name="Expected">The expected expressions.</param>
public sealed record SpecCase(string Input, DateOnly Reference, ImmutableArray<SpecItem> Expected);

/// <summary>Pass counts of one spec file.</summary>
/// <param name="File">File name (English/… or EnglishOthers/…).</param>
/// <param name="Cases">Cases run (those marked NotSupported for dotNet are left out).</param>
/// <param name="Passed">Cases passed.</param>
/// <param name="DateCases">Cases whose expected results are all dates or date ranges (or empty).</param>
/// <param name="DatePassed">Of those, passed.</param>
public sealed record SpecFileScore(string File, int Cases, int Passed, int DateCases, int DatePassed);

/// <summary>
/// Runs the Recognizers-Text English DateTime specs (../shared/data/dates/recognizers-text-specs) in news mode.
/// Comparison rule (the same in tools/dates-compare): a case passes when the expressions found are exactly
/// the expected ones by start and length; in *Parser and *Model files each must also resolve to the expected
/// PAST resolution at day level: a date equals our one-day interval; a range [start, end) matches our
/// inclusive [s, e] when s = start and e + 1 = end or e = end (Recognizers writes "from 4 to 22" with end 22);
/// an open range compares its present side; a value with no date (time, duration, set) is compared by span only.
/// </summary>
public static class DateSpecsEvaluation
{
    static readonly DateOnly DefaultReference = new(2016, 11, 7);

    /// <summary>True when a file's results carry values (Parser and Model files).</summary>
    public static bool HasValues(string file) =>
        file.Contains("Parser", StringComparison.Ordinal) || file.Contains("Model", StringComparison.Ordinal);

    /// <summary>Reads the cases of one spec file (BOM tolerated).</summary>
    public static IReadOnlyList<SpecCase> ReadCases(string path)
    {
        var model = Path.GetFileName(path).Contains("Model", StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<SpecCase>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            if (NotSupported(c, "NotSupported") || NotSupported(c, "NotSupportedByDesign"))
            {
                continue;
            }

            var input = c.GetProperty("Input").GetString() ?? string.Empty;
            var reference = DefaultReference;
            if (c.TryGetProperty("Context", out var ctx) && ctx.TryGetProperty("ReferenceDateTime", out var r) && r.GetString() is { Length: >= 10 } rs)
            {
                reference = DateOnly.ParseExact(rs[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            var expected = ImmutableArray.CreateBuilder<SpecItem>();
            if (c.TryGetProperty("Results", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                foreach (var res in results.EnumerateArray())
                {
                    expected.Add(model ? ReadModelResult(res) : ReadResult(res));
                }
            }

            cases.Add(new SpecCase(input, reference, expected.ToImmutable()));
        }

        return cases;
    }

    static bool NotSupported(JsonElement c, string name) =>
        c.TryGetProperty(name, out var ns) && ns.ValueKind == JsonValueKind.String
        && (ns.GetString() ?? string.Empty).Contains("dotNet", StringComparison.OrdinalIgnoreCase);

    static SpecItem ReadResult(JsonElement res)
    {
        var start = res.GetProperty("Start").GetInt32();
        var length = res.GetProperty("Length").GetInt32();
        var type = res.TryGetProperty("Type", out var t) ? t.GetString() ?? string.Empty : string.Empty;
        DateOnly? s = null, e = null;
        if (res.TryGetProperty("Value", out var v) && v.ValueKind == JsonValueKind.Object && v.TryGetProperty("PastResolution", out var past) && past.ValueKind == JsonValueKind.Object)
        {
            if (Date(past, "date") is { } d)
            {
                (s, e) = (d, d.AddDays(1));
            }
            else
            {
                (s, e) = (Date(past, "startDate"), Date(past, "endDate"));
            }
        }

        return new SpecItem(start, length, s, e, type is "date" or "daterange");
    }

    static SpecItem ReadModelResult(JsonElement res)
    {
        var start = res.GetProperty("Start").GetInt32();
        var end = res.GetProperty("End").GetInt32();
        var type = res.TryGetProperty("TypeName", out var t) ? t.GetString() ?? string.Empty : string.Empty;
        var (s, e) = ModelValue(res);
        return new SpecItem(start, end - start + 1, s, e, type is "datetimeV2.date" or "datetimeV2.daterange");
    }

    /// <summary>The past value of a Model result: the first of its values (Recognizers lists the past one first).</summary>
    static (DateOnly? Start, DateOnly? EndExclusive) ModelValue(JsonElement res)
    {
        if (!res.TryGetProperty("Resolution", out var resolution) || resolution.ValueKind != JsonValueKind.Object
            || !resolution.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
        {
            return (null, null);
        }

        var first = values[0];
        var type = first.TryGetProperty("type", out var ty) ? ty.GetString() : null;
        if (type is "date" && Date(first, "value") is { } d)
        {
            return (d, d.AddDays(1));
        }

        if (type is "daterange")
        {
            return (Date(first, "start"), Date(first, "end"));
        }

        return (null, null);
    }

    static DateOnly? Date(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: >= 10 } s
        && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>True when <paramref name="found"/> passes <paramref name="c"/> under the rule above.</summary>
    public static bool Passes(SpecCase c, IReadOnlyList<TemporalExpression> found, bool compareValues)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(found);
        if (found.Count != c.Expected.Length)
        {
            return false;
        }

        foreach (var exp in c.Expected)
        {
            var match = found.FirstOrDefault(f => f.Span.Start == exp.Start && f.Span.Length == exp.Length);
            if (match is null)
            {
                return false;
            }

            if (compareValues && !ValueMatches(exp, match.Interval))
            {
                return false;
            }
        }

        return true;
    }

    static bool ValueMatches(SpecItem exp, DateInterval ours)
    {
        if (exp.Start0 is null && exp.EndExclusive is null)
        {
            return true;
        }

        if (exp.Start0 is { } s && ours.Start != s)
        {
            return false;
        }

        return exp.EndExclusive is not { } e || ours.End.AddDays(1) == e || ours.End == e;
    }

    /// <summary>Runs every English spec file under <paramref name="specsDirectory"/> through <paramref name="tagger"/> in news mode (past reading).</summary>
    public static IReadOnlyList<SpecFileScore> Run(string specsDirectory, TemporalTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var scores = new List<SpecFileScore>();
        foreach (var sub in new[] { "English", "EnglishOthers" })
        {
            var dir = Path.Combine(specsDirectory, sub);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var path in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
            {
                var file = $"{sub}/{Path.GetFileName(path)}";
                var values = HasValues(file);
                int cases = 0, passed = 0, dateCases = 0, datePassed = 0;
                foreach (var c in ReadCases(path))
                {
                    var found = tagger.Tag(c.Input, new TextSpan(0, c.Input.Length), c.Reference, TenseHint.Past);
                    var ok = Passes(c, found, values);
                    cases++;
                    passed += ok ? 1 : 0;
                    if (c.Expected.All(e => e.DateType))
                    {
                        dateCases++;
                        datePassed += ok ? 1 : 0;
                    }
                }

                scores.Add(new SpecFileScore(file, cases, passed, dateCases, datePassed));
            }
        }

        return scores;
    }

    /// <summary>
    /// Reads per-file scores written by tools/dates-compare (JSON: { "system": { "English/File.json":
    /// { "cases": n, "passed": n, "dateCases": n, "datePassed": n } } }); empty when the file is absent.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, SpecFileScore>> ReadOthers(string path)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, SpecFileScore>>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var system in doc.RootElement.EnumerateObject())
        {
            if (system.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var files = new Dictionary<string, SpecFileScore>(StringComparer.Ordinal);
            foreach (var f in system.Value.EnumerateObject())
            {
                int Get(string n) => f.Value.TryGetProperty(n, out var p) && p.TryGetInt32(out var v) ? v : 0;
                files[f.Name] = new SpecFileScore(f.Name, Get("cases"), Get("passed"), Get("dateCases"), Get("datePassed"));
            }

            result[system.Name] = files;
        }

        return result;
    }
}

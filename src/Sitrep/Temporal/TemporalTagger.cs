using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Temporal;

/// <summary>
/// Finds temporal expressions with the patterns of data/temporal/patterns.tsv and resolves them, in news mode,
/// against a reference (publication) date: a bare weekday, month or month-day is the most recent one on or
/// before the reference date unless the caller asks for the future reading (or, with
/// <see cref="TenseHint.Auto"/>, a future cue such as "will" precedes it). Intervals are inclusive; the
/// precision is ACLED's (one day → Day, up to seven days → Week, longer → Month).
/// </summary>
public sealed class TemporalTagger : ITemporalTagger
{
    readonly TemporalLexicon _lexicon;

    /// <summary>Creates a tagger with the data shipped in <c>data/temporal</c>.</summary>
    public TemporalTagger()
        : this(TemporalLexicon.Load())
    {
    }

    /// <summary>Creates a tagger with <paramref name="lexicon"/>.</summary>
    public TemporalTagger(TemporalLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <inheritdoc />
    public ImmutableArray<TemporalExpression> Tag(string text, TextSpan scope, DateOnly reference) =>
        Tag(text, scope, reference, TenseHint.Auto);

    /// <summary>Expressions inside <paramref name="scope"/>, reading ambiguous ones as <paramref name="hint"/> says.</summary>
    public ImmutableArray<TemporalExpression> Tag(string text, TextSpan scope, DateOnly reference, TenseHint hint)
    {
        ArgumentNullException.ThrowIfNull(text);
        var present = ClassesIn(text, scope);
        if (present == 0)
        {
            return [];
        }

        var candidates = new List<(TextSpan Span, int Order, Match Match, TemporalPattern Pattern)>();
        for (var p = 0; p < _lexicon.Patterns.Length; p++)
        {
            var pattern = _lexicon.Patterns[p];
            if (!pattern.MayMatch(present))
            {
                continue;
            }

            // Non-backtracking regexes run in linear time: no timeout needed.
            var m = pattern.Regex.Match(text, scope.Start, scope.Length);
            while (m.Success)
            {
                if (m.Length > 0)
                {
                    var g = m.Groups["span"];
                    var span = g.Success ? new TextSpan(g.Index, g.Length) : new TextSpan(m.Index, m.Length);
                    candidates.Add((span, p, m, pattern));
                }

                m = m.NextMatch();
            }
        }

        // Longest first, then earlier pattern; then resolve, keeping those that do not overlap a kept one.
        candidates.Sort((a, b) => a.Span.Length != b.Span.Length ? b.Span.Length.CompareTo(a.Span.Length) : a.Order.CompareTo(b.Order));
        var kept = new List<TemporalExpression>();
        foreach (var c in candidates)
        {
            if (kept.Exists(k => k.Span.Overlaps(c.Span)))
            {
                continue;
            }

            var future = hint == TenseHint.Future || (hint == TenseHint.Auto && HasFutureCue(text, scope, c.Span.Start));
            var resolved = Resolve(text, c.Span, c.Match, c.Pattern.Rule, reference, future);
            if (resolved is not null)
            {
                kept.Add(resolved);
            }
        }

        kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return CombineRanges(text, scope, kept, reference);
    }

    /// <summary>Pre-filter: the word classes (<see cref="TemporalLexicon.ClassBits"/>) present in the scope.</summary>
    int ClassesIn(string text, TextSpan scope)
    {
        var present = 0;
        var i = scope.Start;
        var end = scope.End;
        while (i < end)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                present |= 1;
                i++;
                continue;
            }

            if (!char.IsLetter(c))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < end && char.IsLetter(text[i]))
            {
                i++;
            }

            if (_lexicon.TriggerLookup.TryGetValue(text.AsSpan(s, i - s), out var bits))
            {
                present |= bits;
            }
        }

        return present;
    }

    bool HasFutureCue(string text, TextSpan scope, int start)
    {
        var from = Math.Max(scope.Start, start - 48);
        for (var i = start - 1; i >= from; i--)
        {
            // Only the same sentence (or clause after a semicolon) counts.
            if (text[i] is '.' or '!' or '?' or ';' or '\n')
            {
                from = i + 1;
                break;
            }
        }

        return _lexicon.FutureCue.IsMatch(text.AsSpan(from, start - from));
    }

    TemporalExpression? Resolve(string text, TextSpan span, Match m, string rule, DateOnly reference, bool future)
    {
        var interval = rule switch
        {
            "date" => ResolveDate(text, m, reference, future),
            "dayrange" => ResolveDayRange(m, reference, future),
            "month" => ResolveMonth(m, reference, future),
            "year" => ResolveYear(m),
            "relday" => Int(_lexicon.Lookup("relday", m.Groups["relday"].ValueSpan)) is int off ? Day(reference.AddDays(off)) : null,
            "weekday" => ResolveWeekday(m, reference, future),
            "relperiod" => ResolveRelPeriod(m, reference),
            "weekend" => ResolveWeekend(m, reference, future),
            "recent" => ResolveRecent(m, reference),
            "ago" => Shift(m, reference, -1),
            "later" => FollowedByOf(text, m) ? null : Shift(m, reference, 1),
            "dayofmonth" => !NextWordAllowsDay(text, m) ? null : ResolveDayOfMonth(m, reference, future),
            "numdate" => ResolveNumericDate(text, m, reference, future),
            "yearrange" => ResolveYearRange(m),
            "offset" => ResolveOffset(m, reference),
            "nthweekday" => ResolveNthWeekday(m, reference, future),
            "weekof" => ResolveDate(text, m, reference, future) is { } day ? Week(day.Start) : null,
            "decade" => ResolveDecade(m),
            "quarter" => ResolveQuarter(m, reference),
            "season" => ResolveSeason(m, reference),
            "holiday" => ResolveHoliday(m, reference, future),
            _ => throw new InvalidOperationException($"unknown temporal rule '{rule}'"),
        };
        if (interval is not { } iv)
        {
            return null;
        }

        // A sentence's final period is not part of a full month name ("at the end of October.").
        if (span.Length > 1 && text[span.End - 1] == '.')
        {
            var ws = span.End - 1;
            while (ws > span.Start && char.IsLetter(text[ws - 1]))
            {
                ws--;
            }

            if (!_lexicon.IsAbbreviation(text.AsSpan(ws, span.End - 1 - ws)))
            {
                span = TextSpan.FromBounds(span.Start, span.End - 1);
            }
        }

        var precision = rule == "ago" ? AgoPrecision(m) : PrecisionOf(iv);
        return new TemporalExpression(span, iv, precision, Timex(iv), iv.Start > reference);
    }

    // ---- rules -------------------------------------------------------------------------------------

    DateInterval? ResolveDate(string text, Match m, DateOnly reference, bool future)
    {
        var month = MonthOf(m);
        var day = DayOf(m, "day", "dayword");
        if (month is null || day is null)
        {
            return null;
        }

        // In normally cased text a lower-case "may"/"march" is the verb ("they may 5 ...").
        if (IsVerbLikeMonth(m) && HasUpperCase(text))
        {
            return null;
        }

        var year = YearOf(m);
        if (year is int y)
        {
            return TryDate(y, month.Value, day.Value) is { } d ? Day(d) : null;
        }

        return Anchor(reference, future, y2 => TryDate(y2, month.Value, day.Value)) is { } a ? Day(a) : null;
    }

    DateInterval? ResolveDayRange(Match m, DateOnly reference, bool future)
    {
        var month = MonthOf(m);
        var d1 = DayOf(m, "day", "dayword");
        var d2 = DayOf(m, "day2", "day2");
        if (month is null || d1 is null || d2 is null || d2 <= d1)
        {
            return null;
        }

        DateOnly? start = YearOf(m) is int y
            ? TryDate(y, month.Value, d1.Value)
            : Anchor(reference, future, yy => TryDate(yy, month.Value, d1.Value));
        if (start is not { } s || TryDate(s.Year, month.Value, d2.Value) is not { } e)
        {
            return null;
        }

        return new DateInterval(s, e);
    }

    DateInterval? ResolveMonth(Match m, DateOnly reference, bool future)
    {
        var month = MonthOf(m);
        if (month is null)
        {
            return null;
        }

        var monthGroup = m.Groups["month"];
        var hasYear = m.Groups["year"].Success;
        var hasMod = m.Groups["mod"].Success;
        if (!hasYear && monthGroup.Success)
        {
            // Bare months: full names only ("Mar" is too ambiguous), and not the verbs "may"/"march".
            if (IsVerbLikeMonth(m) || (_lexicon.IsAbbreviation(monthGroup.ValueSpan) && !hasMod))
            {
                return null;
            }
        }

        int year;
        if (YearOf(m) is int y)
        {
            year = y;
        }
        else if (m.Groups["yrel"].Success)
        {
            year = reference.Year + (_lexicon.Lookup("dayrel", m.Groups["yrel"].ValueSpan) switch { "last" or "past" => -1, "next" => 1, _ => 0 });
        }
        else if (m.Groups["rel"].Success)
        {
            var rel = _lexicon.Lookup("dayrel", m.Groups["rel"].ValueSpan);
            year = rel switch
            {
                "last" or "past" => month.Value < reference.Month ? reference.Year : reference.Year - 1,
                "next" => month.Value > reference.Month ? reference.Year : reference.Year + 1,
                _ => reference.Year,
            };
        }
        else
        {
            year = future
                ? (month.Value >= reference.Month ? reference.Year : reference.Year + 1)
                : (month.Value <= reference.Month ? reference.Year : reference.Year - 1);
        }

        var whole = new DateInterval(new DateOnly(year, month.Value, 1), new DateOnly(year, month.Value, DateTime.DaysInMonth(year, month.Value)));
        return hasMod ? ApplyMod(whole, "month", _lexicon.Lookup("mod", m.Groups["mod"].ValueSpan), reference) : whole;
    }

    DateInterval? ResolveYear(Match m)
    {
        if (YearOf(m) is not int y)
        {
            return null;
        }

        var whole = new DateInterval(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        return m.Groups["mod"].Success ? ApplyMod(whole, "year", _lexicon.Lookup("mod", m.Groups["mod"].ValueSpan), default) : whole;
    }

    DateInterval? ResolveWeekday(Match m, DateOnly reference, bool future)
    {
        var g = m.Groups["weekday"];
        if (Int(_lexicon.Lookup("weekday", g.ValueSpan)) is not int wd)
        {
            return null;
        }

        // Abbreviations alone ("sat", "sun", "wed") are words too: only capitalised ones count.
        if (g.Length == 3 && !char.IsUpper(g.ValueSpan[0]) && !m.Groups["rel"].Success)
        {
            return null;
        }

        var refWd = IsoDay(reference);
        var rel = m.Groups["rel"].Success ? _lexicon.Lookup("dayrel", m.Groups["rel"].ValueSpan) : null;
        if (m.Value.Contains("week", StringComparison.OrdinalIgnoreCase))
        {
            // "next week on Friday", "Friday last week": that week's day.
            var weekOffset = rel switch { "last" or "past" => -1, "next" => 1, _ => 0 };
            return Day(Week(reference.AddDays(7 * weekOffset)).Start.AddDays(wd - 1));
        }

        var date = rel switch
        {
            "last" or "past" => reference.AddDays(-(((refWd - wd + 6) % 7) + 1)),
            "this" => reference.AddDays(wd - refWd),
            "next" => reference.AddDays(7 + wd - refWd),
            _ when future => reference.AddDays((wd - refWd + 7) % 7),
            _ => reference.AddDays(-((refWd - wd + 7) % 7)),
        };
        return Day(date);
    }

    DateInterval? ResolveRelPeriod(Match m, DateOnly reference)
    {
        var unit = _lexicon.Lookup("unit", m.Groups["unit"].ValueSpan);
        var rel = m.Groups["rel"].Success ? _lexicon.Lookup("dayrel", m.Groups["rel"].ValueSpan) : "this";
        var mod = m.Groups["mod"].Success ? _lexicon.Lookup("mod", m.Groups["mod"].ValueSpan) : null;
        if (unit is null || rel is null)
        {
            return null;
        }

        if (rel == "past" && mod is null)
        {
            // "the past week": the seven days before the reference date.
            var start = unit switch
            {
                "week" => reference.AddDays(-7),
                "month" => reference.AddMonths(-1),
                "year" => reference.AddYears(-1),
                _ => reference.AddYears(-10),
            };
            return new DateInterval(start, reference.AddDays(-1));
        }

        var offset = rel switch { "last" or "past" => -1, "next" => 1, _ => 0 };
        var whole = unit switch
        {
            "week" => Week(reference.AddDays(7 * offset)),
            "month" => Month(reference.AddMonths(offset)),
            "year" => Year(reference.Year + offset),
            "decade" => new DateInterval(new DateOnly((reference.Year / 10 * 10) + (10 * offset), 1, 1), new DateOnly((reference.Year / 10 * 10) + (10 * offset) + 9, 12, 31)),
            _ => (DateInterval?)null,
        };
        return whole is { } w && mod is not null ? ApplyMod(w, unit, mod, reference) : whole;
    }

    DateInterval? ResolveWeekend(Match m, DateOnly reference, bool future)
    {
        var refWd = IsoDay(reference);
        var text = (m.Groups["rel"].Success ? _lexicon.Lookup("dayrel", m.Groups["rel"].ValueSpan) : null) switch
        {
            "last" or "past" => "LAST",
            "next" => "NEXT",
            "this" => "THIS",
            _ => string.Empty,
        };
        DateOnly saturday;
        if (text == "NEXT" || (future && text != "LAST"))
        {
            saturday = reference.AddDays((6 - refWd + 7) % 7);
            if (text == "NEXT" && refWd >= 6)
            {
                saturday = saturday.AddDays(7);
            }
        }
        else if (text == "THIS")
        {
            saturday = reference.AddDays(6 - refWd);
        }
        else
        {
            // The weekend on or before the reference date (the current one on Saturday or Sunday).
            saturday = refWd >= 6 ? reference.AddDays(6 - refWd) : reference.AddDays(-(refWd + 1));
            if (text == "LAST" && refWd >= 6)
            {
                saturday = saturday.AddDays(-7);
            }
        }

        // In the past reading the weekend cannot run past the reference date (an article of Saturday).
        var sunday = saturday.AddDays(1);
        return new DateInterval(saturday, !future && sunday > reference && saturday <= reference ? reference : sunday);
    }

    DateInterval? ResolveRecent(Match m, DateOnly reference)
    {
        var unit = _lexicon.Lookup("unit", m.Groups["unit"].ValueSpan);
        int n;
        if (m.Groups["recent"].Success)
        {
            n = Int(_lexicon.Lookup("recent", m.Groups["recent"].ValueSpan)) ?? 3;
        }
        else if (m.Groups["num"].Success)
        {
            n = NumberOf(m.Groups["num"].ValueSpan) ?? 0;
        }
        else
        {
            n = 1;
        }

        if (unit is null || n <= 0 || n > 500)
        {
            return null;
        }

        var rel = m.Groups["rel"].Success ? _lexicon.Lookup("dayrel", m.Groups["rel"].ValueSpan) : "past";
        return rel == "next"
            ? new DateInterval(reference.AddDays(1), Add(reference, unit, n))
            : new DateInterval(Add(reference, unit, -n), reference.AddDays(-1));
    }

    DateInterval? Shift(Match m, DateOnly reference, int sign)
    {
        var unit = _lexicon.Lookup("unit", m.Groups["unit"].ValueSpan);
        if (unit is null || NumberOf(m.Groups["num"].ValueSpan) is not int n || n <= 0 || n > 500)
        {
            return null;
        }

        return Day(Add(reference, unit, sign * n));
    }

    DateInterval? ResolveDayOfMonth(Match m, DateOnly reference, bool future)
    {
        if (DayOf(m, "day", "dayword") is not int day)
        {
            return null;
        }

        var candidate = TryDate(reference.Year, reference.Month, day);
        if (future)
        {
            if (candidate is null || candidate < reference)
            {
                var next = reference.AddMonths(1);
                candidate = TryDate(next.Year, next.Month, day);
            }
        }
        else if (candidate is null || candidate > reference)
        {
            var prev = reference.AddMonths(-1);
            candidate = TryDate(prev.Year, prev.Month, day);
        }

        return candidate is { } c ? Day(c) : null;
    }

    static DateInterval? ResolveDecade(Match m)
    {
        var y = m.Groups["decade"].Success
            ? int.Parse(m.Groups["decade"].ValueSpan, CultureInfo.InvariantCulture)
            : 1900 + int.Parse(m.Groups["decade2"].ValueSpan, CultureInfo.InvariantCulture);
        return new DateInterval(new DateOnly(y, 1, 1), new DateOnly(y + 9, 12, 31));
    }

    static DateInterval? ResolveQuarter(Match m, DateOnly reference)
    {
        var (q, months) = m.Groups["quarter"].Value.ToUpperInvariant() switch
        {
            "Q1" or "FIRST" or "1ST" => (1, 3),
            "Q2" or "SECOND" or "2ND" => (2, 3),
            "Q3" or "THIRD" or "3RD" => (3, 3),
            "Q4" or "FOURTH" or "4TH" => (4, 3),
            "H1" => (1, 6),
            "H2" => (2, 6),
            _ => (0, 0),
        };
        var y = YearOf(m) ?? reference.Year;
        if (q == 0)
        {
            return null;
        }

        var start = new DateOnly(y, 1, 1).AddMonths((q - 1) * months);
        return new DateInterval(start, start.AddMonths(months).AddDays(-1));
    }

    DateInterval? ResolveSeason(Match m, DateOnly reference)
    {
        var value = _lexicon.Lookup("season", m.Groups["season"].ValueSpan);
        if (value is null)
        {
            return null;
        }

        var parts = value.Split(':');
        var firstMonth = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var months = int.Parse(parts[1], CultureInfo.InvariantCulture);
        int year;
        if (YearOf(m) is int y)
        {
            year = y;
        }
        else
        {
            var rel = _lexicon.Lookup("dayrel", m.Groups["rel"].ValueSpan);
            var thisOne = new DateOnly(reference.Year, firstMonth, 1);
            year = rel switch
            {
                "last" or "past" => thisOne.AddMonths(months) <= reference ? reference.Year : reference.Year - 1,
                "next" => thisOne > reference ? reference.Year : reference.Year + 1,
                _ => reference.Year,
            };
        }

        var start = new DateOnly(year, firstMonth, 1);
        return new DateInterval(start, start.AddMonths(months).AddDays(-1));
    }

    /// <summary>
    /// "Eid al-Fitr", "last Christmas", "Ramadan 2016", "Thanksgiving of next year": a bare holiday is the most recent
    /// occurrence on or before the reference (the next on or after it when future), as for a bare month-day.
    /// </summary>
    DateInterval? ResolveHoliday(Match m, DateOnly reference, bool future)
    {
        if (!_lexicon.Holidays.TryGetValue(TemporalLexicon.Normalize(m.Groups["holiday"].Value), out var rule))
        {
            return null;
        }

        var year = YearOf(m);
        if (year is null && m.Groups["relyear"].Success)
        {
            year = reference.Year + (_lexicon.Lookup("dayrel", m.Groups["relyear"].ValueSpan) switch { "last" or "past" => -1, "next" => 1, _ => 0 });
        }

        if (year is int y)
        {
            return rule.In(y).Cast<DateInterval?>().FirstOrDefault();
        }

        var occurrences = rule.In(reference.Year - 1).Concat(rule.In(reference.Year)).Concat(rule.In(reference.Year + 1)).ToList();
        var rel = m.Groups["rel"].Success ? _lexicon.Lookup("dayrel", m.Groups["rel"].ValueSpan) : null;
        return rel switch
        {
            "this" => occurrences.Where(o => o.Start.Year == reference.Year).Cast<DateInterval?>().FirstOrDefault(),
            "next" => occurrences.Where(o => o.Start > reference).Cast<DateInterval?>().FirstOrDefault(),
            "last" or "past" => occurrences.Where(o => o.End < reference).Cast<DateInterval?>().LastOrDefault(),
            _ when future => occurrences.Where(o => o.End >= reference).Cast<DateInterval?>().FirstOrDefault(),
            _ => occurrences.Where(o => o.Start <= reference).Cast<DateInterval?>().LastOrDefault(),
        };
    }

    static DateInterval? ResolveNumericDate(string text, Match m, DateOnly reference, bool future)
    {
        var n1 = int.Parse(m.Groups["n1"].ValueSpan, CultureInfo.InvariantCulture);
        var n2 = int.Parse(m.Groups["n2"].ValueSpan, CultureInfo.InvariantCulture);

        // Month first (US) unless the first number cannot be a month (21/04/2016).
        var (month, day) = n1 > 12 ? (n2, n1) : (n1, n2);
        if (!m.Groups["year"].Success)
        {
            // "4/22" without a year: only with a slash, and not a fraction ("1/3 of").
            if (!m.Value.Contains('/', StringComparison.Ordinal) || FollowedByOf(text, m) || (n1 <= 12 && n2 <= 12 && n1 < n2 && n2 <= 4))
            {
                return null;
            }

            return Anchor(reference, future, y => TryDate(y, month, day)) is { } a ? Day(a) : null;
        }

        return YearOf(m) is int year && TryDate(year, month, day) is { } d ? Day(d) : null;
    }

    DateInterval? ResolveNthWeekday(Match m, DateOnly reference, bool future)
    {
        if (Int(_lexicon.Lookup("weekday", m.Groups["weekday"].ValueSpan)) is not int wd)
        {
            return null;
        }

        int year, month;
        if (m.Groups["month"].Success)
        {
            if (MonthOf(m) is not int mo)
            {
                return null;
            }

            month = mo;
            year = YearOf(m) ?? (future
                ? (mo >= reference.Month ? reference.Year : reference.Year + 1)
                : (mo <= reference.Month ? reference.Year : reference.Year - 1));
        }
        else
        {
            var offset = (m.Groups["rel"].Success ? _lexicon.Lookup("dayrel", m.Groups["rel"].ValueSpan) : "this") switch { "last" or "past" => -1, "next" => 1, _ => 0 };
            var d = reference.AddMonths(offset);
            (year, month) = (d.Year, d.Month);
        }

        var nth = m.Groups["nth"].Value.ToUpperInvariant() switch
        {
            "FIRST" or "1ST" => 1,
            "SECOND" or "2ND" => 2,
            "THIRD" or "3RD" => 3,
            "FOURTH" or "4TH" => 4,
            _ => -1,
        };
        if (nth > 0)
        {
            var first = new DateOnly(year, month, 1);
            return Day(first.AddDays(((wd - IsoDay(first) + 7) % 7) + (7 * (nth - 1))));
        }

        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return Day(last.AddDays(-((IsoDay(last) - wd + 7) % 7)));
    }

    static DateInterval? ResolveYearRange(Match m)
    {
        var y1 = int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        var y2 = int.Parse(m.Groups["year2"].ValueSpan, CultureInfo.InvariantCulture);
        return y2 > y1 ? new DateInterval(new DateOnly(y1, 1, 1), new DateOnly(y2, 12, 31)) : null;
    }

    DateInterval? ResolveOffset(Match m, DateOnly reference)
    {
        if (Int(_lexicon.Lookup("relday", m.Groups["relday"].ValueSpan)) is not int baseOffset)
        {
            return null;
        }

        var sign = m.Groups["dir"].ValueSpan.Equals("before", StringComparison.OrdinalIgnoreCase) ? -1 : 1;
        return Shift(m, reference.AddDays(baseOffset), sign);
    }

    /// <summary>"on the 3rd" is a day of the month unless a capitalised word or an ordinal noun follows ("the 3rd Division", "the 2nd round").</summary>
    bool NextWordAllowsDay(string text, Match m)
    {
        var i = m.Index + m.Length;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i >= text.Length || !char.IsLetter(text[i]))
        {
            return true;
        }

        // A spelled ordinal ("the first") is a day only at the end of a phrase.
        if (m.Groups["dayword"].Success)
        {
            return false;
        }

        if (char.IsUpper(text[i]))
        {
            return false;
        }

        var e = i;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }

        return !_lexicon.OrdinalNouns.Contains(text[i..e].ToLowerInvariant());
    }

    // ---- ranges and "since" ------------------------------------------------------------------------

    static ImmutableArray<TemporalExpression> CombineRanges(string text, TextSpan scope, List<TemporalExpression> found, DateOnly reference)
    {
        var result = ImmutableArray.CreateBuilder<TemporalExpression>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var e = found[i];
            var before = LastWordBefore(text, scope, e.Span.Start, out var wordStart);
            if (i + 1 < found.Count && Connector(text, e.Span.End, found[i + 1].Span.Start) is string conn)
            {
                var next = found[i + 1];
                var opener = before is "FROM" or "BETWEEN";
                var ok = conn == "AND" ? before == "BETWEEN" : (opener || conn is "-" or "–" or "TO" or "THROUGH" or "UNTIL" or "TILL");
                if (ok && next.Interval.End >= e.Interval.Start)
                {
                    var start = opener ? wordStart : e.Span.Start;
                    var iv = new DateInterval(e.Interval.Start, next.Interval.End);
                    result.Add(new TemporalExpression(TextSpan.FromBounds(start, next.Span.End), iv, PrecisionOf(iv), Timex(iv), iv.Start > reference));
                    i++;
                    continue;
                }
            }

            if (before == "SINCE" && e.Interval.Start <= reference)
            {
                var iv = new DateInterval(e.Interval.Start, reference);
                result.Add(new TemporalExpression(TextSpan.FromBounds(wordStart, e.Span.End), iv, Coarser(PrecisionOf(iv), e.Precision), Timex(iv), false));
                continue;
            }

            result.Add(e);
        }

        return result.DrainToImmutable();
    }

    static string? LastWordBefore(string text, TextSpan scope, int start, out int wordStart)
    {
        var e = start;
        while (e > scope.Start && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        var s = e;
        while (s > scope.Start && char.IsLetter(text[s - 1]))
        {
            s--;
        }

        wordStart = s;
        return e > s && e < start ? text[s..e].ToUpperInvariant() : null;
    }

    static string? Connector(string text, int end, int nextStart)
    {
        if (nextStart <= end || nextStart - end > 10)
        {
            return null;
        }

        var between = text.AsSpan(end, nextStart - end).Trim();
        return between switch
        {
            "-" or "–" => between.ToString(),
            _ when between.Equals("to", StringComparison.OrdinalIgnoreCase) => "TO",
            _ when between.Equals("and", StringComparison.OrdinalIgnoreCase) => "AND",
            _ when between.Equals("through", StringComparison.OrdinalIgnoreCase) => "THROUGH",
            _ when between.Equals("until", StringComparison.OrdinalIgnoreCase) => "UNTIL",
            _ when between.Equals("till", StringComparison.OrdinalIgnoreCase) => "TILL",
            _ => null,
        };
    }

    // ---- helpers -----------------------------------------------------------------------------------

    static DateInterval ApplyMod(DateInterval whole, string unit, string? mod, DateOnly reference)
    {
        var s = whole.Start;
        var e = whole.End;
        switch (unit, mod)
        {
            case (_, "earlier"):
                return reference > s && reference <= e.AddDays(1) ? new DateInterval(s, reference.AddDays(-1)) : whole;
            case (_, "rest"):
                return reference >= s && reference <= e ? new DateInterval(reference, e) : whole;
            case (_, "later"):
                return reference >= s && reference <= e ? new DateInterval(reference, e) : whole;
            case ("month", "early" or "start"):
                return new DateInterval(s, s.AddDays(14));
            case ("month", "mid"):
                return new DateInterval(s.AddDays(9), s.AddDays(19));
            case ("month", "late" or "end"):
                return new DateInterval(s.AddDays(15), e);
            case ("week", "early" or "start"):
                return new DateInterval(s, s.AddDays(2));
            case ("week", "mid"):
                return new DateInterval(s.AddDays(1), s.AddDays(4));
            case ("week", "late" or "end"):
                return new DateInterval(s.AddDays(3), e);
            case ("year", "early" or "h1"):
                return new DateInterval(s, new DateOnly(s.Year, 6, 30));
            case ("year", "start"):
                return new DateInterval(s, new DateOnly(s.Year, 4, 30));
            case ("year", "mid"):
                return new DateInterval(new DateOnly(s.Year, 5, 1), new DateOnly(s.Year, 8, 31));
            case ("year", "late" or "h2"):
                return new DateInterval(new DateOnly(s.Year, 7, 1), e);
            case ("year", "end"):
                return new DateInterval(new DateOnly(s.Year, 9, 1), e);
            default:
                return whole;
        }
    }

    static DateOnly? Anchor(DateOnly reference, bool future, Func<int, DateOnly?> inYear)
    {
        var d = inYear(reference.Year);
        if (future)
        {
            return d is { } x && x >= reference ? x : inYear(reference.Year + 1);
        }

        return d is { } y && y <= reference ? y : inYear(reference.Year - 1);
    }

    int? MonthOf(Match m)
    {
        var g = m.Groups["monthnum"];
        if (g.Success)
        {
            return int.Parse(g.ValueSpan, CultureInfo.InvariantCulture);
        }

        g = m.Groups["month"];
        return g.Success ? Int(_lexicon.Lookup("month", g.ValueSpan)) : null;
    }

    int? DayOf(Match m, string digits, string word)
    {
        var g = m.Groups[digits];
        if (g.Success && int.TryParse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        g = m.Groups["dayword"];
        return word == "dayword" && g.Success ? Int(_lexicon.Lookup("dayword", g.ValueSpan)) : null;
    }

    static int? YearOf(Match m)
    {
        var g = m.Groups["yy"];
        if (g.Success)
        {
            var yy = int.Parse(g.ValueSpan, CultureInfo.InvariantCulture);
            return yy < 50 ? 2000 + yy : 1900 + yy;
        }

        g = m.Groups["year"];
        return g.Success ? int.Parse(g.ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    int? NumberOf(ReadOnlySpan<char> s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Int(_lexicon.Lookup("number", s));

    static bool IsVerbLikeMonth(Match m)
    {
        var g = m.Groups["month"];
        return g.Success && (g.ValueSpan.SequenceEqual("may") || g.ValueSpan.SequenceEqual("march"));
    }

    static bool HasUpperCase(string text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    static bool FollowedByOf(string text, Match m)
    {
        var i = m.Index + m.Length;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i + 2 <= text.Length && text.AsSpan(i, 2).Equals("of", StringComparison.OrdinalIgnoreCase)
            && (i + 2 == text.Length || !char.IsLetter(text[i + 2]));
    }

    static DateOnly Add(DateOnly d, string unit, int n) => unit switch
    {
        "day" => d.AddDays(n),
        "week" => d.AddDays(7 * n),
        "month" => d.AddMonths(n),
        "year" => d.AddYears(n),
        "decade" => d.AddYears(10 * n),
        _ => d,
    };

    TimePrecision AgoPrecision(Match m) => _lexicon.Lookup("unit", m.Groups["unit"].ValueSpan) switch
    {
        "day" => TimePrecision.Day,
        "week" => TimePrecision.Week,
        _ => TimePrecision.Month,
    };

    static int? Int(string? s) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    static DateOnly? TryDate(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    static DateInterval Day(DateOnly d) => new(d, d);

    static DateInterval Week(DateOnly d)
    {
        var monday = d.AddDays(1 - IsoDay(d));
        return new DateInterval(monday, monday.AddDays(6));
    }

    static DateInterval Month(DateOnly d) => new(new DateOnly(d.Year, d.Month, 1), new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month)));

    static DateInterval Year(int y) => new(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));

    static TimePrecision Coarser(TimePrecision a, TimePrecision b) => (TimePrecision)Math.Max((int)a, (int)b);

    /// <summary>ACLED precision of an interval: one day → Day, up to seven days → Week, longer → Month.</summary>
    public static TimePrecision PrecisionOf(DateInterval interval)
    {
        var days = interval.End.DayNumber - interval.Start.DayNumber + 1;
        return days <= 1 ? TimePrecision.Day : days <= 7 ? TimePrecision.Week : TimePrecision.Month;
    }

    /// <summary>TIMEX3-style value of an interval: a day, an ISO week, a month, a year, or "(start,end,PnD)".</summary>
    public static string Timex(DateInterval iv)
    {
        var s = iv.Start;
        var e = iv.End;
        if (s == e)
        {
            return s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (s.Day == 1 && e == s.AddMonths(1).AddDays(-1))
        {
            return s.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        if (s.Month == 1 && s.Day == 1 && e == new DateOnly(s.Year, 12, 31))
        {
            return s.Year.ToString(CultureInfo.InvariantCulture);
        }

        if (s.DayOfWeek == DayOfWeek.Monday && e == s.AddDays(6))
        {
            var week = ISOWeek.GetWeekOfYear(s.ToDateTime(TimeOnly.MinValue));
            var wy = ISOWeek.GetYear(s.ToDateTime(TimeOnly.MinValue));
            return string.Create(CultureInfo.InvariantCulture, $"{wy}-W{week:00}");
        }

        var days = e.DayNumber - s.DayNumber + 1;
        return string.Create(CultureInfo.InvariantCulture, $"({s:yyyy-MM-dd},{e.AddDays(1):yyyy-MM-dd},P{days}D)");
    }
}

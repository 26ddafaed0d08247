using Sitrep.Text;

namespace Sitrep.Temporal;

/// <summary>A temporal expression found in text and resolved against a reference date.</summary>
/// <param name="Span">Where it is in the cleaned text.</param>
/// <param name="Interval">The days it can denote ("last week" → seven days).</param>
/// <param name="Precision">ACLED time precision of the interval.</param>
/// <param name="Timex">TIMEX3-style value ("2017-11-11", "2017-W45", "2017-10").</param>
/// <param name="Future">True when the expression points after the reference date.</param>
public sealed record TemporalExpression(TextSpan Span, DateInterval Interval, TimePrecision Precision, string Timex, bool Future = false);

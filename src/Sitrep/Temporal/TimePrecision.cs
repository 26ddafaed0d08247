namespace Sitrep.Temporal;

/// <summary>How precisely an event's date is known, in ACLED's terms (1 day, 2 week, 3 month or coarser).</summary>
public enum TimePrecision
{
    /// <summary>The day is known.</summary>
    Day = 1,
    /// <summary>Known to within about a week.</summary>
    Week = 2,
    /// <summary>Known to within a month or worse.</summary>
    Month = 3,
}

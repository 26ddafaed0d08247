namespace Sitrep.Temporal;

/// <summary>Inclusive date interval.</summary>
public readonly record struct DateInterval(DateOnly Start, DateOnly End)
{
    /// <summary>True when the two intervals share a day.</summary>
    public bool Overlaps(DateInterval other) => Start <= other.End && other.Start <= End;
}

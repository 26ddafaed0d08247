namespace Sitrep.Temporal;

/// <summary>How to read an expression that could point either way ("on Friday", "in June", "Nov. 3").</summary>
public enum TenseHint
{
    /// <summary>Past (news mode) unless a future cue precedes it in the sentence ("will meet on Friday").</summary>
    Auto,
    /// <summary>The most recent one on or before the reference date.</summary>
    Past,
    /// <summary>The next one on or after the reference date.</summary>
    Future,
}

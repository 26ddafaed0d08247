namespace Sitrep.Events;

/// <summary>How control of a place changed, as the control timelines read it.</summary>
public enum TerritoryChangeKind
{
    /// <summary><see cref="TerritoryChange.To"/> took the place by force (capture, recapture, overrun, liberate).</summary>
    Capture,
    /// <summary>Handed over without fighting (evacuation deal, handover, entry after agreement).</summary>
    Transfer,
    /// <summary><see cref="TerritoryChange.From"/> withdrew; <see cref="TerritoryChange.To"/> holds it afterwards when given.</summary>
    Withdrawal,
    /// <summary><see cref="TerritoryChange.To"/> encircled or besieged the place held by <see cref="TerritoryChange.From"/>: contested.</summary>
    Encirclement,
    /// <summary>A statement that <see cref="TerritoryChange.To"/> holds the place ("the army holds the town"), no change claimed.</summary>
    Claim,
}

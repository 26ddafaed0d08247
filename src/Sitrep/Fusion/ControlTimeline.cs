using System.Collections.Immutable;
using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>Whether a place is held by one party, fought over, or of unknown control.</summary>
public enum ControlState
{
    /// <summary>Held by <see cref="ControlPeriod.Controller"/>.</summary>
    Held,
    /// <summary>Besieged, encircled, or subject of conflicting claims.</summary>
    Contested,
    /// <summary>Nobody is known to hold it (e.g. after a withdrawal).</summary>
    Unknown,
}

/// <summary>One piece of evidence for a control period: the event that started (or implied) it and its reports.</summary>
/// <param name="EventId">The (fused) event.</param>
/// <param name="EventDate">When the change happened (not when it was reported).</param>
/// <param name="Kind">Capture, transfer, withdrawal, encirclement or claim.</param>
/// <param name="From">Who lost or held it before.</param>
/// <param name="To">Who took, besieged or claims it.</param>
/// <param name="Summary">The event's summary, when given.</param>
/// <param name="Sources">The reports: outlet, date, link, sentence.</param>
public sealed record ControlEvidence(
    EventId EventId,
    DateOnly EventDate,
    TerritoryChangeKind Kind,
    ActorRef? From,
    ActorRef? To,
    string? Summary,
    ImmutableArray<EventSource> Sources);

/// <summary>A stretch of time during which a place had one controller and state.</summary>
/// <param name="Place">The place.</param>
/// <param name="Controller">Who held it (for contested: the holder under pressure); null when unknown.</param>
/// <param name="From">First day, or null when it started before anything we know.</param>
/// <param name="Until">First day of the next period, or null when it still holds.</param>
/// <param name="State">Held, contested or unknown.</param>
/// <param name="Evidence">The events establishing it (for inferred earlier holders: the change that implies them).</param>
public sealed record ControlPeriod(
    EventLocation Place,
    ActorRef? Controller,
    DateOnly? From,
    DateOnly? Until,
    ControlState State,
    ImmutableArray<ControlEvidence> Evidence)
{
    /// <summary>True when <paramref name="date"/> lies within the period.</summary>
    public bool Covers(DateOnly date) => (From is null || From <= date) && (Until is null || date < Until);
}

/// <summary>The controllers of one place over time, oldest first.</summary>
/// <param name="Key">Place key: gazetteer id or normalised name.</param>
/// <param name="Place">The place as most precisely reported.</param>
/// <param name="Periods">Consecutive periods.</param>
public sealed record ControlTimeline(string Key, EventLocation Place, ImmutableArray<ControlPeriod> Periods)
{
    /// <summary>The period covering <paramref name="date"/>, or null when nothing is known then.</summary>
    public ControlPeriod? At(DateOnly date) => Periods.LastOrDefault(p => p.Covers(date));
}

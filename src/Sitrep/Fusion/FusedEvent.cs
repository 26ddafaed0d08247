using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>One value claimed for a field and the reports claiming it.</summary>
/// <param name="Value">The claimed value, as text ("28", "Islamic State").</param>
/// <param name="Reports">Ids of the reports making the claim.</param>
/// <param name="Documents">Documents those reports come from.</param>
public sealed record Claim(string Value, ImmutableArray<EventId> Reports, ImmutableArray<DocumentId> Documents);

/// <summary>A field on which the reports of one fused event disagree; every claim stays visible.</summary>
/// <param name="Field">"fatalities", "actor1", "actor2", "sub_event_type", "territory_to".</param>
/// <param name="Claims">Each distinct value with its reports, most reported first.</param>
public sealed record ClaimConflict(string Field, ImmutableArray<Claim> Claims);

/// <summary>
/// An occurrence reported one or more times. <see cref="Event"/> is the merged ACLED-style record (its
/// <see cref="ConflictEvent.Sources"/> hold every report's evidence, its fatalities the lowest credible figure);
/// <see cref="Reports"/> keeps each report untouched with its own figures.
/// </summary>
/// <param name="Id">Stable id derived from the member reports.</param>
/// <param name="Event">The merged event.</param>
/// <param name="Reports">Every report fused into it, ordered by id.</param>
/// <param name="FatalitiesLow">Lowest reported fatality figure (ACLED's rule), or null.</param>
/// <param name="FatalitiesHigh">Highest reported figure, or null.</param>
/// <param name="IndependentSources">Number of independent sources: documents, with near-duplicate republications counted once.</param>
/// <param name="Conflicts">Fields the reports disagree on.</param>
public sealed record FusedEvent(
    EventId Id,
    ConflictEvent Event,
    ImmutableArray<ConflictEvent> Reports,
    int? FatalitiesLow,
    int? FatalitiesHigh,
    int IndependentSources,
    ImmutableArray<ClaimConflict> Conflicts);

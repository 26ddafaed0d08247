namespace Sitrep.Events;

/// <summary>A query over stored events; null members do not filter.</summary>
/// <param name="Place">Place id or name; with <paramref name="RadiusKm"/> every event within that distance of it.</param>
/// <param name="RadiusKm">Radius around <paramref name="Place"/>.</param>
/// <param name="Actor">Actor id or (part of a) name, either side.</param>
/// <param name="Type">ACLED event type or sub-event type label.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="IncludeNonAsserted">Also statements that are negated, planned, feared...</param>
public sealed record EventQuery(string? Place = null, double? RadiusKm = null, string? Actor = null, string? Type = null,
    DateOnly? From = null, DateOnly? To = null, bool IncludeNonAsserted = false);

namespace Sitrep.Syntax;

/// <summary>An oblique dependent of a predicate with its preposition ("from" in "liberated the town from IS").</summary>
/// <param name="Token">Index of the oblique's head noun.</param>
/// <param name="Preposition">Lower-cased case marker(s) ("from", "in front of"), or null when there is none ("last month").</param>
/// <param name="Relation">The full relation ("obl", "obl:tmod", "obl:agent").</param>
public sealed record Oblique(int Token, string? Preposition, string Relation);

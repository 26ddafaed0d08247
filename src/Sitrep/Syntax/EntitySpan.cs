namespace Sitrep.Syntax;

/// <summary>Named-entity kinds the recogniser knows.</summary>
public enum EntityKind
{
    /// <summary>A person.</summary>
    Person,
    /// <summary>An organisation, armed group, institution.</summary>
    Organization,
    /// <summary>A location or geo-political entity.</summary>
    Location,
}

/// <summary>A named entity over tokens [<see cref="Start"/>, <see cref="End"/>) of a sentence.</summary>
public sealed record EntitySpan(int Start, int End, EntityKind Kind);
